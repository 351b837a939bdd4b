/**
 * Webhook posts for tests and benchmarks, in the Cloud API's shape (built by the emulator's own envelope code), for the
 * emulator's default number.
 */
import {
	messagesChange,
	messagesValue,
	webhookBody,
	type WebhookBody,
} from '../../emulator/envelopes';

export const TEST_NUMBER = {
	wabaId: '200000000000001',
	phoneNumberId: '100000000000001',
	displayPhoneNumber: '15550001111',
};

export const contact = (name: string, waId: string) => ({ profile: { name }, wa_id: waId });

export const inboundText = (id: string, from: string, body: string, timestamp = '1763740800') => ({
	from,
	id,
	timestamp,
	type: 'text',
	text: { body },
});

export const statusEvent = (id: string, status: string, extra: Record<string, unknown> = {}) => ({
	id,
	status,
	timestamp: '1763740801',
	recipient_id: '4915112345678',
	...extra,
});

/** One entry with one "messages" change holding `value` (contacts, messages, statuses, errors). */
export const envelope = (value: Record<string, unknown>): WebhookBody =>
	messagesChange(TEST_NUMBER, value);

/** Several entries, each a list of "messages" change values: the batched posts 360dialog sends under load. */
export const batchedEnvelope = (entries: Array<Array<Record<string, unknown>>>): WebhookBody =>
	webhookBody(
		TEST_NUMBER,
		entries.map((values) => values.map((value) => messagesValue(TEST_NUMBER, value))),
	);
