import { signFlowToken, verifyFlowToken } from '../../../../nodes/shared/whatsapp/flows/flowToken';
import { classifyFlowRequest } from '../../../../nodes/shared/whatsapp/flows/request';
import {
	buildClosingAnswer,
	buildNextScreen,
} from '../../../../nodes/shared/whatsapp/flows/response';

const secret = 'signing-secret-1';
const now = 1_800_000_000;

describe('signed flow tokens', () => {
	it('carry the recipient, expiry and reference back', () => {
		const token = signFlowToken(
			{ recipient: '4915112345678', expiresAt: now + 60, reference: 'booking-7' },
			secret,
		);
		expect(verifyFlowToken(token, secret, now)).toEqual({
			valid: true,
			recipient: '4915112345678',
			expiresAt: now + 60,
			reference: 'booking-7',
		});
	});

	it('are refused once expired', () => {
		const token = signFlowToken({ recipient: '49151', expiresAt: now }, secret);
		expect(verifyFlowToken(token, secret, now)).toEqual({ valid: false, reason: 'expired' });
	});

	it('are refused when signed under another secret or altered', () => {
		const token = signFlowToken({ recipient: '49151', expiresAt: now + 60 }, 'other');
		expect(verifyFlowToken(token, secret, now)).toEqual({ valid: false, reason: 'forged' });
		const [prefix, , mac] = signFlowToken(
			{ recipient: '49151', expiresAt: now + 60 },
			secret,
		).split('.');
		const body = Buffer.from(JSON.stringify({ r: '49999', e: now + 60 })).toString('base64url');
		expect(verifyFlowToken(`${prefix}.${body}.${mac}`, secret, now).valid).toBe(false);
	});

	it('tell a token nobody signed from a forged one', () => {
		expect(verifyFlowToken('unused', secret, now)).toEqual({ valid: false, reason: 'unsigned' });
		expect(verifyFlowToken(undefined, secret, now)).toEqual({ valid: false, reason: 'unsigned' });
	});
});

describe('decrypted requests', () => {
	it('are told apart: ping, error notification, exchange, malformed', () => {
		expect(classifyFlowRequest({ version: '3.0', action: 'ping' }).kind).toBe('ping');
		expect(
			classifyFlowRequest({
				version: '3.0',
				action: 'data_exchange',
				flow_token: 't',
				screen: 'A',
				data: { error: 'invalid-screen-transition', error_message: 'x' },
			}).kind,
		).toBe('errorNotification');
		expect(classifyFlowRequest({ version: '3.0', action: 'INIT', flow_token: 't' })).toMatchObject({
			kind: 'exchange',
			action: 'INIT',
			screen: '',
			data: {},
		});
		expect(classifyFlowRequest({ action: 'INIT' }).kind).toBe('malformed');
		expect(classifyFlowRequest({ action: 'drop_tables', flow_token: 't' }).kind).toBe('malformed');
		expect(classifyFlowRequest('text').kind).toBe('malformed');
	});
});

describe('answers', () => {
	it('name the next screen with its data', () => {
		expect(buildNextScreen('DETAILS', '{"slots":["9"]}', 'Pick another day')).toEqual({
			screen: 'DETAILS',
			data: { slots: ['9'], error_message: 'Pick another day' },
		});
	});

	it('refuse SUCCESS as a next screen and data that is not an object', () => {
		expect(() => buildNextScreen('SUCCESS', {})).toThrow(/reserves for closing/);
		expect(() => buildNextScreen('A', '[1]')).toThrow(/JSON object/);
	});

	it('close the flow with the token among the params', () => {
		expect(buildClosingAnswer({ slot: '9' }, 'tok')).toEqual({
			screen: 'SUCCESS',
			data: { extension_message_response: { params: { flow_token: 'tok', slot: '9' } } },
		});
	});
});
