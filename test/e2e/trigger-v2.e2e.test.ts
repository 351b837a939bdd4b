/**
 * Trigger version 2 inside a real n8n against the emulator: two workflows sharing one number (main webhook
 * and extra destination), inbound media as binary data, a status storm that starts nothing, the Event
 * output, AI agent fields on every message type, and the voice note example.
 */
import type { Emulator } from '../../emulator';
import { delay, eventually } from '../../dev/wait';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStack } = require('../../dev/stack') as typeof import('../../dev/stack');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadExample, CREDENTIAL } =
	require('../../dev/workflows') as typeof import('../../dev/workflows');

type Stack = Awaited<ReturnType<typeof startStack>>;
type Item = { json: Record<string, any>; binary?: Record<string, any> };

const MAIN = 'D360TrigV2Main01';
const EXTRA = 'D360TrigV2Extra1';
const VOICE = 'D360VoiceNote001';
const MAIN_HOOK = '7f3c9d2e-360d-4e60-9b1a-ec40b0e00011';
const EXTRA_HOOK = '7f3c9d2e-360d-4e60-9b1a-ec40b0e00012';
const VERIFICATION_HEADER = 'X-N8n-Webhook-Secret';
const JANE = '4915112345678';
/** A small PNG: what the emulator serves must reach the workflow byte for byte. */
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64',
);

jest.setTimeout(180_000);

const credentials = { dialog360Api: { id: CREDENTIAL.id, name: CREDENTIAL.name } };

function triggerNode(name: string, webhookId: string, parameters: Record<string, unknown>) {
	return {
		id: `${webhookId}-node`,
		name,
		type: 'CUSTOM.dialog360Trigger',
		typeVersion: 2,
		position: [0, 0],
		webhookId,
		parameters,
		credentials,
	};
}

const noOp = (name: string) => ({
	id: `noop-${name}`,
	name,
	type: 'n8n-nodes-base.noOp',
	typeVersion: 1,
	position: [300, 0],
	parameters: {},
});

/** The main webhook: files downloaded, Event output on, nothing connected to Status. */
const mainWorkflow = {
	id: MAIN,
	name: 'trigger v2: main webhook',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		triggerNode('Main Trigger', MAIN_HOOK, {
			webhookRole: 'main',
			accountEvents: true,
			options: { downloadMedia: true },
		}),
		{
			id: 'extract-bytes',
			name: 'File Bytes',
			type: 'n8n-nodes-base.extractFromFile',
			typeVersion: 1,
			position: [300, 0],
			// Text messages have no file: they pass through.
			onError: 'continueRegularOutput',
			parameters: {
				operation: 'binaryToPropery',
				binaryPropertyName: 'data',
				destinationKey: 'fileBase64',
			},
		},
		noOp('Events'),
	],
	connections: {
		'Main Trigger': {
			main: [
				[{ node: 'File Bytes', type: 'main', index: 0 }],
				[],
				[{ node: 'Events', type: 'main', index: 0 }],
			],
		},
	},
};

/** An extra destination beside it, with only its Message output connected. */
const extraWorkflow = {
	id: EXTRA,
	name: 'trigger v2: extra destination',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [triggerNode('Extra Trigger', EXTRA_HOOK, { webhookRole: 'extra' }), noOp('Messages')],
	connections: { 'Extra Trigger': { main: [[{ node: 'Messages', type: 'main', index: 0 }], []] } },
};

describe('trigger version 2 inside a real n8n', () => {
	let stack: Stack;
	let emulator: Emulator;
	const parsed = new Map<string, any>();

	const hookUrl = (webhookId: string) => `${stack.n8n.url}/webhook/${webhookId}/webhook`;

	/** Finished executions of a workflow with their run data. */
	async function finished(workflowId: string) {
		const executions = (await stack.rest.executions(workflowId)).filter(
			(execution: { status: string }) => !['new', 'running'].includes(execution.status),
		);
		for (const execution of executions)
			if (!parsed.has(execution.id))
				parsed.set(execution.id, await stack.rest.execution(execution.id));
		return executions.map((execution: { id: string }) => parsed.get(execution.id));
	}

	/** The items a node put on one output, in every finished execution of a workflow. */
	async function outputs(workflowId: string, node: string, output = 0): Promise<Item[][]> {
		return (await finished(workflowId)).map(
			(execution) =>
				(execution.data.resultData.runData[node]?.[0]?.data?.main?.[output] ?? []) as Item[],
		);
	}

	async function waitForItem(
		workflowId: string,
		node: string,
		predicate: (item: Item) => boolean,
		description: string,
		output = 0,
	): Promise<Item> {
		return await eventually(
			async () => (await outputs(workflowId, node, output)).flat().find(predicate),
			{ description, timeoutMs: 60_000 },
		);
	}

	beforeAll(async () => {
		// The voice note example as the number's only webhook (it ships as an extra destination).
		const voice = loadExample('voice-note-reply.json');
		voice.nodes[0].parameters.webhookRole = 'main';
		stack = await startStack({
			workflows: [mainWorkflow, extraWorkflow, voice],
			emulatorOptions: { statusGapMs: 10 },
			n8nEnv: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
		});
		emulator = stack.emulator!;
	}, 15 * 60_000);

	afterAll(async () => {
		await stack?.stop();
	});

	test('the main webhook and an extra destination register on the same number', async () => {
		await stack.rest.activate(MAIN);
		await stack.rest.activate(EXTRA);
		const number = await emulator.waitFor(
			() => {
				const extra = emulator.extraDestinations()[0];
				return emulator.webhooks()[0].url === hookUrl(MAIN_HOOK) &&
					extra.enabled &&
					extra.destinations.some((d) => d.url === hookUrl(EXTRA_HOOK))
					? extra
					: undefined;
			},
			{ timeoutMs: 30_000, description: 'both registrations' },
		);
		expect(number.destinations.map((d) => d.url)).toEqual([hookUrl(EXTRA_HOOK)]);
		expect(number.destinations[0].headers[VERIFICATION_HEADER]).toMatch(/^[0-9a-f]{64}$/);
		expect(number.destinations[0].headers[VERIFICATION_HEADER]).not.toBe(
			emulator.webhooks()[0].headers[VERIFICATION_HEADER],
		);
	});

	test('both workflows receive the same inbound message, with chatInput and sessionId', async () => {
		const inbound = emulator.injectInbound({ from: JANE, name: 'Jane', text: 'hello to both' });
		const byId = (item: Item) => item.json.messageId === inbound.messageId;
		const inMain = await waitForItem(MAIN, 'Main Trigger', byId, 'the main workflow run');
		const inExtra = await waitForItem(EXTRA, 'Extra Trigger', byId, 'the extra workflow run');
		for (const item of [inMain, inExtra])
			expect(item.json).toMatchObject({ chatInput: 'hello to both', sessionId: JANE, from: JANE });
	});

	test('an inbound image arrives as binary data byte-identical to what the emulator served', async () => {
		const image = emulator.injectInbound({
			from: JANE,
			name: 'Jane',
			type: 'image',
			image: { caption: 'the receipt' },
			media: { base64: PNG.toString('base64'), mimeType: 'image/png' },
		});
		const trigger = await waitForItem(
			MAIN,
			'Main Trigger',
			(item) => item.json.messageId === image.messageId,
			'the image run',
		);
		expect(trigger.binary?.data).toMatchObject({ mimeType: 'image/png' });
		expect(trigger.binary?.data.fileName).toMatch(/^image-\d+\.png$/);
		expect(trigger.json.mediaError).toBeUndefined();
		// The file as the next node reads it from n8n's binary data store: the PNG is the only file of this run.
		const execution = (await finished(MAIN)).find((run) =>
			(run.data.resultData.runData['Main Trigger']?.[0]?.data?.main?.[0] ?? []).some(
				(item: Item) => item.json.messageId === image.messageId,
			),
		);
		const [bytes] = execution.data.resultData.runData['File Bytes'][0].data.main[0] as Item[];
		expect(Buffer.from(String(bytes.json.fileBase64), 'base64').equals(PNG)).toBe(true);
	});

	test('a status storm with nothing connected to the Status output starts no execution in either workflow', async () => {
		await delay(1500);
		const before = {
			main: (await stack.rest.executions(MAIN)).length,
			extra: (await stack.rest.executions(EXTRA)).length,
		};
		const statusDeliveriesBefore = emulator.deliveries.filter((d) => d.kind === 'status').length;
		for (let i = 0; i < 20; i++) {
			const answer = await fetch(`${emulator.url}/messages`, {
				method: 'POST',
				headers: { 'D360-API-KEY': stack.number.apiKey, 'content-type': 'application/json' },
				body: JSON.stringify({
					messaging_product: 'whatsapp',
					to: JANE,
					type: 'text',
					text: { body: `broadcast ${i}` },
				}),
			});
			expect(answer.status).toBe(200);
		}
		// 20 messages × sent, delivered, read, to the main webhook and the extra destination.
		await emulator.waitFor(
			() =>
				emulator.deliveries.filter((d) => d.kind === 'status' && d.ok).length >=
				statusDeliveriesBefore + 120,
			{ timeoutMs: 60_000, description: 'every status delivered' },
		);
		expect(emulator.deliveries.filter((d) => d.kind === 'status' && !d.ok)).toEqual([]);
		await delay(2000);
		expect((await stack.rest.executions(MAIN)).length).toBe(before.main);
		expect((await stack.rest.executions(EXTRA)).length).toBe(before.extra);
	});

	test('account and template events arrive on the Event output', async () => {
		const secret = emulator.webhooks()[0].headers[VERIFICATION_HEADER];
		const answer = await fetch(hookUrl(MAIN_HOOK), {
			method: 'POST',
			headers: { 'content-type': 'application/json', [VERIFICATION_HEADER]: secret },
			body: JSON.stringify({
				object: 'whatsapp_business_account',
				entry: [
					{
						id: stack.number.wabaId,
						time: 1763740900,
						changes: [
							{
								field: 'message_template_status_update',
								value: {
									event: 'APPROVED',
									message_template_id: 555,
									message_template_name: 'order_update_e2e',
									message_template_language: 'en_US',
									reason: 'NONE',
								},
							},
						],
					},
				],
			}),
		});
		expect(answer.status).toBe(200);
		const event = await waitForItem(
			MAIN,
			'Main Trigger',
			(item) => item.json.messageTemplateName === 'order_update_e2e',
			'the template event',
			2,
		);
		expect(event.json).toMatchObject({
			event: 'account',
			kind: 'messageTemplateStatusUpdate',
			field: 'message_template_status_update',
		});
		const events = await waitForItem(
			MAIN,
			'Events',
			(item) => item.json.messageTemplateName === 'order_update_e2e',
			'the event past the Event output',
		);
		expect(events.json.event).toBe('account');
	});

	test('every message type carries chatInput and sessionId', async () => {
		const inputs: Array<Record<string, unknown>> = [
			{ type: 'text', text: 'plain text' },
			{ type: 'image' },
			{ type: 'audio', audio: { voice: true } },
			{ type: 'video', video: { caption: 'a clip' } },
			{ type: 'document', document: { filename: 'terms.pdf' } },
			{ type: 'sticker' },
			{ type: 'location', location: { latitude: 52.52, longitude: 13.4, name: 'Office' } },
			{ type: 'contacts', contacts: [{ name: { formatted_name: 'Omar K' } }] },
			{
				type: 'interactive',
				interactive: { type: 'list_reply', list_reply: { id: 'r1', title: 'Tuesday' } },
			},
			{ type: 'button', button: { payload: 'STOP', text: 'Stop promotions' } },
			{ type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '👍' } },
			{ type: 'order', order: { catalog_id: 'c1', product_items: [], text: 'two please' } },
			{ type: 'system' },
			{ type: 'unsupported' },
		];
		const sent = inputs.map((input) =>
			emulator.injectInbound({ from: JANE, name: 'Jane', ...input }),
		);
		for (const [index, message] of sent.entries()) {
			const item = await waitForItem(
				EXTRA,
				'Extra Trigger',
				(candidate) => candidate.json.messageId === message.messageId,
				`the ${String(inputs[index].type)} message`,
			);
			expect([inputs[index].type, typeof item.json.chatInput]).toEqual([
				inputs[index].type,
				'string',
			]);
			expect(item.json.chatInput.trim()).not.toBe('');
			expect(item.json.sessionId).toBe(JANE);
		}
	});

	test('deactivating the extra destination leaves the main webhook registered and receiving', async () => {
		await stack.rest.deactivate(EXTRA);
		await emulator.waitFor(() => emulator.extraDestinations()[0].destinations.length === 0, {
			timeoutMs: 30_000,
			description: 'the extra destination removed',
		});
		expect(emulator.webhooks()[0].url).toBe(hookUrl(MAIN_HOOK));
		const inbound = emulator.injectInbound({ from: JANE, name: 'Jane', text: 'main only now' });
		await waitForItem(
			MAIN,
			'Main Trigger',
			(item) => item.json.messageId === inbound.messageId,
			'the main workflow still receiving',
		);
	});

	test('the voice note example: the file as transcription-ready binary, a typing indicator, then the reply', async () => {
		await stack.rest.deactivate(MAIN);
		await stack.rest.activate(VOICE);
		await emulator.waitFor(() => emulator.webhooks()[0].url?.includes('ec40b0e00021'), {
			timeoutMs: 30_000,
			description: 'the example registering its webhook',
		});
		const voice = emulator.injectInbound({
			from: JANE,
			name: 'Jane',
			type: 'audio',
			audio: { voice: true },
		});
		const reply = await emulator.waitFor(
			() => emulator.sent.find((m) => m.request.context?.message_id === voice.messageId),
			{ timeoutMs: 60_000, description: 'the reply to the voice note' },
		);
		expect(reply.request.text.body).toMatch(/^Got your voice note \(voice-\d+\.ogg, audio\/ogg\)/);
		const typing = emulator.requests.find(
			(r) => r.body?.typing_indicator && r.body.message_id === voice.messageId,
		);
		const replyRequest = emulator.requests.find((r) => r.response?.messages?.[0]?.id === reply.id);
		expect(typing!.seq).toBeLessThan(replyRequest!.seq);
		const trigger = await waitForItem(
			VOICE,
			'Voice Note In',
			(item) => item.json.messageId === voice.messageId,
			'the example run',
		);
		expect(trigger.binary?.data).toMatchObject({ mimeType: 'audio/ogg' });
		expect(trigger.json).toMatchObject({ chatInput: '[voice note]', sessionId: JANE });
	});
});
