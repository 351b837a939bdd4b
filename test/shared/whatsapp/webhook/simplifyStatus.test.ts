import { parseWebhook, type StatusItem } from '../../../../nodes/shared/whatsapp/webhook';
import { firstValue, webhookFixture, type JsonObject } from '../../../fixtures/webhooks';

function onlyStatus(fixture: string): StatusItem {
	const { statuses } = parseWebhook(webhookFixture(fixture));
	expect(statuses).toHaveLength(1);
	return statuses[0];
}

describe('delivery statuses', () => {
	it('a sent status gives conversation, pricing and callback data in flat camelCased fields', () => {
		expect(onlyStatus('status-sent')).toEqual({
			event: 'status',
			messageId: 'wamid.HBgLMTYzMTU1NTExODEVAgARGBI5MRDQ0RjE4OTc5MjA3QjdGQzEA',
			status: 'sent',
			recipientId: '16315551181',
			timestamp: '2024-05-29T16:27:40.000Z',
			timestampUnix: 1717000060,
			conversation: {
				id: 'd8f0a2e4c6b1f3a5e7c9b2d4f6a8c0e2',
				origin: 'service',
				expiresAt: '2024-05-30T16:26:40.000Z',
			},
			pricing: { billable: true, pricingModel: 'PMP', category: 'service', type: 'regular' },
			bizOpaqueCallbackData: 'order-4711',
			wabaId: '104996122399160',
			businessPhoneNumberId: '106540352242922',
			businessDisplayPhoneNumber: '15550783881',
		});
	});

	it('a delivered status without expiry leaves expiresAt out', () => {
		const item = onlyStatus('status-delivered');
		expect(item.status).toBe('delivered');
		expect(item.conversation).toEqual({
			id: 'd8f0a2e4c6b1f3a5e7c9b2d4f6a8c0e2',
			origin: 'service',
		});
	});

	it("a read status names the conversation's origin", () => {
		const item = onlyStatus('status-read');
		expect(item.status).toBe('read');
		expect(item.conversation?.origin).toBe('utility');
		expect(item.pricing?.category).toBe('utility');
	});

	it('a played status (voice message listened to) is passed on as is', () => {
		expect(onlyStatus('status-played').status).toBe('played');
	});

	it('a deleted status keeps its free pricing', () => {
		const item = onlyStatus('status-deleted');
		expect(item.status).toBe('deleted');
		expect(item.pricing).toEqual({
			billable: false,
			pricingModel: 'PMP',
			category: 'service',
			type: 'free_customer_service',
		});
	});

	it('a failed status with 131047 carries a hint to send a template, also at the top level', () => {
		const item = onlyStatus('status-failed-131047');
		expect(item.status).toBe('failed');
		expect(item.errors).toEqual([
			{
				code: 131047,
				title: 'Re-engagement message',
				message: 'Re-engagement message',
				details:
					'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
				hint: expect.stringContaining('template'),
			},
		]);
		expect(item.errorCode).toBe(131047);
		expect(item.errorMessage).toBe('Re-engagement message');
		expect(item.errorHint).toBe(item.errors?.[0].hint);
		expect(item).not.toHaveProperty('conversation');
	});

	it('a failed status with 131026 says the message could not be delivered', () => {
		const item = onlyStatus('status-failed-131026');
		expect(item.errorCode).toBe(131026);
		expect(item.errorHint).toMatch(/could not be delivered/);
		expect(item.pricing?.billable).toBe(false);
	});

	it('a status with an error code the catalogue does not know has no hint', () => {
		const body = webhookFixture('status-failed-131047');
		(firstValue(body).statuses[0].errors as JsonObject[])[0].code = 999999;
		const [item] = parseWebhook(body).statuses;
		expect(item.errorCode).toBe(999999);
		expect(item).not.toHaveProperty('errorHint');
		expect(item.errors?.[0]).not.toHaveProperty('hint');
	});

	it('a status sent to a user without phone number names their business-scoped user id', () => {
		const body = webhookFixture('status-read');
		const status = firstValue(body).statuses[0];
		delete status.recipient_id;
		status.recipient_user_id = 'US.13491208655302741918';
		const [item] = parseWebhook(body).statuses;
		expect(item.recipientUserId).toBe('US.13491208655302741918');
		expect(item).not.toHaveProperty('recipientId');
	});

	it('a status of a kind not known here is passed on with its name', () => {
		const body = webhookFixture('status-read');
		firstValue(body).statuses[0].status = 'held_for_quality_assessment';
		expect(parseWebhook(body).statuses[0].status).toBe('held_for_quality_assessment');
	});
});
