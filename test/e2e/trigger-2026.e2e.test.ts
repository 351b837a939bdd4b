/**
 * Trigger version 2.2 inside a real n8n against the emulator: every 2026 webhook kind (account and template
 * events, deleted and edited messages, call permission replies, calls and call statuses, Business App echoes,
 * history, contact syncs, groups, usernames, per-message pricing) lands on its output with its fields, an
 * echo never on the Message output; and the "pause the bot when a human answers" example.
 */
import type { Emulator } from '../../emulator';
import { delay, eventually } from '../../dev/wait';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStack } = require('../../dev/stack') as typeof import('../../dev/stack');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadExample, CREDENTIAL } =
	require('../../dev/workflows') as typeof import('../../dev/workflows');

type Stack = Awaited<ReturnType<typeof startStack>>;
type Json = Record<string, any>;

const KINDS = 'D360Trig2026Kind';
const PAUSE = 'D360PauseBot0001';
const KINDS_HOOK = '7f3c9d2e-360d-4e60-9b1a-ec40b0e00041';
const TRIGGER = '2026 Trigger';
const MESSAGE = 0;
const STATUS = 1;
const EVENT = 2;
const JANE = '4915112345678';
const OMAR = '4915187654321';
const GROUP = 'Y2FwaV9ncm91cDoxNTU1MDAwMTExMToxMjAzNjM0MDQ2OTQyMzM4MjA';

jest.setTimeout(240_000);

const noOp = (name: string, y: number) => ({
	id: `noop-${name}`,
	name,
	type: 'n8n-nodes-base.noOp',
	typeVersion: 1,
	position: [300, y],
	parameters: {},
});

/** The number's main webhook: version 2.2 with every output connected, so every item is kept in its run. */
const kindsWorkflow = {
	id: KINDS,
	name: 'trigger 2.2: every kind',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: 'trigger-2026',
			name: TRIGGER,
			type: 'CUSTOM.dialog360Trigger',
			typeVersion: 2.2,
			position: [0, 0],
			webhookId: KINDS_HOOK,
			parameters: { webhookRole: 'main' },
			credentials: { dialog360Api: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
		},
		noOp('Messages', 0),
		noOp('Statuses', 100),
		noOp('Events', 200),
	],
	connections: {
		[TRIGGER]: {
			main: [
				[{ node: 'Messages', type: 'main', index: 0 }],
				[{ node: 'Statuses', type: 'main', index: 0 }],
				[{ node: 'Events', type: 'main', index: 0 }],
			],
		},
	},
};

describe('trigger version 2.2 inside a real n8n', () => {
	let stack: Stack;
	let emulator: Emulator;

	/** Every item the trigger put on one output of a workflow, in its finished executions. */
	async function itemsOn(workflowId: string, node: string, output: number): Promise<Json[]> {
		const runs = await stack.rest.nodeOutputs(workflowId, node);
		return runs.flatMap((run) => (run.outputs[output] ?? []).map((item) => item.json));
	}

	async function waitOn(output: number, predicate: (item: Json) => boolean, description: string) {
		return await eventually(async () => (await itemsOn(KINDS, TRIGGER, output)).find(predicate), {
			description,
			timeoutMs: 60_000,
		});
	}

	beforeAll(async () => {
		stack = await startStack({
			workflows: [kindsWorkflow, loadExample('pause-bot-when-human-answers.json')],
			emulatorOptions: { statusGapMs: 10 },
			n8nEnv: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
		});
		emulator = stack.emulator!;
		await stack.rest.activate(KINDS);
		await emulator.waitFor(() => emulator.webhooks()[0].url?.includes('ec40b0e00041'), {
			timeoutMs: 30_000,
			description: 'the main webhook',
		});
	}, 15 * 60_000);

	afterAll(async () => {
		await stack?.stop();
	});

	test('two account events of the same second with different event values both arrive, each saying what happened', async () => {
		const time = Math.floor(Date.now() / 1000);
		emulator.injectEvent({ field: 'account_update', time, value: { event: 'DISABLED_UPDATE' } });
		emulator.injectEvent({ field: 'account_update', time, value: { event: 'PARTNER_REMOVED' } });
		for (const event of ['DISABLED_UPDATE', 'PARTNER_REMOVED'])
			expect(
				await waitOn(EVENT, (item) => item.event === event, `the ${event} event`),
			).toMatchObject({ itemType: 'event', field: 'account_update', kind: 'accountUpdate' });
	});

	test('a template rejection keeps its status, reason and recommendation', async () => {
		emulator.injectEvent({
			field: 'message_template_status_update',
			value: {
				event: 'REJECTED',
				message_template_id: 1689556908129835,
				message_template_name: 'abandoned_cart',
				message_template_language: 'en',
				reason: 'INVALID_FORMAT',
				rejection_info: { reason: 'Parameters side by side', recommendation: 'Add words between' },
			},
		});
		const item = await waitOn(
			EVENT,
			(i) => i.messageTemplateName === 'abandoned_cart',
			'the rejection',
		);
		expect(item).toMatchObject({
			kind: 'messageTemplateStatusUpdate',
			event: 'REJECTED',
			reason: 'INVALID_FORMAT',
			rejectionInfo: { reason: 'Parameters side by side', recommendation: 'Add words between' },
		});
	});

	test('deleted and edited messages reach the Message output with the original id and the new text', async () => {
		const revoke = emulator.injectInbound({
			from: OMAR,
			name: 'Omar',
			type: 'revoke',
			originalMessageId: 'wamid.GONE',
		});
		const edit = emulator.injectInbound({
			from: OMAR,
			name: 'Omar',
			type: 'edit',
			originalMessageId: 'wamid.OLDTEXT',
			text: 'two pizzas, not three',
		});
		expect(
			await waitOn(MESSAGE, (i) => i.messageId === revoke.messageId, 'the deleted message'),
		).toMatchObject({
			type: 'revoke',
			originalMessageId: 'wamid.GONE',
			chatInput: '[message deleted]',
		});
		expect(
			await waitOn(MESSAGE, (i) => i.messageId === edit.messageId, 'the edited message'),
		).toMatchObject({
			type: 'edit',
			editedType: 'text',
			originalMessageId: 'wamid.OLDTEXT',
			text: 'two pizzas, not three',
			chatInput: 'two pizzas, not three',
		});
	});

	test('a call permission reply carries the answer, its source and its expiry', async () => {
		const reply = emulator.injectInbound({
			from: OMAR,
			name: 'Omar',
			type: 'interactive',
			interactive: {
				type: 'call_permission_reply',
				call_permission_reply: {
					response: 'accept',
					expiration_timestamp: 1765604000,
					response_source: 'user_action',
				},
			},
		});
		const item = await waitOn(
			MESSAGE,
			(i) => i.messageId === reply.messageId,
			'the permission reply',
		);
		expect(item.callPermission).toEqual({
			response: 'accept',
			responseSource: 'user_action',
			expiresAt: '2025-12-13T05:33:20.000Z',
			expirationTimestamp: 1765604000,
		});
	});

	test('calls are Event items with their SDP; a call status reaches the Status output marked as a call', async () => {
		emulator.injectEvent({
			kind: 'call',
			waId: OMAR,
			id: 'wacid.E2E1',
			event: 'connect',
			sdp: 'v=0',
		});
		emulator.injectEvent({
			kind: 'call',
			waId: OMAR,
			id: 'wacid.E2E1',
			event: 'terminate',
			duration: 42,
		});
		emulator.injectEvent({
			kind: 'callStatus',
			waId: OMAR,
			callId: 'wacid.E2E2',
			status: 'RINGING',
		});
		expect(
			await waitOn(EVENT, (i) => i.callId === 'wacid.E2E1' && i.event === 'connect', 'the connect'),
		).toMatchObject({
			kind: 'call',
			direction: 'USER_INITIATED',
			from: OMAR,
			session: { sdp: 'v=0', sdpType: 'offer' },
		});
		expect(
			await waitOn(EVENT, (i) => i.callId === 'wacid.E2E1' && i.event === 'terminate', 'the end'),
		).toMatchObject({ status: 'COMPLETED', duration: 42 });
		expect(await waitOn(STATUS, (i) => i.callId === 'wacid.E2E2', 'the call status')).toMatchObject(
			{ itemType: 'status', status: 'RINGING', isCall: true, recipientId: OMAR },
		);
		const messages = await itemsOn(KINDS, TRIGGER, MESSAGE);
		expect(messages.some((i) => String(i.messageId).startsWith('wacid.'))).toBe(false);
	});

	test('history arrives one Event item per message with its thread; a contact sync one per change', async () => {
		emulator.injectEvent({
			kind: 'history',
			threads: [
				{ waId: OMAR, messages: [{ text: 'Open Sundays?' }, { text: 'Yes', fromBusiness: true }] },
			],
		});
		emulator.injectEvent({
			kind: 'contactSync',
			contacts: [{ phoneNumber: OMAR, fullName: 'Omar K', action: 'add' }],
		});
		expect(
			await waitOn(
				EVENT,
				(i) => i.kind === 'historyMessage' && i.text === 'Open Sundays?',
				'history',
			),
		).toMatchObject({ threadId: OMAR, sentBy: 'user', historyStatus: 'READ' });
		expect(
			await waitOn(
				EVENT,
				(i) => i.kind === 'historyMessage' && i.text === 'Yes',
				'the business reply',
			),
		).toMatchObject({ threadId: OMAR, sentBy: 'business', to: OMAR });
		expect(await waitOn(EVENT, (i) => i.kind === 'contactSync', 'the contact sync')).toMatchObject({
			action: 'add',
			fullName: 'Omar K',
			phoneNumber: OMAR,
		});
	});

	test('group messages carry the group id and a group session; group updates and join requests are Event items', async () => {
		const inGroup = emulator.injectInbound({
			from: OMAR,
			name: 'Omar',
			text: 'When does the tour start?',
			groupId: GROUP,
		});
		emulator.injectEvent({
			kind: 'groupJoinRequest',
			groupId: GROUP,
			waId: JANE,
			joinRequestId: 'JR-E2E',
		});
		emulator.injectEvent({
			field: 'group_lifecycle_update',
			value: {
				groups: [
					{ timestamp: '1765001000', group_id: GROUP, type: 'group_create', subject: 'Tour' },
				],
			},
		});
		expect(
			await waitOn(MESSAGE, (i) => i.messageId === inGroup.messageId, 'the group message'),
		).toMatchObject({
			groupId: GROUP,
			chatInput: 'Omar: When does the tour start?',
			sessionId: `group:${GROUP}`,
		});
		expect(
			await waitOn(EVENT, (i) => i.joinRequestId === 'JR-E2E', 'the join request'),
		).toMatchObject({
			kind: 'groupParticipantsUpdate',
			type: 'group_join_request_created',
			groupId: GROUP,
			waId: JANE,
		});
		expect(
			await waitOn(EVENT, (i) => i.kind === 'groupLifecycleUpdate', 'the group creation'),
		).toMatchObject({ type: 'group_create', subject: 'Tour', groupId: GROUP });
	});

	test('a user who hides their number is delivered keyed by user id; username and user id changes are events', async () => {
		const hidden = emulator.injectInbound({
			hidePhone: true,
			fromUserId: 'IT.99887766554433221100',
			name: 'Luca',
			username: 'luca.rossi',
			text: 'still available?',
		});
		emulator.injectEvent({
			field: 'business_username_updates',
			value: { display_phone_number: '15550001111', username: 'acmeshop', status: 'approved' },
		});
		emulator.injectEvent({
			field: 'user_id_update',
			value: {
				user_id_update: [
					{ wa_id: OMAR, user_id: { previous: 'DE.1', current: 'DE.2' }, timestamp: '1765001600' },
				],
			},
		});
		const message = await waitOn(
			MESSAGE,
			(i) => i.messageId === hidden.messageId,
			'the hidden user',
		);
		expect(message).toMatchObject({
			fromUserId: 'IT.99887766554433221100',
			username: 'luca.rossi',
			sessionId: 'IT.99887766554433221100',
		});
		expect(message.from).toBeUndefined();
		expect(
			await waitOn(EVENT, (i) => i.kind === 'businessUsernameUpdates', 'the username update'),
		).toMatchObject({ username: 'acmeshop', status: 'approved' });
		expect(
			await waitOn(EVENT, (i) => i.kind === 'userIdUpdate', 'the user id change'),
		).toMatchObject({ waId: OMAR, previousUserId: 'DE.1', userId: 'DE.2' });
	});

	test('the example: the bot answers, goes quiet for a customer a human answered from the app, and not for others', async () => {
		await stack.rest.activate(PAUSE);
		await emulator.waitFor(
			() =>
				emulator.extraDestinations()[0].destinations.some((d) => d.url.includes('ec40b0e00031'))
					? true
					: undefined,
			{ timeoutMs: 30_000, description: 'the example added as an extra destination' },
		);
		const first = emulator.injectInbound({ from: JANE, name: 'Jane', text: 'hello bot' });
		const botReply = await emulator.waitFor(
			() =>
				emulator.sent.find((m) => m.request.to === JANE && /hello bot/.test(m.request.text?.body)),
			{ timeoutMs: 60_000, description: 'the bot answering Jane' },
		);
		expect(botReply.request.text.body).toMatch(/^Automatic reply/);
		expect(
			await waitOn(MESSAGE, (i) => i.messageId === first.messageId, 'hello bot'),
		).toBeDefined();

		// A person at the business answers Jane from the WhatsApp Business App.
		const echo = emulator.injectEvent({
			kind: 'messageEcho',
			to: JANE,
			name: 'Jane',
			text: "I'm on it",
		});
		const echoId = (echo.envelope as Json).entry[0].changes[0].value.message_echoes[0].id;
		const echoItem = await waitOn(
			EVENT,
			(i) => i.messageId === echoId,
			'the echo on the Event output',
		);
		expect(echoItem).toMatchObject({
			kind: 'messageEcho',
			sentBy: 'business',
			to: JANE,
			text: "I'm on it",
			sessionId: JANE,
		});
		const paused = await eventually(
			async () =>
				(await itemsOn(PAUSE, 'Pause Bot for 30 Minutes', 0)).find(
					(i) => i.pausedSessionId === JANE,
				),
			{ timeoutMs: 60_000, description: 'the example pausing the bot for Jane' },
		);
		expect(Date.parse(paused.pausedUntil) - Date.now()).toBeGreaterThan(29 * 60_000);

		const second = emulator.injectInbound({ from: JANE, name: 'Jane', text: 'are you there' });
		const other = emulator.injectInbound({ from: OMAR, name: 'Omar', text: 'hello from omar' });
		await emulator.waitFor(
			() =>
				emulator.sent.find(
					(m) => m.request.to === OMAR && /hello from omar/.test(m.request.text?.body),
				),
			{ timeoutMs: 60_000, description: 'the bot still answering Omar' },
		);
		// Jane's message ran through the example and stopped at the pause.
		await eventually(
			async () =>
				(await stack.rest.nodeOutputs(PAUSE, 'WhatsApp Trigger')).find((run) =>
					run.outputs[MESSAGE]?.some((item) => item.json.messageId === second.messageId),
				),
			{ timeoutMs: 60_000, description: "the example's run for Jane's second message" },
		);
		await delay(1_000);
		expect(emulator.sent.filter((m) => /are you there/.test(m.request.text?.body ?? ''))).toEqual(
			[],
		);
		expect(await waitOn(MESSAGE, (i) => i.messageId === other.messageId, 'omar')).toBeDefined();

		// The echo never reached a Message output, in either workflow.
		const messageIds = [
			...(await itemsOn(KINDS, TRIGGER, MESSAGE)),
			...(await itemsOn(PAUSE, 'WhatsApp Trigger', MESSAGE)),
		].map((i) => i.messageId);
		expect(messageIds).not.toContain(echoId);
	});

	test("statuses of the bot's replies carry per-message pricing as delivered", async () => {
		const status = await waitOn(STATUS, (i) => i.pricing !== undefined, 'a priced status');
		expect(status.pricing).toMatchObject({ pricingModel: 'PMP', type: 'regular' });
		expect(status).toMatchObject({ itemType: 'status', isCall: false });
	});
});
