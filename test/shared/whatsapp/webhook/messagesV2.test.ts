import { parseWebhook } from '../../../../nodes/shared/whatsapp/webhook';
import { webhookFixture } from '../../../fixtures/webhooks';
import { GROUP_ID, NUMBER, parseKind } from './kinds';

function onlyMessage(name: string) {
	const { messages, ignored } = parseKind(name);
	expect(ignored).toBe(0);
	expect(messages).toHaveLength(1);
	return messages[0];
}

describe('item shape 2: messages', () => {
	it('a deleted message names the message it deleted', () => {
		expect(onlyMessage('message-revoke')).toEqual({
			itemType: 'message',
			messageId: 'wamid.REVOKE0001',
			type: 'revoke',
			from: '4915112345678',
			fromUserId: 'DE.13491208655302741918',
			contactName: 'Jane',
			originalMessageId: 'wamid.ORIGINAL0001',
			timestamp: '2025-12-06T05:48:20.000Z',
			timestampUnix: 1765000100,
			...NUMBER,
			chatInput: '[message deleted]',
			sessionId: 'DE.13491208655302741918',
		});
	});

	it('an edited text carries its new text, and the agent reads it', () => {
		expect(onlyMessage('message-edit-text')).toMatchObject({
			type: 'edit',
			editedType: 'text',
			originalMessageId: 'wamid.ORIGINAL0003',
			text: 'Two pizzas, not three',
			chatInput: 'Two pizzas, not three',
		});
	});

	it('an edited image carries its new caption and media like any image message', () => {
		expect(onlyMessage('message-edit-image')).toMatchObject({
			type: 'edit',
			editedType: 'image',
			originalMessageId: 'wamid.ORIGINAL0002',
			media: {
				id: '1480000000000001',
				mimeType: 'image/jpeg',
				caption: 'The red one, not the blue one',
			},
			text: 'The red one, not the blue one',
			chatInput: 'The red one, not the blue one',
		});
	});

	it('an edit without text is described by what it now holds', () => {
		const body = webhookFixture('kinds/message-edit-image');
		const edit = body.entry[0].changes[0].value.messages[0].edit as {
			message: { image: Record<string, unknown> };
		};
		delete edit.message.image.caption;
		const [message] = parseWebhook(body, { agentFields: true, itemVersion: 2 }).messages;
		expect(message.chatInput).toBe('[image]');
	});

	it('a call permission reply carries the answer, its source and its expiry', () => {
		expect(onlyMessage('message-call-permission-reply')).toMatchObject({
			type: 'interactive',
			reply: { type: 'call_permission_reply' },
			callPermission: {
				response: 'accept',
				responseSource: 'user_action',
				expiresAt: '2025-12-13T05:33:20.000Z',
				expirationTimestamp: 1765604000,
			},
			chatInput: '[call permission: accept]',
		});
	});

	it('a group message carries the group id; its session is the group, its input names the writer', () => {
		expect(onlyMessage('group-message')).toMatchObject({
			groupId: GROUP_ID,
			from: '4915112345678',
			text: 'When does the tour start?',
			chatInput: 'Jane: When does the tour start?',
			sessionId: `group:${GROUP_ID}`,
		});
		const oneToOne = onlyMessage('message-revoke');
		expect(oneToOne.sessionId).toBe('DE.13491208655302741918');
		expect(oneToOne).not.toHaveProperty('groupId');
	});

	it('a user who hides their number is delivered, with the session taken from the user id', () => {
		const message = onlyMessage('message-username-only');
		expect(message).toMatchObject({
			fromUserId: 'IT.99887766554433221100',
			username: 'luca.rossi',
			contactName: 'Luca',
			text: 'Is the blue one still available?',
			sessionId: 'IT.99887766554433221100',
		});
		expect(message).not.toHaveProperty('from');
	});

	it('item shape 1 is what it was: no original id, no group id, the event label', () => {
		const { messages } = parseWebhook(webhookFixture('kinds/message-revoke'), {
			agentFields: true,
		});
		expect(messages[0]).toMatchObject({
			event: 'message',
			type: 'revoke',
			chatInput: '[revoke message]',
		});
		expect(messages[0]).not.toHaveProperty('originalMessageId');
		const group = parseWebhook(webhookFixture('kinds/group-message')).messages[0];
		expect(group).not.toHaveProperty('groupId');
	});
});

describe('item shape 2: statuses', () => {
	it('statuses carry the per-message pricing as delivered', () => {
		const { statuses } = parseKind('status-pricing-pmp');
		expect(statuses.map((status) => status.pricing)).toEqual([
			{ billable: true, pricingModel: 'PMP', category: 'marketing_lite', type: 'regular' },
			{
				billable: true,
				pricingModel: 'PMP',
				category: 'authentication_international',
				type: 'regular',
			},
		]);
		expect(statuses[0]).toMatchObject({ itemType: 'status', isCall: false });
	});

	it("a call's statuses are statuses, marked as a call", () => {
		const { statuses, events, ignored } = parseKind('calls-status');
		expect(ignored).toBe(0);
		expect(events).toEqual([]);
		expect(statuses).toEqual([
			{
				itemType: 'status',
				messageId: 'wacid.CALL0002',
				status: 'RINGING',
				type: 'call',
				isCall: true,
				callId: 'wacid.CALL0002',
				recipientId: '4915112345678',
				timestamp: '2025-12-06T05:52:40.000Z',
				timestampUnix: 1765000360,
				bizOpaqueCallbackData: 'ticket-42',
				...NUMBER,
			},
			expect.objectContaining({ status: 'ACCEPTED', isCall: true }),
		]);
	});
});
