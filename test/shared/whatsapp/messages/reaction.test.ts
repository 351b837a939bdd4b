import {
	buildReactionMessage,
	isSingleEmoji,
} from '../../../../nodes/shared/whatsapp/messages/reaction';

describe('buildReactionMessage', () => {
	test('a reaction names the message and the emoji', () => {
		expect(buildReactionMessage({ messageId: ' wamid.A ', emoji: '❤️' })).toEqual({
			message_id: 'wamid.A',
			emoji: '❤️',
		});
	});

	test('removing a reaction sends an empty emoji, whatever the emoji field holds', () => {
		expect(buildReactionMessage({ messageId: 'wamid.A', emoji: '👍', remove: true })).toEqual({
			message_id: 'wamid.A',
			emoji: '',
		});
	});

	test('an empty emoji without "Remove Reaction" is refused', () => {
		expect(() => buildReactionMessage({ messageId: 'wamid.A', emoji: ' ' })).toThrow(
			'The emoji is empty',
		);
	});

	test('text or several emoji are refused', () => {
		expect(() => buildReactionMessage({ messageId: 'wamid.A', emoji: 'yes' })).toThrow(
			'"yes" is not a single emoji',
		);
		expect(() => buildReactionMessage({ messageId: 'wamid.A', emoji: '👍👍' })).toThrow(
			'"👍👍" is not a single emoji',
		);
	});

	test('a reaction without a message ID is refused', () => {
		expect(() => buildReactionMessage({ messageId: '', emoji: '👍' })).toThrow(
			'The message ID is empty',
		);
	});
});

describe('isSingleEmoji', () => {
	test('skin tones, joined sequences, flags and keycaps are one emoji', () => {
		for (const emoji of ['👍', '👍🏽', '👨‍👩‍👧‍👦', '🧑🏽‍💻', '🇩🇪', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '1️⃣', '❤️'])
			expect(isSingleEmoji(emoji)).toBe(true);
	});

	test('letters, digits and pairs are not', () => {
		for (const text of ['a', '1', '👍 ', '🇩', '👍a']) expect(isSingleEmoji(text)).toBe(false);
	});
});
