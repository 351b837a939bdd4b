import { requireGroupId } from '../groups/groups';
import { normalizePhoneNumber } from '../phone';
import { LIMITS, optionalLength, PayloadError, requireText } from '../validation';

export type Recipient = { phoneNumber: string } | { userId: string } | { groupId: string };

/**
 * What a group takes: text, media and templates that are not authentication templates (360dialog docs
 * messaging/groups, "Supported message types"; Meta answers anything else with 130501).
 */
const GROUP_MESSAGE_TYPES = ['text', 'image', 'video', 'audio', 'document', 'sticker', 'template'];

/** The key items for the same recipient are ordered by: who, or which group, receives them. */
export function recipientKey(recipient: Recipient): string {
	if ('groupId' in recipient) return `group:${recipient.groupId}`;
	return 'userId' in recipient ? recipient.userId : recipient.phoneNumber;
}

export interface EnvelopeOptions {
	/** Quote an earlier message (`context.message_id`). */
	replyToMessageId?: string;
	/** Echoed back in status webhooks, up to 512 characters. */
	bizOpaqueCallbackData?: string;
}

/** The JSON body WhatsApp expects for one message: the common envelope around a typed message object. */
export type MessageBody = Record<string, unknown> & { messaging_product: 'whatsapp'; type: string };

/**
 * The recipient as WhatsApp wants it: `to` for a phone number or a group id (with `recipient_type: group`,
 * 360dialog docs messaging/groups/messaging-api), `recipient` for a business-scoped user id.
 */
export function recipientFields(
	recipient: Recipient,
): { to: string } | { recipient: string } | { recipient_type: 'group'; to: string } {
	if ('phoneNumber' in recipient) return { to: normalizePhoneNumber(recipient.phoneNumber) };
	if ('groupId' in recipient)
		return { recipient_type: 'group', to: requireGroupId(recipient.groupId) };
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

function checkGroupMessageType(recipient: Recipient, type: string): void {
	if (!('groupId' in recipient) || GROUP_MESSAGE_TYPES.includes(type)) return;
	throw new PayloadError(
		`A group cannot receive ${type} messages`,
		'recipientType',
		'Send the group text, media or a template, or send this message to a phone number or user ID.',
	);
}

/** Wraps a message object of `type` in the envelope every send shares. */
export function buildEnvelope(
	recipient: Recipient,
	type: string,
	message: unknown,
	options: EnvelopeOptions = {},
): MessageBody {
	checkGroupMessageType(recipient, type);
	return {
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		...recipientFields(recipient),
		type,
		[type]: message,
		...optionFields(options),
	};
}
