/**
 * The package in n8n's queue mode, against the 360dialog emulator: Redis, PostgreSQL, an n8n main (activation, REST
 * API), one worker (runs the executions) and one webhook processor (receives the webhooks), all real processes
 * started for this file and stopped by process id.
 */
import type { Emulator } from '../../emulator';
import { contact, envelope, inboundText } from '../helpers/envelopes';
import { delay, eventually } from '../../dev/wait';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStack } = require('../../dev/stack') as typeof import('../../dev/stack');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadExample, ECHO_BOT, SEND_HOOK } =
	require('../../dev/workflows') as typeof import('../../dev/workflows');

type Stack = Awaited<ReturnType<typeof startStack>>;
type Item = { json: Record<string, any> };

const ECHO_WEBHOOK_ID = '7f3c9d2e-360d-4e60-9b1a-ec40b0e00001';
const TRIGGER = 'WhatsApp Trigger';
const SECRET_HEADER = 'x-n8n-webhook-secret';
const JANE = '4915112345678';

jest.setTimeout(120_000);

describe('the package in n8n queue mode (main, worker, webhook processor)', () => {
	let stack: Stack;
	let emulator: Emulator;
	let queue: NonNullable<Stack['queue']>;

	const echoProductionUrl = (base: string) => `${base}/webhook/${ECHO_WEBHOOK_ID}/webhook`;
	const registeredSecret = () => emulator.webhooks()[0].headers['X-N8n-Webhook-Secret'];

	/** Posts a webhook body to the echo bot on the webhook processor: with the registered secret, a given one, or none. */
	async function postToEcho(body: unknown, secret: string | 'registered' | null = 'registered') {
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		if (secret !== null)
			headers[SECRET_HEADER] = secret === 'registered' ? registeredSecret() : secret;
		return await fetch(echoProductionUrl(stack.webhookUrl), {
			method: 'POST',
			headers,
			body: JSON.stringify(body),
		});
	}

	/** The trigger's Message and Status outputs of every finished echo-bot execution, read from the main's REST API. */
	async function echoRuns() {
		const runs = await stack.rest.nodeOutputs(ECHO_BOT, TRIGGER);
		return runs.map(({ id, status, outputs }) => ({
			id,
			status,
			messages: (outputs[0] ?? []) as Item[],
			statuses: (outputs[1] ?? []) as Item[],
		}));
	}
	const echoRunWith = (
		predicate: (run: Awaited<ReturnType<typeof echoRuns>>[number]) => boolean,
		description: string,
	) =>
		eventually(async () => (await echoRuns()).find(predicate), {
			timeoutMs: 45_000,
			intervalMs: 300,
			description: `an echo-bot execution ${description}`,
		});
	const workerRan = (executionId: string) =>
		queue.workers[0].output.some((line) =>
			line.includes(`Worker started execution ${executionId} `),
		);

	/** Time for anything that should not happen (an execution) to have happened. */
	const settle = () => delay(2500);

	beforeAll(async () => {
		// The example's trigger is at version 2.1, as the recommended settings assume: no expression while
		// reading the request, and no database write before the answer.
		const echo = loadExample('echo-bot.json');
		expect(echo.nodes.find((node: { name: string }) => node.name === TRIGGER).typeVersion).toBe(
			2.1,
		);
		stack = await startStack({
			mode: 'queue',
			workflows: [echo, loadExample('send-from-webhook.json')],
			emulatorOptions: { statusGapMs: 20 },
		});
		emulator = stack.emulator!;
		queue = stack.queue!;
	}, 15 * 60_000);

	afterAll(async () => {
		await stack?.stop();
	});

	test('activation through the main registers the webhook processor, with a secret, on the number', async () => {
		expect(stack.webhookUrl).toBe(queue.webhookProcessors[0].url);
		await stack.rest.activate(ECHO_BOT);
		const webhook = await emulator.waitFor(
			() =>
				emulator.webhooks()[0].url === echoProductionUrl(stack.webhookUrl)
					? emulator.webhooks()[0]
					: undefined,
			{ timeoutMs: 30_000, description: 'the echo bot registering its webhook' },
		);
		expect(webhook.headers['X-N8n-Webhook-Secret']).toMatch(/^[0-9a-f]{64}$/);
		// The main does not receive production webhooks in this set-up: only the processor does.
		const atMain = await fetch(echoProductionUrl(stack.n8n.url), { method: 'POST', body: '{}' });
		await atMain.body?.cancel();
		expect(atMain.status).toBe(404);
	});

	test('an inbound text comes out on the Message output, and the worker sends the reply', async () => {
		const inbound = emulator.injectInbound({
			from: JANE,
			name: 'Jane',
			type: 'text',
			text: { body: 'hello in queue mode' },
		});
		const reply = await emulator.waitFor(
			() => emulator.sent.find((m) => m.request.text?.body === 'You said: hello in queue mode'),
			{ timeoutMs: 45_000, description: 'the echo reply' },
		);
		expect(reply.to).toBe(JANE);
		expect(reply.request.context).toEqual({ message_id: inbound.messageId });

		const run = await echoRunWith(
			(r) => r.messages.some((m) => m.json.messageId === inbound.messageId),
			'with the inbound text',
		);
		expect(run.status).toBe('success');
		expect(run.statuses).toEqual([]);
		expect(run.messages[0].json).toMatchObject({
			from: JANE,
			type: 'text',
			text: 'hello in queue mode',
		});
		expect(workerRan(run.id)).toBe(true);
		const deliveries = emulator.deliveries.filter(
			(d) => d.body.entry?.[0]?.changes?.[0]?.value?.messages?.[0]?.id === inbound.messageId,
		);
		expect(deliveries.map((d) => [d.url, d.attempt, d.ok])).toEqual([
			[echoProductionUrl(queue.webhookProcessors[0].url), 1, true],
		]);
	});

	test("the reply's statuses come out on the Status output", async () => {
		const reply = emulator.sent.find(
			(m) => m.request.text?.body === 'You said: hello in queue mode',
		);
		expect(reply).toBeDefined();
		for (const status of ['delivered', 'read']) {
			const run = await echoRunWith(
				(r) => r.statuses.some((s) => s.json.messageId === reply!.id && s.json.status === status),
				`with the ${status} status of the reply`,
			);
			expect(run.messages).toEqual([]);
			expect(run.statuses.find((s) => s.json.messageId === reply!.id)!.json).toMatchObject({
				recipientId: JANE,
				businessPhoneNumberId: emulator.webhooks()[0].phoneNumberId,
			});
			expect(workerRan(run.id)).toBe(true);
		}
	});

	test('the webhook processor answers a forged post 401 and starts nothing', async () => {
		await settle();
		const before = (await echoRuns()).length;
		const forged = envelope({
			contacts: [contact('Mallory', '4915100000666')],
			messages: [inboundText('wamid.FORGED.QUEUE', '4915100000666', 'pay me')],
		});
		for (const secret of [null, 'f'.repeat(64)]) {
			const answer = await postToEcho(forged, secret);
			await answer.body?.cancel();
			expect(answer.status).toBe(401);
		}
		await settle();
		expect(await echoRuns()).toHaveLength(before);
		expect(emulator.sent.some((m) => m.to === '4915100000666')).toBe(false);
	});

	test('a redelivery to the one webhook processor runs once', async () => {
		const inbound = emulator.injectInbound({
			from: JANE,
			name: 'Jane',
			type: 'text',
			text: { body: 'only once in queue mode' },
		});
		await echoRunWith(
			(r) => r.messages.some((m) => m.json.messageId === inbound.messageId),
			'with the first delivery',
		);
		const again = await postToEcho(inbound.envelope);
		expect(again.status).toBe(200);
		expect(await again.json()).toEqual({ received: true });
		await settle();
		const withMessage = (await echoRuns()).filter((r) =>
			r.messages.some((m) => m.json.messageId === inbound.messageId),
		);
		expect(withMessage).toHaveLength(1);
		expect(
			emulator.sent.filter((m) => m.request.text?.body === 'You said: only once in queue mode'),
		).toHaveLength(1);
	});

	test('a send started by a webhook runs on the worker and answers with the accepted message', async () => {
		await stack.rest.activate(SEND_HOOK);
		const answer = await eventually(
			async () => {
				const response = await fetch(`${stack.webhookUrl}/webhook/send-whatsapp`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ to: `+${JANE}`, text: 'sent from the worker' }),
				});
				if (response.status !== 404) return response;
				await response.body?.cancel(); // not registered yet
				return undefined;
			},
			{ timeoutMs: 30_000, intervalMs: 500, description: 'the send webhook being registered' },
		);
		expect(answer.status).toBe(200);
		const sent = (await answer.json()) as { messageId: string; waId: string };
		expect(sent.messageId).toMatch(/^wamid\./);
		expect(sent.waId).toBe(JANE);
		const record = emulator.sent.find((m) => m.id === sent.messageId);
		expect(record?.request.text).toEqual({ body: 'sent from the worker' });
		const [run] = await stack.rest.executions(SEND_HOOK);
		expect(workerRan(String(run.id))).toBe(true);
	});
});
