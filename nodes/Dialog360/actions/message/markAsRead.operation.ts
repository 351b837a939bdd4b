import type { IExecuteFunctions } from 'n8n-workflow';

import { buildReadReceipt } from '../../../shared/whatsapp/messages/status';
import { messageIdProperty } from '../descriptions/messageId.description';
import { withItemError } from '../helpers/itemError';
import { postMessageStatus } from '../helpers/messageStatus';
import type { PreparedSend } from '../operation';
import { executePrepared } from '../operation';

export const description = [
	messageIdProperty(
		'markAsRead',
		'The message to mark as read; earlier messages of the chat are marked too. To mark a 360dialog Trigger message, map its "messageId" field.',
	),
];

export function prepare(this: IExecuteFunctions, i: number): PreparedSend {
	const body = withItemError(this, i, () =>
		buildReadReceipt(this.getNodeParameter('messageId', i) as string),
	);
	return { send: async () => await postMessageStatus.call(this, i, body) };
}

export const execute = executePrepared(prepare);
