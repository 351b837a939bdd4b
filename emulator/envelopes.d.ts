/** Types of envelopes.js: the Cloud API webhook envelope. */
export interface EnvelopeNumber {
	wabaId: string;
	phoneNumberId: string;
	displayPhoneNumber: string;
}

export interface MessagesChange {
	field: 'messages';
	value: {
		messaging_product: 'whatsapp';
		metadata: { display_phone_number: string; phone_number_id: string };
	} & Record<string, unknown>;
}

export interface WebhookBody {
	object: 'whatsapp_business_account';
	entry: Array<{ id: string; changes: object[] }>;
}

export function messagesValue(
	number: Pick<EnvelopeNumber, 'phoneNumberId' | 'displayPhoneNumber'>,
	value: Record<string, unknown>,
): MessagesChange;
export function webhookBody(
	number: Pick<EnvelopeNumber, 'wabaId'>,
	entries: Array<Array<object>>,
): WebhookBody;
export function messagesChange(number: EnvelopeNumber, value: Record<string, unknown>): WebhookBody;
export function numberChange(
	number: EnvelopeNumber,
	field: string,
	value: Record<string, unknown>,
): WebhookBody;
export function unixSeconds(ms: number): string;
