/**
 * A message body written by hand, for types the node has no fields for. Completed where that is safe
 * (`messaging_product`, the recipient, reply and callback options), checked where WhatsApp would refuse it.
 */
import { isJsonObject } from '../json';
import { parseJsonField, PayloadError } from '../validation';
import { optionFields, recipientFields } from './envelope';
import type { EnvelopeOptions, MessageBody, Recipient } from './envelope';

const FIELD = 'messageJson';
const EXAMPLE = '{"type": "text", "text": {"body": "Hello"}}';

function asObject(value: unknown): Record<string, unknown> {
	const parsed = parseJsonField(value, FIELD, 'Message JSON', EXAMPLE);
	if (!isJsonObject(parsed)) {
		throw new PayloadError(
			'The message JSON is not a JSON object',
			FIELD,
			`Give one object such as ${EXAMPLE}.`,
		);
	}
	return { ...parsed };
}

function requireTypedObject(body: Record<string, unknown>): void {
	const type = body.type;
	if (typeof type !== 'string' || type.trim() === '') {
		throw new PayloadError(
			'The message JSON has no "type"',
			FIELD,
			'Add "type" with the message type and an object of the same name, e.g. {"type": "text", "text": {"body": "Hello"}}.',
		);
	}
	const content = body[type];
	if (content === null || typeof content !== 'object') {
		throw new PayloadError(
			`The message JSON has "type": "${type}" but no "${type}" object`,
			FIELD,
			`Add the "${type}" object with the message content, e.g. {"type": "${type}", "${type}": {...}}.`,
		);
	}
}

/**
 * The body to post: the JSON as given, with `messaging_product` added when missing, the node's recipient when
 * the JSON names none (`to` or `recipient`), and the reply and callback options when the JSON has none of its own.
 */
export function buildRawMessage(
	json: unknown,
	fallbackRecipient: Recipient,
	options: EnvelopeOptions = {},
): MessageBody {
	const body = asObject(json);
	requireTypedObject(body);
	const hasRecipient = ['to', 'recipient'].some(
		(key) => body[key] !== undefined && body[key] !== null && body[key] !== '',
	);
	const result: Record<string, unknown> = {
		messaging_product: 'whatsapp',
		...(hasRecipient ? {} : recipientFields(fallbackRecipient)),
		...body,
	};
	for (const [key, value] of Object.entries(optionFields(options))) {
		if (result[key] === undefined) result[key] = value;
	}
	return result as MessageBody;
}
