import { requireMessageId } from '../ids';
import { PayloadError } from '../validation';

export interface ReactionInput {
	messageId: string;
	emoji?: string;
	/** Take the reaction back: WhatsApp removes it when the emoji is empty. */
	remove?: boolean;
}

/** One emoji: a pictograph with its variation, skin tone, tag and joiner sequences, a flag, or a keycap. */
const SINGLE_EMOJI =
	/^(?:\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}[\uFE0E\uFE0F]?\p{Emoji_Modifier}?[\u{E0020}-\u{E007F}]*(?:\u200D\p{Extended_Pictographic}[\uFE0E\uFE0F]?\p{Emoji_Modifier}?)*)$/u;

export function isSingleEmoji(value: string): boolean {
	return SINGLE_EMOJI.test(value);
}

/** The `reaction` object: an emoji on an earlier message, or `""` to remove yours. */
export function buildReactionMessage(input: ReactionInput): { message_id: string; emoji: string } {
	const messageId = requireMessageId(input.messageId);
	if (input.remove) return { message_id: messageId, emoji: '' };
	const emoji = (input.emoji ?? '').trim();
	if (emoji === '') {
		throw new PayloadError(
			'The emoji is empty',
			'emoji',
			'Fill in one emoji, e.g. 👍, or turn on "Remove Reaction" to take a reaction back.',
		);
	}
	if (!isSingleEmoji(emoji)) {
		throw new PayloadError(
			`"${emoji}" is not a single emoji`,
			'emoji',
			'WhatsApp reacts with exactly one emoji, e.g. 👍 or ❤️; letters and several emoji are refused.',
		);
	}
	return { message_id: messageId, emoji };
}
