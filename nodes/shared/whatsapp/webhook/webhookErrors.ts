import { errorHint, extractWebhookError } from '../errors';
import { asRecord, compact, type JsonRecord } from './read';
import type { WebhookError } from './types';

function saysSomething(error: JsonRecord): boolean {
	return (
		error.code !== undefined ||
		error.title !== undefined ||
		error.message !== undefined ||
		error.error_data !== undefined
	);
}

/**
 * One error of a webhook's `errors[]`, with the catalogue's hint; nothing for what is not an error object.
 * `inbound`: the error belongs to a message a user sent.
 */
export function readWebhookError(
	raw: unknown,
	origin: 'outbound' | 'inbound' = 'outbound',
): WebhookError | undefined {
	const record = asRecord(raw);
	const info = record && saysSomething(record) ? extractWebhookError(record) : undefined;
	if (!info) return undefined;
	return compact({
		code: info.code,
		title: info.title,
		message: info.message,
		details: info.details,
		hint: errorHint(info.code, origin),
	});
}

/** A webhook's `errors[]` as read errors; nothing when there are none. */
export function readWebhookErrors(
	raw: unknown,
	origin: 'outbound' | 'inbound' = 'outbound',
): WebhookError[] | undefined {
	if (!Array.isArray(raw)) return undefined;
	const errors: WebhookError[] = [];
	for (const entry of raw) {
		const error = readWebhookError(entry, origin);
		if (error) errors.push(error);
	}
	return errors.length > 0 ? errors : undefined;
}
