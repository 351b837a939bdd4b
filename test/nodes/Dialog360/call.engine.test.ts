/**
 * The Call resource through n8n-core against the emulator: calling settings, a user's permission, a
 * business-initiated call, and an incoming call pre-accepted, accepted and ended with SDP in and out.
 */
import { runActionNode } from '../../helpers/engine';
import { startEmulator, type Emulator } from '../../../emulator';
import { startRecordingServer, type RecordingServer } from '../../helpers/recordingServer';

const KEY = 'call-key';
const CUSTOMER = '4915112345678';
const SDP = 'v=0\no=- 7669997803033704573 2 IN IP4 127.0.0.1\ns=-\nt=0 0\n';
let emu: Emulator;
let receiver: RecordingServer;

beforeEach(async () => {
	emu = await startEmulator({ numbers: [{ apiKey: KEY }], statusGapMs: 5 });
	receiver = await startRecordingServer(() => ({ status: 200, body: {} }));
	emu.registerWebhook({ url: `${receiver.url}/hook` });
});
afterEach(async () => {
	await emu.close();
	await receiver.close();
});

const call = (operation: string, parameters: Record<string, unknown> = {}) =>
	runActionNode({ resource: 'call', operation, ...parameters }, [{ json: {} }], {
		baseUrl: emu.url,
		apiKey: KEY,
		typeVersion: 1.1,
	});

async function control(path: string, body: unknown): Promise<Record<string, any>> {
	const answer = await fetch(`${emu.url}/_emulator${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	expect(answer.status).toBe(200);
	return (await answer.json()) as Record<string, any>;
}

const enableCalling = () => call('updateSettings', { settings: { status: 'ENABLED' } });

const callsWebhooks = () =>
	receiver.requests
		.map((request) => (request.json as any).entry[0].changes[0])
		.filter((change: any) => change.field === 'calls')
		.map((change: any) => change.value);

test('Update Settings sends only what was given, with call hours and SIP servers; Get Settings reads them back', async () => {
	const hours = {
		status: 'ENABLED',
		timezone_id: 'Europe/Berlin',
		weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '0900', close_time: '1700' }],
	};
	const { items, error } = await call('updateSettings', {
		settings: {
			status: 'ENABLED',
			callIconVisibility: 'DISABLE_ALL',
			callHours: JSON.stringify(hours),
			sipServers: 'sip.example.com:5061',
		},
	});
	expect(error('360dialog')).toBeUndefined();
	expect(emu.requests.at(-1)?.body).toEqual({
		calling: {
			status: 'ENABLED',
			call_icon_visibility: 'DISABLE_ALL',
			call_hours: hours,
			sip: { status: 'ENABLED', servers: [{ hostname: 'sip.example.com', port: 5061 }] },
		},
	});
	expect(items[0].json).toMatchObject({ updated: true, status: 'ENABLED' });
	const read = await call('getSettings');
	expect(read.items[0].json).toMatchObject({
		status: 'ENABLED',
		call_icon_visibility: 'DISABLE_ALL',
		call_hours: hours,
	});
});

test('opening hours that close before they open fail the item before any call', async () => {
	const { error } = await call('updateSettings', {
		settings: {
			callHours: {
				status: 'ENABLED',
				timezone_id: 'Europe/Berlin',
				weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '1700', close_time: '0900' }],
			},
		},
	});
	expect(error('360dialog')?.message).toBe(
		'Call Hours: weekly_operating_hours[0] opens at 1700, not before it closes at 0900',
	);
	expect(emu.requests).toHaveLength(0);
});

test('Get Permission reads the user; Initiate needs calling on and the permission, then answers the call id', async () => {
	const noCalling = await call('initiate', { userPhoneNumber: CUSTOMER, sdpOffer: SDP });
	expect(noCalling.error('360dialog')?.message).toBe(
		'Calling is not enabled on this number (#138000)',
	);
	await enableCalling();
	const refused = await call('initiate', { userPhoneNumber: CUSTOMER, sdpOffer: SDP });
	expect(refused.error('360dialog')?.message).toBe(
		'The user has not given permission to be called (#138006)',
	);
	expect(refused.error('360dialog')?.description).toMatch(/Call Permission Request/);

	await control('/calls/permission', { waId: CUSTOMER, status: 'temporary' });
	const permission = await call('getPermission', { userPhoneNumber: `+${CUSTOMER}` });
	expect(permission.items[0].json).toMatchObject({
		waId: CUSTOMER,
		status: 'temporary',
		canCall: true,
		expiresAt: expect.stringMatching(/^\d{4}-/),
	});

	const { items } = await call('initiate', {
		userPhoneNumber: CUSTOMER,
		sdpOffer: SDP,
		bizOpaqueCallbackData: 'ticket-7',
	});
	expect(items[0].json).toEqual({ callId: expect.stringMatching(/^wacid\./), to: CUSTOMER });
	expect(emu.requests.at(-1)?.body).toEqual({
		messaging_product: 'whatsapp',
		to: CUSTOMER,
		action: 'connect',
		session: { sdp_type: 'offer', sdp: SDP.replace(/\n/g, '\r\n') },
		biz_opaque_callback_data: 'ticket-7',
	});
	const ringing = await emu.waitFor(() => callsWebhooks().find((value: any) => value.statuses));
	expect(ringing.statuses[0]).toMatchObject({
		id: items[0].json.callId,
		type: 'call',
		status: 'RINGING',
	});
});

test('an incoming call: pre-accept and accept with the SDP answer, then terminate ends it', async () => {
	await enableCalling();
	const { callId } = await control('/calls/incoming', { from: CUSTOMER });
	const preAccepted = await call('preAccept', { callId, sdpAnswer: SDP });
	expect(preAccepted.items[0].json).toEqual({ callId, action: 'pre_accept', success: true });
	expect(emu.requests.at(-1)?.body).toMatchObject({
		call_id: callId,
		action: 'pre_accept',
		session: { sdp_type: 'answer' },
	});
	const accepted = await call('accept', { callId, sdpAnswer: SDP });
	expect(accepted.items[0].json).toEqual({ callId, action: 'accept', success: true });
	const ended = await call('terminate', { callId });
	expect(ended.items[0].json).toEqual({ callId, action: 'terminate', success: true });
	const terminate = await emu.waitFor(() =>
		callsWebhooks().find((value: any) => value.calls?.[0]?.event === 'terminate'),
	);
	expect(terminate.calls[0]).toMatchObject({
		id: callId,
		status: 'COMPLETED',
		direction: 'USER_INITIATED',
	});
	const again = await call('reject', { callId });
	expect(again.error('360dialog')?.description).toMatch(/has already ended/);
});

test('an SDP that is not one fails the item, naming the field', async () => {
	const { error } = await call('accept', { callId: 'wacid.X', sdpAnswer: '{"type":"answer"}' });
	expect(error('360dialog')?.message).toBe('SDP Answer is not an SDP (it must start with "v=0")');
	expect(error('360dialog')?.description).toMatch(/\(parameter: sdpAnswer\)/);
	expect(emu.requests).toHaveLength(0);
});
