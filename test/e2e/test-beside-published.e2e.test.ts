/**
 * "Test this trigger" on the published echo bot inside a real n8n, against the emulator: the test URL
 * listens as an extra destination of the number while the published workflow keeps answering, both
 * receive the same inbound message, and when the test ends the number's webhooks are what they were.
 * The test is started as the editor starts it: POST /rest/workflows/<id>/run with the trigger to start
 * from and the trigger as destination (n8n 2.41's TestWebhooks then registers the test URL).
 */
import type { Emulator } from '../../emulator';
import { delay, eventually } from '../../dev/wait';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStack } = require('../../dev/stack') as typeof import('../../dev/stack');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadAllExamples, ECHO_BOT, SEND_HOOK, ROUTE_BY_TYPE, VOICE_NOTE } =
	require('../../dev/workflows') as typeof import('../../dev/workflows');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OWNER } = require('../../dev/rest') as typeof import('../../dev/rest');

type Stack = Awaited<ReturnType<typeof startStack>>;

const TRIGGER = 'WhatsApp Trigger';
const ECHO_WEBHOOK_ID = '7f3c9d2e-360d-4e60-9b1a-ec40b0e00001';
const JANE = '4915112345678';

jest.setTimeout(180_000);

describe('testing the trigger of the published echo bot', () => {
	let stack: Stack;
	let emulator: Emulator;

	const numberState = () => ({
		main: emulator.webhooks()[0],
		extra: emulator.extraDestinations()[0],
	});
	const productionUrl = () => `${stack.n8n.url}/webhook/${ECHO_WEBHOOK_ID}/webhook`;
	const testUrl = () => `${stack.n8n.url}/webhook-test/${ECHO_WEBHOOK_ID}/webhook`;

	/** The trigger's Message output in the echo bot's finished executions of one mode. */
	async function messagesIn(mode: 'manual' | 'webhook') {
		const runs = await stack.rest.nodeOutputs(ECHO_BOT, TRIGGER);
		const listed = await stack.rest.executions(ECHO_BOT);
		const modeOf = new Map(listed.map((e: { id: string; mode: string }) => [e.id, e.mode]));
		return runs.filter((run) => modeOf.get(run.id) === mode).flatMap((run) => run.outputs[0] ?? []);
	}

	/**
	 * "Test this trigger" as the editor sends it: the whole saved workflow, the trigger to start from and the
	 * trigger as the inclusive destination, so that only the trigger runs. Answers n8n's reply.
	 */
	async function testTrigger(): Promise<{ status: number; body: any }> {
		const rest = `${stack.n8n.url}/rest`;
		const login = await fetch(`${rest}/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': 'trigger-test' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		expect(login.status).toBe(200);
		const headers = {
			'content-type': 'application/json',
			'browser-id': 'trigger-test',
			cookie: (login.headers.get('set-cookie') ?? '').split(';')[0],
		};
		const saved = (await (await fetch(`${rest}/workflows/${ECHO_BOT}`, { headers })).json()) as {
			data: unknown;
		};
		const started = await fetch(`${rest}/workflows/${ECHO_BOT}/run`, {
			method: 'POST',
			headers,
			body: JSON.stringify({
				workflowData: saved.data,
				triggerToStartFrom: { name: TRIGGER },
				destinationNode: { nodeName: TRIGGER, mode: 'inclusive' },
			}),
		});
		return { status: started.status, body: await started.json() };
	}

	beforeAll(async () => {
		// What `npm start` imports: every example.
		stack = await startStack({ workflows: loadAllExamples() });
		emulator = stack.emulator!;
	}, 15 * 60_000);

	afterAll(async () => {
		await stack?.stop();
	});

	test('the published echo bot keeps answering while the test receives the same message, and the number is put back', async () => {
		await stack.rest.activate(ECHO_BOT);
		await emulator.waitFor(() => emulator.webhooks()[0].url === productionUrl() || undefined, {
			timeoutMs: 30_000,
			description: 'the echo bot registering its production URL',
		});
		const before = numberState();

		// The editor's "Test this trigger": only the trigger runs, so the test itself sends nothing.
		expect(await testTrigger()).toEqual({
			status: 200,
			body: { data: { waitingForWebhook: true } },
		});
		const listening = await emulator.waitFor(
			() => emulator.extraDestinations()[0].destinations.find((d) => d.url === testUrl()),
			{ timeoutMs: 30_000, description: 'the test URL listening as an extra destination' },
		);
		expect(listening.name).toMatch(/\(test\)$/);
		expect(emulator.webhooks()[0]).toEqual(before.main);

		const inbound = emulator.injectInbound({
			from: JANE,
			name: 'Jane',
			type: 'text',
			text: { body: 'hello while testing' },
		});
		const reply = await emulator.waitFor(
			() =>
				emulator.sent.find(
					(m) => m.to === JANE && m.request.text?.body === 'You said: hello while testing',
				),
			{ timeoutMs: 60_000, description: 'the published echo bot answering' },
		);
		expect(reply.request.context).toEqual({ message_id: inbound.messageId });

		const tested = await eventually(
			async () =>
				(await messagesIn('manual')).find((item) => item.json.messageId === inbound.messageId),
			{ description: 'the test execution with the same inbound message', timeoutMs: 60_000 },
		);
		expect(tested.json).toMatchObject({ from: JANE, text: 'hello while testing' });
		const published = await eventually(
			async () =>
				(await messagesIn('webhook')).find((item) => item.json.messageId === inbound.messageId),
			{ description: 'the production execution with the same message', timeoutMs: 60_000 },
		);
		expect(published.json).toMatchObject({ from: JANE, text: 'hello while testing' });

		// One message, one test: n8n removes the test webhook after its execution.
		await emulator.waitFor(
			() =>
				emulator.extraDestinations()[0].destinations.every((d) => d.url !== testUrl()) || undefined,
			{ timeoutMs: 30_000, description: "the test's entry removed when the test ended" },
		);
		expect(numberState()).toEqual(before);

		// The published workflow answered once, and still answers after the test.
		await delay(1000);
		expect(
			emulator.sent.filter((m) => m.request.context?.message_id === inbound.messageId),
		).toHaveLength(1);
		const after = emulator.injectInbound({
			from: JANE,
			name: 'Jane',
			type: 'text',
			text: { body: 'after the test' },
		});
		await emulator.waitFor(
			() => emulator.sent.find((m) => m.request.context?.message_id === after.messageId),
			{ timeoutMs: 60_000, description: 'the echo bot answering after the test' },
		);
	});

	test('every example that can be published is published together; then the test says in its first line why it cannot listen', async () => {
		for (const id of [SEND_HOOK, ROUTE_BY_TYPE, VOICE_NOTE]) await stack.rest.activate(id);
		const hook = (webhookId: string) => `${stack.n8n.url}/webhook/${webhookId}/webhook`;
		const all = await emulator.waitFor(
			() => (numberState().extra.destinations.length === 2 ? numberState() : undefined),
			{ timeoutMs: 30_000, description: 'both extra-destination examples registered' },
		);
		expect(all.main.url).toBe(productionUrl());
		expect(all.extra.destinations.map((d) => d.url).sort()).toEqual(
			[
				hook('7f3c9d2e-360d-4e60-9b1a-ec40b0e00004'),
				hook('7f3c9d2e-360d-4e60-9b1a-ec40b0e00021'),
			].sort(),
		);

		const refused = await testTrigger();
		expect(refused.status).toBe(500);
		const firstLine = String(refused.body.message).split('\n')[0];
		expect(firstLine).toContain('All 3 webhooks of this WhatsApp number are in use');
		expect(firstLine).toContain(`${productionUrl()} (this workflow's production URL)`);
		expect(firstLine).toContain('unpublish a workflow that uses one');
		expect(numberState()).toEqual(all);
	});
});
