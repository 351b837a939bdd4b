import { eventKey, parseWebhook } from '../../../../nodes/shared/whatsapp/webhook';
import { webhookFixture } from '../../../fixtures/webhooks';
import { parseKind } from './kinds';

describe('item shape 2: account and template events say what happened', () => {
	const { events, ignored } = parseKind('account-events-same-second');

	it('an account update keeps its own event value and its info object, labelled by itemType', () => {
		expect(ignored).toBe(0);
		expect(events[0]).toEqual({
			itemType: 'event',
			field: 'account_update',
			kind: 'accountUpdate',
			event: 'DISABLED_UPDATE',
			banInfo: { wabaBanState: 'DISABLE', wabaBanDate: '2025-12-06' },
			timestamp: '2025-12-06T05:46:40.000Z',
			timestampUnix: 1765000000,
			wabaId: '200000000000001',
		});
		expect(events[1]).toMatchObject({ event: 'PARTNER_REMOVED', kind: 'accountUpdate' });
	});

	it('two account events of the same second with different event values have different redelivery keys', () => {
		expect(events[0].timestampUnix).toBe(events[1].timestampUnix);
		expect(eventKey(events[0])).not.toBe(eventKey(events[1]));
		// The same event delivered twice keeps one key.
		const again = parseKind('account-events-same-second').events[0];
		expect(eventKey(again)).toBe(eventKey(events[0]));
	});

	it('a template status update tells approval from rejection, with the rejection reason and recommendation', () => {
		expect(events[2]).toMatchObject({
			kind: 'messageTemplateStatusUpdate',
			event: 'REJECTED',
			messageTemplateName: 'abandoned_cart',
			reason: 'INVALID_FORMAT',
			messageTemplateCategory: 'MARKETING',
			rejectionInfo: {
				reason: 'Two parameters stand next to each other without text between them.',
				recommendation: 'Put words between the parameters.',
			},
		});
		expect(events[3]).toMatchObject({ event: 'APPROVED', messageTemplateName: 'order_update' });
	});

	it('a template quality update keeps the old and the new score', () => {
		expect(events[4]).toMatchObject({
			kind: 'messageTemplateQualityUpdate',
			previousQualityScore: 'GREEN',
			newQualityScore: 'RED',
		});
	});

	it('a business username update is one event with the username and its status', () => {
		expect(events[5]).toMatchObject({
			field: 'business_username_updates',
			kind: 'businessUsernameUpdates',
			username: 'acmeshop',
			status: 'approved',
			displayPhoneNumber: '15550001111',
		});
	});

	it('a user id change names the previous and the current user id', () => {
		expect(parseKind('user-id-update').events).toEqual([
			{
				itemType: 'event',
				field: 'user_id_update',
				kind: 'userIdUpdate',
				waId: '4915187654321',
				detail: 'User id has been updated.',
				previousUserId: 'DE.13491208655302741918',
				userId: 'DE.24817305912873645029',
				timestamp: '2025-12-06T06:13:20.000Z',
				timestampUnix: 1765001600,
				wabaId: '200000000000001',
				businessPhoneNumberId: '100000000000001',
				businessDisplayPhoneNumber: '15550001111',
			},
		]);
	});

	it('a payload key named like a label is kept beside the labels, never under them', () => {
		const body = {
			object: 'whatsapp_business_account',
			entry: [
				{
					id: '1',
					changes: [{ field: 'account_update', value: { kind: 'X', field: 'Y', event: 'Z' } }],
				},
			],
		};
		const [event] = parseWebhook(body, { events: true, itemVersion: 2 }).events;
		expect(event).toMatchObject({
			itemType: 'event',
			field: 'account_update',
			kind: 'accountUpdate',
			payloadKind: 'X',
			payloadField: 'Y',
			event: 'Z',
		});
	});

	it("the account fixture's events keep their own event values; opt-outs stay one item per user", () => {
		const { events: all } = parseWebhook(webhookFixture('account-events'), {
			events: true,
			itemVersion: 2,
		});
		expect(all.map((event) => [event.kind, event.event ?? null])).toEqual([
			['messageTemplateStatusUpdate', 'REJECTED'],
			['messageTemplateQualityUpdate', null],
			['phoneNumberQualityUpdate', 'DOWNGRADE'],
			['phoneNumberNameUpdate', null],
			['accountUpdate', 'VERIFIED_ACCOUNT'],
			['userPreferences', null],
			['userIdUpdate', null],
		]);
		expect(all[5]).toMatchObject({
			waId: '4915112345678',
			category: 'marketing_messages',
			value: 'stop',
		});
	});

	it('item shape 1 is what it was: the change value under event "account"', () => {
		const { events: v1 } = parseWebhook(webhookFixture('kinds/account-events-same-second'), {
			events: true,
		});
		expect(v1[0]).toMatchObject({ event: 'account', kind: 'accountUpdate' });
		expect(v1[0]).not.toHaveProperty('itemType');
	});
});
