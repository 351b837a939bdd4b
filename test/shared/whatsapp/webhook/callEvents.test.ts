import { parseWebhook } from '../../../../nodes/shared/whatsapp/webhook';
import { webhookFixture } from '../../../fixtures/webhooks';
import { NUMBER, parseKind } from './kinds';

describe('item shape 2: calls', () => {
	it('a user-initiated call connect is one Event item, camelCased, with its SDP offer', () => {
		const { events, messages, statuses, ignored } = parseKind('calls-connect');
		expect([messages.length, statuses.length, ignored]).toEqual([0, 0, 0]);
		expect(events).toEqual([
			{
				itemType: 'event',
				field: 'calls',
				kind: 'call',
				callId: 'wacid.CALL0001',
				event: 'connect',
				direction: 'USER_INITIATED',
				from: '4915112345678',
				to: '15550001111',
				fromUserId: 'DE.13491208655302741918',
				contactName: 'Jane',
				sessionId: 'DE.13491208655302741918',
				session: {
					sdp: 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\n',
					sdpType: 'offer',
				},
				timestamp: '2025-12-06T05:51:40.000Z',
				timestampUnix: 1765000300,
				...NUMBER,
			},
		]);
		expect(events[0]).not.toHaveProperty('chatInput');
	});

	it('a business-initiated call terminate names the callee, status, times, duration, callback data and errors', () => {
		const [call] = parseKind('calls-terminate').events;
		expect(call).toMatchObject({
			callId: 'wacid.CALL0002',
			event: 'terminate',
			direction: 'BUSINESS_INITIATED',
			from: '15550001111',
			to: '4915112345678',
			toUserId: 'DE.13491208655302741918',
			status: 'COMPLETED',
			startTime: '2025-12-06T05:53:00.000Z',
			endTime: '2025-12-06T05:55:00.000Z',
			duration: 120,
			bizOpaqueCallbackData: 'ticket-42',
			errors: [
				{
					code: 138021,
					title: 'Call ended early',
					message: 'Call ended early',
					details: 'The user hung up',
				},
			],
		});
		expect(call).not.toHaveProperty('fromUserId');
	});

	it('with includeRaw, a call carries the call object as received', () => {
		const [call] = parseKind('calls-connect', { includeRaw: true }).events;
		expect((call.raw as { call: { session: unknown } }).call.session).toEqual({
			sdp: 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\n',
			sdp_type: 'offer',
		});
	});

	it('item shape 1 is what it was: one raw item per webhook', () => {
		const { events, statuses } = parseWebhook(webhookFixture('kinds/calls-status'), {
			events: true,
		});
		expect(statuses).toEqual([]);
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ event: 'account', kind: 'calls' });
		expect(Array.isArray(events[0].statuses)).toBe(true);
	});
});
