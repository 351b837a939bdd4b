import type { IExecuteFunctions } from 'n8n-workflow';

import { buildTypingIndicator } from '../../../shared/whatsapp/messages/status';
import { messageIdProperty } from '../descriptions/messageId.description';
import { withItemError } from '../helpers/itemError';
import { postMessageStatus } from '../helpers/messageStatus';
import type { PreparedSend } from '../operation';
import { executePrepared } from '../operation';

export const description = [
	messageIdProperty(
		'sendTypingIndicator',
		'The message you are answering. It is marked as read, and the user sees "typing…" until your reply arrives or 25 seconds pass. To answer a 360dialog Trigger message, map its "messageId" field.',
	),
];

export function prepare(this: IExecuteFunctions, i: number): PreparedSend {
	const body = withItemError(this, i, () =>
		buildTypingIndicator(this.getNodeParameter('messageId', i) as string),
	);
	return { send: async () => await postMessageStatus.call(this, i, body) };
}

export const execute = executePrepared(prepare);
