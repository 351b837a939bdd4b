/**
 * Trigger version 2.2 through n8n-core's webhook context: every 2026 webhook kind lands on its output with
 * the fields that say what happened, and versions up to 2.1 keep their items.
 */
import { webhookFixture } from '../../fixtures/webhooks';
import { loadPackage, PackageNodeTypes, TRIGGER_NODE_TYPE } from '../../helpers/engine';
import { createTriggerHarness, type TriggerOptions } from '../../helpers/trigger';
import {
	startWebhookConfigServer,
	type WebhookConfigServer,
} from '../../helpers/webhookConfigServer';

const VERIFICATION_HEADER = 'X-N8n-Webhook-Secret';
const MESSAGE = 0;
const STATUS = 1;
const EVENT = 2;
let sequence = 0;

describe('360dialog Trigger version 2.2', () => {
	let server: WebhookConfigServer;
	const signed = () => ({ [VERIFICATION_HEADER]: server.config.headers![VERIFICATION_HEADER] });

	async function activeTrigger(options: Omit<TriggerOptions, 'baseUrl'> = {}) {
		const trigger = await createTriggerHarness({
			baseUrl: server.url,
			typeVersion: 2.2,
			nodeId: `v22-${++sequence}`,
			...options,
		});
		await trigger.create();
		return trigger;
	}

	/** The items of each output for one 2026 fixture, delivered to a fresh trigger. */
	async function outputsFor(name: string, options: Omit<TriggerOptions, 'baseUrl'> = {}) {
		const trigger = await activeTrigger(options);
		const result = await trigger.deliver({
			headers: signed(),
			body: webhookFixture(`kinds/${name}`),
		});
		expect(result.status).toBe(200);
		expect(result.outputs).toHaveLength(3);
		return result.outputs!.map((items) => items.map((item) => item.json));
	}

	beforeEach(async () => {
		server = await startWebhookConfigServer();
	});
	afterEach(async () => await server.close());

	test('version 2.2 always has Message, Status and Event outputs, and no "Account and Template Events" switch', async () => {
		const nodeTypes = new PackageNodeTypes(await loadPackage());
		const description = nodeTypes.getByNameAndVersion(TRIGGER_NODE_TYPE, 2.2).description;
		expect(description.outputNames).toEqual(['Message', 'Status', 'Event']);
		expect(description.outputs).toEqual(['main', 'main', 'main']);
		expect(description.properties.map((p) => p.name)).not.toContain('accountEvents');
	});

	test('account events of the same second with different event values all arrive, each with its event', async () => {
		const outputs = await outputsFor('account-events-same-second');
		expect(outputs[EVENT].map((item) => [item.kind, item.event ?? null])).toEqual([
			['accountUpdate', 'DISABLED_UPDATE'],
			['accountUpdate', 'PARTNER_REMOVED'],
			['messageTemplateStatusUpdate', 'REJECTED'],
			['messageTemplateStatusUpdate', 'APPROVED'],
			['messageTemplateQualityUpdate', null],
			['businessUsernameUpdates', null],
		]);
		expect(outputs[EVENT].every((item) => item.itemType === 'event')).toBe(true);
		expect(outputs[EVENT][2]).toMatchObject({
			rejectionInfo: { recommendation: 'Put words between the parameters.' },
		});
		expect(outputs[EVENT][4]).toMatchObject({
			previousQualityScore: 'GREEN',
			newQualityScore: 'RED',
		});
	});

	test('the same account event delivered again is dropped as a redelivery', async () => {
		const trigger = await activeTrigger();
		const body = () => webhookFixture('kinds/account-events-same-second');
		const first = await trigger.deliver({ headers: signed(), body: body() });
		const again = await trigger.deliver({ headers: signed(), body: body() });
		expect(first.outputs![EVENT]).toHaveLength(6);
		expect(again.outputs).toBeUndefined();
	});

	test('a deleted and an edited message reach the Message output with the original id and the new content', async () => {
		const [revoke] = (await outputsFor('message-revoke'))[MESSAGE];
		expect(revoke).toMatchObject({
			itemType: 'message',
			type: 'revoke',
			originalMessageId: 'wamid.ORIGINAL0001',
			chatInput: '[message deleted]',
		});
		const [edit] = (await outputsFor('message-edit-image'))[MESSAGE];
		expect(edit).toMatchObject({
			type: 'edit',
			editedType: 'image',
			originalMessageId: 'wamid.ORIGINAL0002',
			text: 'The red one, not the blue one',
			media: { id: '1480000000000001' },
			chatInput: 'The red one, not the blue one',
		});
	});

	test('"Message Types" can keep only edits', async () => {
		const onlyEdits = { parameters: { messageTypes: ['edit'] } };
		expect((await outputsFor('message-edit-text', onlyEdits))[MESSAGE]).toHaveLength(1);
		const trigger = await activeTrigger(onlyEdits);
		const revoke = await trigger.deliver({
			headers: signed(),
			body: webhookFixture('kinds/message-revoke'),
		});
		expect(revoke.outputs).toBeUndefined();
	});

	test('a call permission reply reaches the Message output with the answer, its source and expiry', async () => {
		const [reply] = (await outputsFor('message-call-permission-reply'))[MESSAGE];
		expect(reply.callPermission).toEqual({
			response: 'accept',
			responseSource: 'user_action',
			expiresAt: '2025-12-13T05:33:20.000Z',
			expirationTimestamp: 1765604000,
		});
	});

	test('a call is one Event item with its SDP, never a message; its statuses go to the Status output as a call', async () => {
		const connect = await outputsFor('calls-connect');
		expect(connect[MESSAGE]).toEqual([]);
		expect(connect[EVENT]).toHaveLength(1);
		expect(connect[EVENT][0]).toMatchObject({
			kind: 'call',
			callId: 'wacid.CALL0001',
			event: 'connect',
			direction: 'USER_INITIATED',
			session: { sdpType: 'offer' },
		});
		expect(connect[EVENT][0]).not.toHaveProperty('chatInput');

		const terminate = (await outputsFor('calls-terminate'))[EVENT][0];
		expect(terminate).toMatchObject({ event: 'terminate', status: 'COMPLETED', duration: 120 });

		const status = await outputsFor('calls-status');
		expect(status[EVENT]).toEqual([]);
		expect(status[STATUS].map((item) => [item.status, item.isCall, item.callId])).toEqual([
			['RINGING', true, 'wacid.CALL0002'],
			['ACCEPTED', true, 'wacid.CALL0002'],
		]);
	});

	test('a Business App echo lands on the Event output only, read like a message and sent by the business', async () => {
		const outputs = await outputsFor('smb-message-echoes');
		expect(outputs[MESSAGE]).toEqual([]);
		expect(outputs[EVENT].map((item) => [item.kind, item.sentBy, item.type, item.to])).toEqual([
			['messageEcho', 'business', 'text', '4915112345678'],
			['messageEcho', 'business', 'image', '4915112345678'],
		]);
		expect(outputs[EVENT][0]).toMatchObject({
			toUserId: 'DE.13491208655302741918',
			sessionId: 'DE.13491208655302741918',
			text: "Hi Jane, this is Tom from the shop. I'll take it from here.",
		});
	});

	test('with only the Message output connected, an echo starts no execution', async () => {
		const trigger = await activeTrigger({ connectedOutputs: [MESSAGE] });
		const result = await trigger.deliver({
			headers: signed(),
			body: webhookFixture('kinds/smb-message-echoes'),
		});
		expect(result.status).toBe(200);
		expect(result.outputs).toBeUndefined();
	});

	test('history is one Event item per message with its thread; a contact sync one per contact change', async () => {
		const history = (await outputsFor('history'))[EVENT];
		expect(history.map((item) => [item.kind, item.threadId, item.sentBy])).toEqual([
			['historyMessage', '4915112345678', 'user'],
			['historyMessage', '4915112345678', 'business'],
			['historyMessage', '4915187654321', 'user'],
		]);
		const sync = (await outputsFor('smb-app-state-sync'))[EVENT];
		expect(sync.map((item) => [item.kind, item.action, item.phoneNumber])).toEqual([
			['contactSync', 'add', '4915112345678'],
			['contactSync', 'remove', '4915187654321'],
		]);
	});

	test('a group message carries its group id and a group session; group updates are Event items', async () => {
		const [message] = (await outputsFor('group-message'))[MESSAGE];
		expect(message).toMatchObject({
			groupId: 'Y2FwaV9ncm91cDoxNTU1MDAwMTExMToxMjAzNjM0MDQ2OTQyMzM4MjA',
			sessionId: 'group:Y2FwaV9ncm91cDoxNTU1MDAwMTExMToxMjAzNjM0MDQ2OTQyMzM4MjA',
			chatInput: 'Jane: When does the tour start?',
		});
		const kinds = [];
		for (const name of [
			'group-lifecycle-update',
			'group-participants-update',
			'group-settings-update',
			'group-status-update',
		])
			kinds.push(...(await outputsFor(name))[EVENT].map((item) => [item.kind, item.type]));
		expect(kinds).toEqual([
			['groupLifecycleUpdate', 'group_create'],
			['groupParticipantsUpdate', 'group_join_request_created'],
			['groupParticipantsUpdate', 'group_participants_add'],
			['groupSettingsUpdate', 'group_settings_update'],
			['groupStatusUpdate', 'group_suspend'],
		]);
	});

	test('a join request names the request, the group and the user', async () => {
		const [request] = (await outputsFor('group-participants-update'))[EVENT];
		expect(request).toMatchObject({
			field: 'group_participants_update',
			groupId: 'Y2FwaV9ncm91cDoxNTU1MDAwMTExMToxMjAzNjM0MDQ2OTQyMzM4MjA',
			type: 'group_join_request_created',
			joinRequestId: 'jr-0001',
			waId: '4915112345678',
			userId: 'DE.13491208655302741918',
		});
	});

	test('a username-only user is delivered with the user id as session; a user id change is an event', async () => {
		const [message] = (await outputsFor('message-username-only'))[MESSAGE];
		expect(message).toMatchObject({
			fromUserId: 'IT.99887766554433221100',
			username: 'luca.rossi',
			sessionId: 'IT.99887766554433221100',
		});
		expect(message).not.toHaveProperty('from');
		const [change] = (await outputsFor('user-id-update'))[EVENT];
		expect(change).toMatchObject({ kind: 'userIdUpdate', userId: 'DE.24817305912873645029' });
	});

	test('statuses carry per-message pricing as delivered', async () => {
		const statuses = (await outputsFor('status-pricing-pmp'))[STATUS];
		expect(statuses.map((item) => item.pricing)).toEqual([
			{ billable: true, pricingModel: 'PMP', category: 'marketing_lite', type: 'regular' },
			{
				billable: true,
				pricingModel: 'PMP',
				category: 'authentication_international',
				type: 'regular',
			},
		]);
	});

	test('version 2.1 keeps its items: an echo is one account event, a call status is no status', async () => {
		const echo = await outputsFor('smb-message-echoes', {
			typeVersion: 2.1,
			parameters: { accountEvents: true },
		});
		expect(echo[EVENT]).toHaveLength(1);
		expect(echo[EVENT][0]).toMatchObject({ event: 'account', kind: 'smbMessageEchoes' });
		const calls = await outputsFor('calls-status', {
			typeVersion: 2.1,
			parameters: { accountEvents: true },
		});
		expect(calls[STATUS]).toEqual([]);
		expect(calls[EVENT][0]).toMatchObject({ event: 'account', kind: 'calls' });
	});
});
