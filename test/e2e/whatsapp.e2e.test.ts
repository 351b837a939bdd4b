/**
 * The package inside a real n8n process, against the 360dialog emulator: the example workflows are imported
 * and activated through n8n's own REST API, inbound messages and statuses travel as real webhooks, and
 * replies as real API calls.
 */
import type { Emulator } from '../../emulator';
import { contact, envelope, inboundText } from '../helpers/envelopes';
import { delay, eventually } from '../../dev/wait';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStack, EMULATOR_NUMBER } =
	require('../../dev/stack') as typeof import('../../dev/stack');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadExample, ECHO_BOT, SEND_HOOK } =
	require('../../dev/workflows') as typeof import('../../dev/workflows');

type Stack = Awaited<ReturnType<typeof startStack>>;
type Item = { json: Record<string, any> };

const ROUTE = 'D360RouteType001';
const ROUTE_TAKEOVER = 'D360RouteType002';
const BROADCAST = 'D360Broadcast001';
const ECHO_WEBHOOK_ID = '7f3c9d2e-360d-4e60-9b1a-ec40b0e00001';
const VERIFICATION_HEADER = 'x-n8n-webhook-secret';
const FOREIGN_WEBHOOK = {
	url: 'https://previous-crm.example.com/whatsapp',
	headers: { Authorization: 'Basic cHJldmlvdXM6d2ViaG9vaw==' },
};
const JANE = '4915112345678';
const OMAR = '4915187654321';

jest.setTimeout(120_000);

describe('the package inside a real n8n', () => {
	let stack: Stack;
	let emulator: Emulator;
	const parsedExecutions = new Map<string, any>();

	const echoWebhookUrl = () => `${stack.n8n.url}/webhook/${ECHO_WEBHOOK_ID}/webhook`;
	/** Posts a webhook body to the echo bot's trigger ourselves: with the registered secret, a given one, or none. */
	async function postToEcho(body: unknown, secret: string | 'registered' | null = 'registered') {
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		if (secret !== null)
			headers[VERIFICATION_HEADER] =
				secret === 'registered' ? registeredWebhook().headers['X-N8n-Webhook-Secret'] : secret;
		return await fetch(echoWebhookUrl(), { method: 'POST', headers, body: JSON.stringify(body) });
	}

	const registeredWebhook = () => emulator.webhooks()[0];
	/** Waits until the number's webhook satisfies `predicate`, and answers it. */
	const webhookWhen = (
		predicate: (webhook: ReturnType<typeof registeredWebhook>) => boolean,
		description: string,
	) =>
		emulator.waitFor(() => (predicate(registeredWebhook()) ? registeredWebhook() : undefined), {
			timeoutMs: 30_000,
			description,
		});

	/** The trigger's outputs of every finished execution of the echo bot: [messages, statuses] each. */
	async function echoTriggerOutputs(): Promise<
		Array<{ id: string; messages: Item[]; statuses: Item[] }>
	> {
		const executions = await stack.rest.executions(ECHO_BOT);
		const outputs = [];
		for (const execution of executions) {
			if (execution.status === 'running' || execution.status === 'new') continue;
			if (!parsedExecutions.has(execution.id))
				parsedExecutions.set(execution.id, await stack.rest.execution(execution.id));
			const main =
				parsedExecutions.get(execution.id).data.resultData.runData['WhatsApp Trigger']?.[0]?.data
					?.main ?? [];
			outputs.push({
				id: execution.id,
				messages: (main[0] ?? []) as Item[],
				statuses: (main[1] ?? []) as Item[],
			});
		}
		return outputs;
	}

	async function waitForExecution(
		predicate: (output: { messages: Item[]; statuses: Item[] }) => boolean,
		description: string,
	) {
		return await eventually(async () => (await echoTriggerOutputs()).find(predicate), {
			description: `an execution of the echo bot ${description}`,
		});
	}

	/** Time for anything that should not happen (an execution, a webhook write) to have happened. */
	const settle = () => delay(2000);

	beforeAll(async () => {
		const echo = loadExample('echo-bot.json');
		echo.nodes[0].parameters.options = { replaceExistingWebhook: true };
		const takeover = loadExample('route-by-type.json');
		Object.assign(takeover, {
			id: ROUTE_TAKEOVER,
			name: `${takeover.name} (takes over the number)`,
		});
		Object.assign(takeover.nodes[0], {
			webhookId: '7f3c9d2e-360d-4e60-9b1a-ec40b0e00005',
			id: 'e9c4f8d3-0004-4000-8000-0000000000f1',
		});
		takeover.nodes[0].parameters.options = { replaceExistingWebhook: true };
		// The router as a second main webhook of the number (the example listens as an extra destination).
		const route = loadExample('route-by-type.json');
		for (const router of [route, takeover]) router.nodes[0].parameters.webhookRole = 'main';
		stack = await startStack({
			workflows: [
				echo,
				loadExample('send-from-webhook.json'),
				route,
				takeover,
				loadExample('template-broadcast.json'),
			],
			emulatorOptions: {
				numbers: [{ ...EMULATOR_NUMBER, webhook: FOREIGN_WEBHOOK }],
				statusGapMs: 20,
			},
		});
		emulator = stack.emulator!;
	}, 15 * 60_000);

	afterAll(async () => {
		await stack?.stop();
	});

	test('1. activation registers the webhook, with its secret header, on the emulator', async () => {
		await stack.rest.activate(ECHO_BOT);
		await stack.rest.activate(SEND_HOOK);
		const webhook = await webhookWhen(
			(current) => current.url === echoWebhookUrl(),
			'the echo bot registering its webhook',
		);
		const secretHeader = Object.entries(webhook.headers).find(
			([name]) => name.toLowerCase() === VERIFICATION_HEADER,
		);
		expect(secretHeader?.[1]).toMatch(/^[0-9a-f]{64}$/);
		const configCalls = emulator.requests.filter((r) => r.path === '/v1/configs/webhook');
		expect(configCalls.map((r) => r.method)).toEqual(['GET', 'POST']);
		expect(configCalls.every((r) => r.headers['d360-api-key'] === 'emulator-key')).toBe(true);
	});

	test('2. an inbound text runs the echo bot: a typing indicator, then the reply', async () => {
		const inbound = emulator.injectInbound({
			from: JANE,
			name: 'Jane',
			type: 'text',
			text: { body: 'hello from Jane' },
		});
		const reply = await emulator.waitFor(
			() =>
				emulator.sent.find(
					(m) =>
						m.type === 'text' &&
						m.to === JANE &&
						m.request.text?.body === 'You said: hello from Jane',
				),
			{ timeoutMs: 30_000, description: 'the echo reply' },
		);
		expect(reply.request).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: JANE,
			type: 'text',
			text: { body: 'You said: hello from Jane' },
			context: { message_id: inbound.messageId },
		});
		const typing = emulator.requests.find(
			(r) =>
				r.path === '/messages' &&
				r.body?.typing_indicator &&
				r.body.message_id === inbound.messageId,
		);
		expect(typing?.body).toEqual({
			messaging_product: 'whatsapp',
			status: 'read',
			message_id: inbound.messageId,
			typing_indicator: { type: 'text' },
		});
		expect(typing?.status).toBe(200);
		const replyRequest = emulator.requests.find((r) => r.response?.messages?.[0]?.id === reply.id);
		expect(typing!.seq).toBeLessThan(replyRequest!.seq);
		expect(typing!.headers['d360-api-key']).toBe('emulator-key');
		expect(replyRequest!.headers['d360-api-key']).toBe('emulator-key');
	});

	test('3. the status webhooks that follow arrive on the Status output', async () => {
		const reply = emulator.sent.find((m) => m.to === JANE && m.type === 'text');
		expect(reply).toBeDefined();
		for (const status of ['delivered', 'read']) {
			const execution = await waitForExecution(
				(output) =>
					output.statuses.some(
						(item) => item.json.messageId === reply!.id && item.json.status === status,
					),
				`with a ${status} status of the reply`,
			);
			expect(execution.messages).toEqual([]);
			const item = execution.statuses.find((s) => s.json.messageId === reply!.id)!;
			expect(item.json).toMatchObject({
				recipientId: JANE,
				businessPhoneNumberId: '100000000000001',
			});
			expect(item.json.timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
		}
	});

	test('4. a forged webhook without the secret gets 401 and starts no execution', async () => {
		await settle();
		const before = (await stack.rest.executions(ECHO_BOT)).length;
		const forged = envelope({
			contacts: [contact('Mallory', '4915100000666')],
			messages: [inboundText('wamid.FORGED', '4915100000666', 'pay me')],
		});
		expect((await postToEcho(forged, null)).status).toBe(401);
		expect((await postToEcho(forged, 'f'.repeat(64))).status).toBe(401);
		await settle();
		expect((await stack.rest.executions(ECHO_BOT)).length).toBe(before);
		expect(emulator.sent.some((m) => m.to === '4915100000666')).toBe(false);
	});

	test('5. the same delivery posted twice starts one execution', async () => {
		const inbound = emulator.injectInbound({
			from: JANE,
			name: 'Jane',
			type: 'text',
			text: { body: 'only once' },
		});
		await waitForExecution(
			(output) => output.messages.some((m) => m.json.messageId === inbound.messageId),
			'for the first delivery',
		);
		const again = await postToEcho(inbound.envelope);
		expect(again.status).toBe(200);
		expect(await again.json()).toEqual({ received: true });
		await settle();
		const withMessage = (await echoTriggerOutputs()).filter((o) =>
			o.messages.some((m) => m.json.messageId === inbound.messageId),
		);
		expect(withMessage).toHaveLength(1);
		expect(
			emulator.sent.filter((m) => m.request.text?.body === 'You said: only once'),
		).toHaveLength(1);
	});

	test('a delivery that starts an execution is answered with JSON too', async () => {
		const inbound = emulator.injectInbound({
			from: JANE,
			name: 'Jane',
			type: 'text',
			text: { body: 'posted directly' },
			deliver: false,
		});
		const answer = await postToEcho(inbound.envelope);
		expect(answer.status).toBe(200);
		expect(answer.headers.get('content-type')).toMatch(/application\/json/);
		expect(await answer.json()).toEqual({ received: true });
		await waitForExecution(
			(output) => output.messages.some((m) => m.json.messageId === inbound.messageId),
			'for the direct post',
		);
	});

	test('7. a free-form message outside the window fails with the 131047 hint on the Status output, and a template gets through', async () => {
		emulator.setContactWindow({ waId: OMAR, lastInboundHoursAgo: 25 });
		const answer = await fetch(`${stack.n8n.url}/webhook/send-whatsapp`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				to: `+${OMAR}`,
				text: 'Your order has shipped',
				reference: 'order-42',
			}),
		});
		expect(answer.status).toBe(200);
		const sent = (await answer.json()) as { messageId: string; waId: string };
		expect(sent.messageId).toMatch(/^wamid\./);

		const failed = await waitForExecution(
			(output) =>
				output.statuses.some(
					(s) => s.json.messageId === sent.messageId && s.json.status === 'failed',
				),
			'with the failed status of the free-form message',
		);
		const status = failed.statuses.find((s) => s.json.messageId === sent.messageId)!.json;
		expect(status.errorCode).toBe(131047);
		expect(status.errorHint).toMatch(/Send Template/);
		expect(status.bizOpaqueCallbackData).toBe('order-42');

		const template = await emulator.waitFor(
			() =>
				emulator.sent.find(
					(m) => m.type === 'template' && m.to === OMAR && ['delivered', 'read'].includes(m.status),
				),
			{ timeoutMs: 30_000, description: 'the template to the same contact being delivered' },
		);
		expect(template.request.template).toEqual({ name: 'hello_world', language: { code: 'en_US' } });
	});

	test('6. deactivation restores the webhook that was registered before', async () => {
		await stack.rest.deactivate(ECHO_BOT);
		const restored = await webhookWhen(
			(current) => current.url === FOREIGN_WEBHOOK.url,
			'the previous webhook being put back',
		);
		expect(restored.headers).toEqual(FOREIGN_WEBHOOK.headers);
	});

	test('a second trigger workflow never takes over the number it does not own', async () => {
		const writesBefore = emulator.requests.filter(
			(r) => r.method === 'POST' && r.path === '/v1/configs/webhook',
		).length;
		const readsBefore = emulator.requests.filter(
			(r) => r.method === 'GET' && r.path === '/v1/configs/webhook',
		).length;
		await stack.rest.activate(ROUTE).catch(() => undefined);
		await emulator.waitFor(
			() =>
				emulator.requests.filter((r) => r.method === 'GET' && r.path === '/v1/configs/webhook')
					.length > readsBefore,
			{
				timeoutMs: 30_000,
				description: "the trigger reading the number's webhook at activation",
			},
		);
		await settle();
		expect(
			emulator.requests.filter((r) => r.method === 'POST' && r.path === '/v1/configs/webhook'),
		).toHaveLength(writesBefore);
		expect(registeredWebhook()).toEqual({ phoneNumberId: '100000000000001', ...FOREIGN_WEBHOOK });
	});

	test('the router example answers text, media and interactive replies on their own branches', async () => {
		await stack.rest.deactivate(ROUTE);
		await stack.rest.activate(ROUTE_TAKEOVER);
		await webhookWhen(
			(current) => current.url?.includes('7f3c9d2e-360d-4e60-9b1a-ec40b0e00005') === true,
			'the router registering its webhook',
		);

		const image = emulator.injectInbound({
			from: JANE,
			name: 'Jane',
			type: 'image',
			image: { caption: 'my cat' },
			media: { mimeType: 'image/jpeg' },
		});
		const choice = emulator.injectInbound({
			from: OMAR,
			name: 'Omar',
			type: 'interactive',
			interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes please' } },
		});
		const mediaAnswer = await emulator.waitFor(
			() => emulator.sent.find((m) => m.request.context?.message_id === image.messageId),
			{
				timeoutMs: 30_000,
				description: 'the answer to the image',
			},
		);
		expect(mediaAnswer.request.text).toEqual({ body: 'Got your image (image/jpeg).' });
		const choiceAnswer = await emulator.waitFor(
			() =>
				emulator.sent.find(
					(m) => m.to === OMAR && m.request.text?.body === 'You chose: Yes please',
				),
			{
				timeoutMs: 30_000,
				description: 'the answer to the button reply',
			},
		);
		expect(choiceAnswer.type).toBe('text');
		expect(choice.messageId).toMatch(/^wamid\./);

		await stack.rest.deactivate(ROUTE_TAKEOVER);
		await webhookWhen(
			(current) => current.url === FOREIGN_WEBHOOK.url,
			'the previous webhook being put back again',
		);
	});

	test('the broadcast example sends the approved template to every contact of its list', async () => {
		const sentBefore = emulator.sent.length;
		const executionId = await stack.rest.runManually(BROADCAST, 'Start');
		const execution = await eventually(
			async () => {
				const found = (await stack.rest.executions(BROADCAST)).find(
					(e: { id: string; status: string }) => e.id === executionId,
				);
				return found && !['new', 'running'].includes(found.status) ? found : undefined;
			},
			{ description: 'the broadcast run to finish' },
		);
		expect(execution.status).toBe('success');
		const templates = emulator.sent.slice(sentBefore).filter((m) => m.type === 'template');
		expect(templates.map((m) => m.to).sort()).toEqual(['16505550101', '4915112345678']);
		for (const message of templates) {
			expect(message.request.template.name).toBe('order_update');
			expect(message.request.template.components).toEqual([
				{
					type: 'body',
					parameters: expect.arrayContaining([expect.objectContaining({ type: 'text' })]),
				},
			]);
		}
		const jane = templates.find((m) => m.to === JANE)!;
		expect(jane.request.template.components[0].parameters).toEqual([
			{ type: 'text', text: 'Jane' },
			{ type: 'text', text: 'A-1001' },
		]);
		expect(jane.request.biz_opaque_callback_data).toBe('A-1001');
	});
});
