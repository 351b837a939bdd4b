/**
 * The emulator's Calling API: 360dialog's /calling paths, the settings Meta checks, permissions, and calls
 * that follow their states with `calls` webhooks.
 */
import {
	api,
	control,
	CUSTOMER,
	startWithReceiver,
	stopWithReceiver,
	TEST_NUMBER,
} from './testkit';
import type { Emulator } from '../../emulator/index';
import type { RecordingServer } from '../helpers/recordingServer';

let emu: Emulator;
let receiver: RecordingServer;
beforeEach(async () => {
	({ emu, receiver } = await startWithReceiver({ numbers: [TEST_NUMBER], statusGapMs: 5 }));
});
afterEach(async () => await stopWithReceiver(emu, receiver));

const SDP = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n';
const settings = (calling: unknown) => api(emu, 'POST', '/calling/settings', { body: { calling } });
const action = (body: Record<string, unknown>) =>
	api(emu, 'POST', '/calling/calls', { body: { messaging_product: 'whatsapp', ...body } });

test('settings: unknown values and bad hours are refused; a valid change is kept', async () => {
	expect((await settings({ status: 'ON' })).status).toBe(400);
	expect(
		(
			await settings({
				call_hours: {
					status: 'ENABLED',
					timezone_id: 'Europe/Berlin',
					weekly_operating_hours: [
						{ day_of_week: 'FUNDAY', open_time: '0900', close_time: '1700' },
					],
				},
			})
		).json.error.error_data.details,
	).toMatch(/day_of_week/);
	expect((await settings({ sip: { status: 'ENABLED', servers: [] } })).status).toBe(400);
	expect((await settings({ status: 'ENABLED', call_icon_visibility: 'DISABLE_ALL' })).json).toEqual(
		{ success: true },
	);
	expect((await api(emu, 'GET', '/calling/settings')).json.calling).toMatchObject({
		status: 'ENABLED',
		call_icon_visibility: 'DISABLE_ALL',
	});
});

test('enabling calling without a webhook or SIP is 138018', async () => {
	await api(emu, 'POST', '/v1/configs/webhook', { body: { url: '' } });
	expect((await settings({ status: 'ENABLED' })).json.error.code).toBe(138018);
	expect(
		(
			await settings({
				status: 'ENABLED',
				sip: { status: 'ENABLED', servers: [{ hostname: 'sip.example.com', port: 5061 }] },
			})
		).json,
	).toEqual({ success: true });
});

test('a business-initiated call needs calling on and the user permission', async () => {
	const connect = { to: CUSTOMER, action: 'connect', session: { sdp_type: 'offer', sdp: SDP } };
	expect((await action(connect)).json.error.code).toBe(138000);
	await settings({ status: 'ENABLED' });
	expect((await action(connect)).json.error.code).toBe(138006);
	expect((await api(emu, 'GET', `/calling/permissions/${CUSTOMER}`)).json.permission).toEqual({
		status: 'no_permission',
	});
	await control(emu, 'POST', '/calls/permission', { waId: CUSTOMER, status: 'permanent' });
	const placed = await action(connect);
	expect(placed.json).toEqual({
		messaging_product: 'whatsapp',
		calls: [{ id: expect.stringMatching(/^wacid\./) }],
	});
	expect((await action({ ...connect, session: { sdp_type: 'offer', sdp: 'hello' } })).status).toBe(
		400,
	);
});

test('an incoming call arrives as a calls webhook; accepting needs an answer SDP, an ended call takes no action', async () => {
	await settings({ status: 'ENABLED' });
	const { json } = await control(emu, 'POST', '/calls/incoming', { from: CUSTOMER });
	const delivered = await emu.waitFor(() =>
		receiver.requests.find((r) => (r.json as any).entry[0].changes[0].field === 'calls'),
	);
	expect((delivered.json as any).entry[0].changes[0].value.calls[0]).toMatchObject({
		id: json.callId,
		from: CUSTOMER,
		event: 'connect',
		direction: 'USER_INITIATED',
		session: { sdp_type: 'offer' },
	});
	expect(
		(
			await action({
				call_id: json.callId,
				action: 'accept',
				session: { sdp_type: 'offer', sdp: SDP },
			})
		).status,
	).toBe(400);
	expect(
		(
			await action({
				call_id: json.callId,
				action: 'accept',
				session: { sdp_type: 'answer', sdp: SDP },
			})
		).json,
	).toEqual({ messaging_product: 'whatsapp', success: true });
	expect((await action({ call_id: json.callId, action: 'reject' })).status).toBe(400);
	expect((await action({ call_id: json.callId, action: 'terminate' })).json.success).toBe(true);
	expect(
		(await action({ call_id: json.callId, action: 'terminate' })).json.error.error_data.details,
	).toMatch(/already ended/);
});
