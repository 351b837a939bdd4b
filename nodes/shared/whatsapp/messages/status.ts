/** Bodies that change the state of a message the user sent: read receipts and the typing indicator. */
import { requireMessageId } from '../ids';

export interface ReadReceipt {
	messaging_product: 'whatsapp';
	status: 'read';
	message_id: string;
	typing_indicator?: { type: 'text' };
}

/** Marks a message as read (blue ticks). No recipient: the message id says whose chat it is. */
export function buildReadReceipt(messageId: string): ReadReceipt {
	return { messaging_product: 'whatsapp', status: 'read', message_id: requireMessageId(messageId) };
}

/** Marks a message as read and shows "typing…" until the reply is sent, or for 25 seconds at most. */
export function buildTypingIndicator(messageId: string): ReadReceipt {
	return { ...buildReadReceipt(messageId), typing_indicator: { type: 'text' } };
}
