import { parseWebhook } from '../../../../nodes/shared/whatsapp/webhook';
import { webhookFixture } from '../../../fixtures/webhooks';

describe('parseWebhook with events: account, template and user changes', () => {
	const { events, ignored } = parseWebhook(webhookFixture('account-events'), { events: true });

	it('every change that is not a messages change becomes an event; nothing is ignored', () => {
		expect(ignored).toBe(0);
		expect(events.map((event) => event.kind)).toEqual([
			'messageTemplateStatusUpdate',
			'messageTemplateQualityUpdate',
			'phoneNumberQualityUpdate',
			'phoneNumberNameUpdate',
			'accountUpdate',
			'userPreferences',
			'userIdUpdate',
		]);
		expect(events.every((event) => event.event === 'account' && event.wabaId)).toBe(true);
	});

	it('a template status update keeps its fields in camelCase, timed by its entry', () => {
		expect(events[0]).toEqual({
			event: 'account',
			field: 'message_template_status_update',
			kind: 'messageTemplateStatusUpdate',
			wabaId: '200000000000001',
			messageTemplateId: 1689556908129832,
			messageTemplateName: 'order_update',
			messageTemplateLanguage: 'en_US',
			reason: 'INCORRECT_CATEGORY',
			timestamp: '2025-11-21T16:01:40.000Z',
			timestampUnix: 1763740900,
		});
		expect(events[1]).toMatchObject({ previousQualityScore: 'GREEN', newQualityScore: 'YELLOW' });
	});

	it('a marketing opt-out (user_preferences) is one item per user, with the receiving number', () => {
		expect(events[5]).toEqual({
			event: 'account',
			field: 'user_preferences',
			kind: 'userPreferences',
			waId: '4915112345678',
			detail: 'User requested to stop marketing messages',
			category: 'marketing_messages',
			value: 'stop',
			timestamp: '2025-11-21T16:02:30.000Z',
			timestampUnix: 1763740950,
			wabaId: '200000000000001',
			businessPhoneNumberId: '100000000000001',
			businessDisplayPhoneNumber: '15550001111',
		});
	});

	it('a user id change (user_id_update) names the previous and the current business-scoped user id', () => {
		expect(events[6]).toMatchObject({
			waId: '4915187654321',
			previousUserId: 'DE.13491208655302741918',
			userId: 'DE.24817305912873645029',
			timestampUnix: 1763740960,
		});
	});

	it('with includeRaw, an event carries what was received', () => {
		const raw = parseWebhook(webhookFixture('account-events'), { events: true, includeRaw: true });
		expect(raw.events[4].raw).toEqual({
			value: { phone_number: '15550001111', event: 'VERIFIED_ACCOUNT' },
		});
	});
});
