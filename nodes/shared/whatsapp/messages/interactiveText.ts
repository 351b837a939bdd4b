/** The text parts every interactive message shares: body, footer and a text header, within WhatsApp's limits. */
import type { JsonRecord } from '../json';
import { LIMITS, optionalLength, requireLength } from '../validation';

/** `{ text }` of the body; the body is required unless `optional`, then empty gives undefined. */
export function interactiveBody(
	value: string | undefined,
	optional = false,
): JsonRecord | undefined {
	if (optional && (value ?? '').trim() === '') return undefined;
	return { text: requireLength(value, LIMITS.interactiveBody, 'bodyText', 'Body Text') };
}

/** `{ text }` of the footer; undefined when empty or only whitespace. */
export function interactiveFooter(value: string | undefined): JsonRecord | undefined {
	const text = optionalLength(value?.trim(), LIMITS.interactiveFooter, 'footerText', 'Footer Text');
	return text ? { text } : undefined;
}

/** A text header, `{ type: 'text', text }`. */
export function interactiveTextHeader(value: string | undefined): JsonRecord {
	return {
		type: 'text',
		text: requireLength(value, LIMITS.interactiveHeaderText, 'headerText', 'Header Text'),
	};
}
