/**
 * The emulator's 2026 webhooks (POST /_emulator/events and the new inbound types): each posted in its
 * documented shape, and read by the trigger's parser into the item it should become.
 */
import { parseWebhook } from '../../nodes/shared/whatsapp/webhook';
import type { RecordingServer } from '../helpers/recordingServer';
import type { Emulator } from '../../emulator/index';
import {
	control,
	CUSTOMER,
	PHONE_NUMBER_ID,
	startWithReceiver,
	stopWithReceiver,
	TEST_NUMBER,
	WABA_ID,
} from './testkit';

let emu: Emulator;
let receiver: RecordingServer;
const clock = Date.UTC(2025, 11, 6, 12);
const NOW = String(clock / 1000);
const METADATA = { display_phone_number: '15550001111', phone_number_id: PHONE_NUMBER_ID };

beforeEach(async () => {
	({ emu, receiver } = await startWithReceiver({ numbers: [TEST_NUMBER], now: () => clock }));
});
afterEach(() => stopWithReceiver(emu, receiver));

/** Posts one event, waits for its delivery, and returns what the receiver got. */
async function delivered(input: Record<string, unknown>) {
	const answer = await control(emu, 'POST', '/events', input);
	expect(answer.status).toBe(200);
	await emu.waitFor(() => receiver.requests.length === 1);
	const body = receiver.requests[0].json as { entry: Array<{ changes: unknown[] }> };
	expect(body).toEqual(answer.json.envelope);
	return body;
}

/** The one change of a body, as Meta documents it for a number: field, messaging_product, metadata. */
function onlyChange(body: { entry: Array<{ id?: unknown; changes: unknown[] }> }) {
	expect(body.entry).toHaveLength(1);
	expect(body.entry[0].id).toBe(WABA_ID);
	expect(body.entry[0].changes).toHaveLength(1);
	return body.entry[0].changes[0] as { field: string; value: Record<string, unknown> };
}

const parse2 = (body: unknown) =>
	parseWebhook(body, { events: true, agentFields: true, itemVersion: 2 });

describe('emulator: 2026 webhooks', () => {
	it('a Business App echo is posted as smb_message_echoes and read as an echo sent by the business', async () => {
		const body = await delivered({
			kind: 'messageEcho',
			to: CUSTOMER,
			userId: 'DE.1349',
			name: 'Jane',
			text: 'I will take it from here',
		});
		const change = onlyChange(body);
		expect(change.field).toBe('smb_message_echoes');
		expect(change.value).toEqual({
			messaging_product: 'whatsapp',
			metadata: METADATA,
			contacts: [{ profile: { name: 'Jane' }, wa_id: CUSTOMER, user_id: 'DE.1349' }],
			message_echoes: [
				{
					from: '15550001111',
					to: CUSTOMER,
					to_user_id: 'DE.1349',
					id: expect.stringMatching(/^wamid\./),
					timestamp: NOW,
					type: 'text',
					text: { body: 'I will take it from here' },
				},
			],
		});
		const { events, messages } = parse2(body);
		expect(messages).toEqual([]);
		expect(events[0]).toMatchObject({
			kind: 'messageEcho',
			sentBy: 'business',
			to: CUSTOMER,
			toUserId: 'DE.1349',
			text: 'I will take it from here',
		});
	});

	it('history is posted in threads with the chunk metadata, and read one item per message', async () => {
		const body = await delivered({
			kind: 'history',
			threads: [
				{
					waId: CUSTOMER,
					messages: [{ text: 'Open on Sunday?' }, { text: 'Yes', fromBusiness: true }],
				},
			],
		});
		const change = onlyChange(body);
		expect(change.field).toBe('history');
		expect(change.value.history).toEqual([
			{
				metadata: { phase: 0, chunk_order: 1, progress: 100 },
				threads: [
					{
						id: CUSTOMER,
						messages: [
							expect.objectContaining({
								from: CUSTOMER,
								type: 'text',
								text: { body: 'Open on Sunday?' },
								history_context: { status: 'READ' },
							}),
							expect.objectContaining({
								from: '15550001111',
								to: CUSTOMER,
								history_context: { status: 'DELIVERED' },
							}),
						],
					},
				],
			},
		]);
		expect(parse2(body).events.map((e) => [e.kind, e.sentBy, e.threadId])).toEqual([
			['historyMessage', 'user', CUSTOMER],
			['historyMessage', 'business', CUSTOMER],
		]);
	});

	it('a declined history share is posted as its error', async () => {
		const body = await delivered({ kind: 'history', declined: true });
		expect(parse2(body).events[0]).toMatchObject({
			kind: 'historyError',
			errors: [expect.objectContaining({ code: 2593109 })],
		});
	});

	it('a contact sync is posted as smb_app_state_sync, one entry per change', async () => {
		const body = await delivered({
			kind: 'contactSync',
			contacts: [
				{ phoneNumber: CUSTOMER, fullName: 'Jane Doe', action: 'add' },
				{ phoneNumber: '4915187654321', action: 'remove' },
			],
		});
		expect(onlyChange(body).value.state_sync).toEqual([
			{
				type: 'contact',
				contact: { full_name: 'Jane Doe', phone_number: CUSTOMER },
				action: 'add',
				metadata: { timestamp: NOW },
			},
			{
				type: 'contact',
				contact: { phone_number: '4915187654321' },
				action: 'remove',
				metadata: { timestamp: NOW },
			},
		]);
		expect(parse2(body).events.map((e) => e.action)).toEqual(['add', 'remove']);
	});

	it('a user-initiated call is posted with its SDP offer; its terminate with status and duration', async () => {
		const connect = await delivered({ kind: 'call', waId: CUSTOMER, event: 'connect', sdp: 'v=0' });
		const [call] = onlyChange(connect).value.calls as Array<Record<string, unknown>>;
		expect(call).toEqual({
			id: expect.stringMatching(/^wacid\./),
			from: CUSTOMER,
			to: '15550001111',
			event: 'connect',
			timestamp: NOW,
			direction: 'USER_INITIATED',
			session: { sdp: 'v=0', sdp_type: 'offer' },
		});
		expect(parse2(connect).events[0]).toMatchObject({
			kind: 'call',
			event: 'connect',
			from: CUSTOMER,
		});

		receiver.requests.length = 0;
		const terminate = await delivered({
			kind: 'call',
			waId: CUSTOMER,
			event: 'terminate',
			direction: 'BUSINESS_INITIATED',
			duration: 30,
		});
		expect(parse2(terminate).events[0]).toMatchObject({
			event: 'terminate',
			from: '15550001111',
			to: CUSTOMER,
			status: 'COMPLETED',
			duration: 30,
		});
	});

	it("a call's status is posted under calls as statuses[].type call and read as a call status", async () => {
		const body = await delivered({
			kind: 'callStatus',
			waId: CUSTOMER,
			callId: 'wacid.X1',
			status: 'RINGING',
		});
		expect(onlyChange(body)).toMatchObject({
			field: 'calls',
			value: {
				statuses: [{ id: 'wacid.X1', type: 'call', status: 'RINGING', recipient_id: CUSTOMER }],
			},
		});
		expect(parse2(body).statuses[0]).toMatchObject({ isCall: true, status: 'RINGING' });
	});

	it('a join request is posted as group_participants_update in Meta’s shape', async () => {
		const body = await delivered({
			kind: 'groupJoinRequest',
			groupId: 'G1',
			waId: CUSTOMER,
			joinRequestId: 'JR1',
		});
		expect(onlyChange(body)).toEqual({
			field: 'group_participants_update',
			value: {
				messaging_product: 'whatsapp',
				metadata: METADATA,
				groups: [
					{
						timestamp: NOW,
						group_id: 'G1',
						type: 'group_join_request_created',
						join_request_id: 'JR1',
						wa_id: CUSTOMER,
					},
				],
			},
		});
		expect(parse2(body).events[0]).toMatchObject({
			kind: 'groupParticipantsUpdate',
			type: 'group_join_request_created',
			joinRequestId: 'JR1',
			groupId: 'G1',
			waId: CUSTOMER,
		});
	});

	it('an account change is posted under the WABA without metadata, as Meta sends it', async () => {
		const body = await delivered({
			field: 'account_update',
			value: { event: 'PARTNER_REMOVED' },
		});
		expect(body).toEqual({
			object: 'whatsapp_business_account',
			entry: [
				{
					id: WABA_ID,
					time: clock / 1000,
					changes: [{ value: { event: 'PARTNER_REMOVED' }, field: 'account_update' }],
				},
			],
		});
		expect(parse2(body).events[0]).toMatchObject({
			kind: 'accountUpdate',
			event: 'PARTNER_REMOVED',
		});
	});

	it('an account change can name its entry time, so that two changes share one second', async () => {
		const body = await delivered({
			field: 'account_update',
			time: 1765000000,
			value: { event: 'DISABLED_UPDATE' },
		});
		expect((body.entry[0] as { time?: number }).time).toBe(1765000000);
		expect(parse2(body).events[0].timestampUnix).toBe(1765000000);
	});

	it('refuses what it cannot build, naming the field', async () => {
		const unknownKind = await control(emu, 'POST', '/events', { kind: 'telepathy' });
		expect(unknownKind.status).toBe(400);
		expect(JSON.stringify(unknownKind.json)).toContain('kind must be one of');
		const unknownField = await control(emu, 'POST', '/events', { field: 'nope', value: {} });
		expect(JSON.stringify(unknownField.json)).toContain('field must be one of');
		const noTo = await control(emu, 'POST', '/events', { kind: 'messageEcho', text: 'x' });
		expect(noTo.json.error).toContain('"to" (a phone number in digits) is required');
		expect(receiver.requests).toHaveLength(0);
	});
});

describe('emulator: 2026 inbound messages', () => {
	async function inbound(input: Record<string, unknown>) {
		const answer = await control(emu, 'POST', '/inbound', {
			from: CUSTOMER,
			name: 'Jane',
			...input,
		});
		expect(answer.status).toBe(200);
		return answer.json.envelope as { entry: Array<{ changes: unknown[] }> };
	}

	it('a deleted message carries revoke.original_message_id', async () => {
		const envelope = await inbound({ type: 'revoke', originalMessageId: 'wamid.OLD' });
		const message = (onlyChange(envelope).value.messages as Array<Record<string, unknown>>)[0];
		expect(message).toMatchObject({ type: 'revoke', revoke: { original_message_id: 'wamid.OLD' } });
		expect(parse2(envelope).messages[0].originalMessageId).toBe('wamid.OLD');
	});

	it('an edit carries the whole new message', async () => {
		const envelope = await inbound({ type: 'edit', originalMessageId: 'wamid.OLD', text: 'new' });
		const message = (onlyChange(envelope).value.messages as Array<Record<string, unknown>>)[0];
		expect(message.edit).toEqual({
			original_message_id: 'wamid.OLD',
			message: { type: 'text', text: { body: 'new' } },
		});
		expect(parse2(envelope).messages[0]).toMatchObject({ text: 'new', chatInput: 'new' });
	});

	it('a call permission reply and a group message are read with their answer and group', async () => {
		const reply = await inbound({
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
		expect(parse2(reply).messages[0].callPermission).toMatchObject({ response: 'accept' });
		const group = await inbound({ text: 'hi all', groupId: 'G1', username: 'jane.d' });
		expect(parse2(group).messages[0]).toMatchObject({
			groupId: 'G1',
			username: 'jane.d',
			sessionId: 'group:G1',
		});
	});

	it('refuses an edit without its original id, and a call permission answer that is neither', async () => {
		const edit = await control(emu, 'POST', '/inbound', {
			from: CUSTOMER,
			type: 'edit',
			text: 'x',
		});
		expect(edit.status).toBe(400);
		expect(JSON.stringify(edit.json)).toContain('originalMessageId');
		const reply = await control(emu, 'POST', '/inbound', {
			from: CUSTOMER,
			type: 'interactive',
			interactive: { type: 'call_permission_reply', call_permission_reply: { response: 'maybe' } },
		});
		expect(reply.status).toBe(400);
	});
});
