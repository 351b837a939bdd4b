import { parseWebhook } from '../../../../nodes/shared/whatsapp/webhook';
import { webhookFixture, webhookFixtureNames } from '../../../fixtures/webhooks';

const messageFixtures = webhookFixtureNames().filter((name) => name.startsWith('message-'));

function onlyMessage(name: string, agentFields = true) {
	const { messages } = parseWebhook(webhookFixture(name), { agentFields });
	expect(messages).toHaveLength(1);
	return messages[0];
}

describe('message items for AI agents', () => {
	it.each(messageFixtures)(
		'%s carries a non-empty chatInput and the sender as sessionId',
		(name) => {
			const item = onlyMessage(name);
			expect(typeof item.chatInput).toBe('string');
			expect(item.chatInput!.trim()).not.toBe('');
			expect(item.sessionId).toBe(item.fromUserId ?? item.from);
			expect(item.sessionId).toBeTruthy();
		},
	);

	it.each([
		['message-text', 'text', undefined],
		['message-image', 'caption', undefined],
		['message-interactive-button-reply', 'chosen reply', undefined],
		['message-audio-voice', 'voice note', '[voice note]'],
		['message-reaction', 'reaction', /^\[reaction: .+\]$/],
		['message-location', 'location', /^\[location: .+\]$/],
	] as const)('%s: chatInput is the %s', (name, _what, expected) => {
		const item = onlyMessage(name);
		if (expected === undefined) expect(item.chatInput).toBe(item.text);
		else if (typeof expected === 'string') expect(item.chatInput).toBe(expected);
		else expect(item.chatInput).toMatch(expected);
	});

	it('without agentFields (trigger version 1) items have neither field', () => {
		const item = onlyMessage('message-text', false);
		expect(item.chatInput).toBeUndefined();
		expect(item.sessionId).toBeUndefined();
	});

	it('the 2026 identity fields: username, business-scoped user id and its parent id', () => {
		const body = webhookFixture('message-user-without-phone');
		const value = body.entry[0].changes[0].value;
		value.contacts[0] = {
			profile: { name: 'Luca', username: 'luca.dev' },
			user_id: 'US.13491208655302741918',
			parent_user_id: 'US.ENT.11815799212886844830',
		};
		const [item] = parseWebhook(body, { agentFields: true }).messages;
		expect(item).toMatchObject({
			fromUserId: 'US.13491208655302741918',
			fromParentUserId: 'US.ENT.11815799212886844830',
			username: 'luca.dev',
			sessionId: 'US.13491208655302741918',
		});
		expect(item.from).toBeUndefined();
	});
});
