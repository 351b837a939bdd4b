import { normalizePhoneNumber } from '../phone';
import { LIMITS, optionalLength, PayloadError, requireText } from '../validation';

export type Recipient = { phoneNumber: string } | { userId: string };

export interface EnvelopeOptions {
	/** Quote an earlier message (`context.message_id`). */
	replyToMessageId?: string;
	/** Echoed back in status webhooks, up to 512 characters. */
	bizOpaqueCallbackData?: string;
}

/** The JSON body WhatsApp expects for one message: the common envelope around a typed message object. */
export type MessageBody = Record<string, unknown> & { messaging_product: 'whatsapp'; type: string };

/** The recipient as WhatsApp wants it: `to` for a phone number, `recipient` for a business-scoped user id. */
export function recipientFields(recipient: Recipient): { to: string } | { recipient: string } {
	if ('phoneNumber' in recipient) return { to: normalizePhoneNumber(recipient.phoneNumber) };
	const userId = requireText(recipient.userId, 'userId', 'User ID').trim();
	if (/\s/.test(userId)) {
		throw new PayloadError(
			`"${userId}" is not a business-scoped user id`,
			'userId',
			'Use the user id exactly as a webhook gave it (from_user_id).',
		);
	}
	return { recipient: userId };
}

/** The reply context and callback data the options ask for, as body fields; none that were not given. */
export function optionFields(options: EnvelopeOptions): {
	context?: { message_id: string };
	biz_opaque_callback_data?: string;
} {
	const fields: { context?: { message_id: string }; biz_opaque_callback_data?: string } = {};
	const replyTo = options.replyToMessageId?.trim();
	if (replyTo) fields.context = { message_id: replyTo };
	const callbackData = optionalLength(
		options.bizOpaqueCallbackData,
		LIMITS.bizOpaqueCallbackData,
		'bizOpaqueCallbackData',
		'Callback Data',
	);
	if (callbackData !== undefined) fields.biz_opaque_callback_data = callbackData;
	return fields;
}

/** Wraps a message object of `type` in the envelope every send shares. */
export function buildEnvelope(
	recipient: Recipient,
	type: string,
	message: unknown,
	options: EnvelopeOptions = {},
): MessageBody {
	return {
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		...recipientFields(recipient),
		type,
		[type]: message,
		...optionFields(options),
	};
}
