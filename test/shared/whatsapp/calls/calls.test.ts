import {
	buildCallActionBody,
	buildCallSettingsBody,
	buildConnectBody,
	readCallPermission,
	readSipServers,
} from '../../../../nodes/shared/whatsapp/calls/calls';
import { PayloadError } from '../../../../nodes/shared/whatsapp/validation';

function refusal(run: () => unknown): PayloadError {
	try {
		run();
	} catch (error) {
		if (error instanceof PayloadError) return error;
		throw error;
	}
	throw new Error('expected a PayloadError');
}

const SDP = 'v=0\no=- 1 2 IN IP4 127.0.0.1\ns=-\n';

test('connect carries the offer with CRLF line breaks, and the callback data when given', () => {
	expect(buildConnectBody({ phoneNumber: '+49 151 12345678', sdpOffer: SDP })).toEqual({
		messaging_product: 'whatsapp',
		to: '4915112345678',
		action: 'connect',
		session: { sdp_type: 'offer', sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n' },
	});
});

test('pre-accept and accept need an answer SDP; reject and terminate carry the call id only', () => {
	expect(
		buildCallActionBody({
			callId: 'wacid.A',
			action: 'accept',
			sdpAnswer: SDP,
			bizOpaqueCallbackData: 't',
		}),
	).toMatchObject({
		call_id: 'wacid.A',
		action: 'accept',
		session: { sdp_type: 'answer' },
		biz_opaque_callback_data: 't',
	});
	expect(buildCallActionBody({ callId: 'wacid.A', action: 'reject', sdpAnswer: 'junk' })).toEqual({
		messaging_product: 'whatsapp',
		call_id: 'wacid.A',
		action: 'reject',
	});
	expect(
		refusal(() => buildCallActionBody({ callId: 'wacid.A', action: 'pre_accept', sdpAnswer: '' }))
			.field,
	).toBe('sdpAnswer');
	expect(
		refusal(() => buildCallActionBody({ callId: 'two words', action: 'terminate' })).field,
	).toBe('callId');
});

test('settings: only what is given, checked values, SIP needs a server', () => {
	expect(buildCallSettingsBody({ callbackPermissionStatus: 'ENABLED' })).toEqual({
		calling: { callback_permission_status: 'ENABLED' },
	});
	expect(refusal(() => buildCallSettingsBody({})).field).toBe('settings');
	expect(refusal(() => buildCallSettingsBody({ sipStatus: 'ENABLED' })).field).toBe('sipServers');
	expect(buildCallSettingsBody({ sipStatus: 'DISABLED' })).toEqual({
		calling: { sip: { status: 'DISABLED' } },
	});
	expect(refusal(() => buildCallSettingsBody({ callHours: '{"status":"ENABLED"}' })).message).toBe(
		'Call Hours: "timezone_id" is required',
	);
	expect(refusal(() => buildCallSettingsBody({ callHours: '{' })).field).toBe('callHours');
});

test('SIP servers are read as hostname:port', () => {
	expect(readSipServers('sip.example.com:5061, 10.0.0.1:5060')).toEqual([
		{ hostname: 'sip.example.com', port: 5061 },
		{ hostname: '10.0.0.1', port: 5060 },
	]);
	expect(refusal(() => readSipServers('sip.example.com')).fix).toMatch(/hostname:port/);
});

test('a permission answer says whether a call may start and until when', () => {
	expect(
		readCallPermission({
			permission: { status: 'temporary', expiration_time: 1745343479 },
			actions: [{ action_name: 'start_call', can_perform_action: true }],
		}),
	).toMatchObject({ status: 'temporary', canCall: true, expiresAt: '2025-04-22T17:37:59.000Z' });
});
