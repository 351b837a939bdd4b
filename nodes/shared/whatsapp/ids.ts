/** The ids WhatsApp hands out, checked before they are used in a request. */
import { PayloadError } from './validation';

/** A message id as webhooks and sends give it (`wamid.…`): required, one word. */
export function requireMessageId(value: unknown, field = 'messageId'): string {
	const id = typeof value === 'string' ? value.trim() : '';
	if (id === '') {
		throw new PayloadError(
			'The message ID is empty',
			field,
			'Fill in the ID of the WhatsApp message (wamid.…). From the 360dialog Trigger: {{ $json.messageId }}.',
		);
	}
	if (/\s/.test(id)) {
		throw new PayloadError(
			`"${id}" is not a WhatsApp message ID`,
			field,
			'Use the message ID exactly as WhatsApp gave it (wamid.…).',
		);
	}
	return id;
}

/**
 * A media id: digits only. Checked before any call because WhatsApp blocks a number from media look-ups
 * for 30 minutes after about 20 failed ones within an hour, and a malformed id is a sure failure.
 */
export function requireMediaId(value: unknown, field = 'mediaId'): string {
	const id =
		typeof value === 'number' && Number.isSafeInteger(value)
			? String(value)
			: typeof value === 'string'
				? value.trim()
				: '';
	if (id === '') {
		throw new PayloadError(
			'The media ID is empty',
			field,
			'Fill in the numeric media ID, e.g. from an upload or from the 360dialog Trigger: {{ $json.media.id }}.',
		);
	}
	if (!/^\d+$/.test(id)) {
		throw new PayloadError(
			`"${id}" is not a media ID: WhatsApp media IDs are digits only`,
			field,
			'Use the numeric ID an upload or a webhook gave (e.g. {{ $json.media.id }}). Nothing was sent: WhatsApp blocks media look-ups for 30 minutes after about 20 failed ones within an hour.',
		);
	}
	return id;
}
