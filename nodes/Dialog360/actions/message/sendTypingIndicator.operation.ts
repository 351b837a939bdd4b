import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { buildTypingIndicator } from '../../../shared/whatsapp/messages/status';
import { messageIdProperty } from '../descriptions/messageId.description';
import { withItemError } from '../helpers/itemError';
import { postMessageStatus } from '../helpers/messageStatus';

export const description = [
	messageIdProperty(
		'sendTypingIndicator',
		'The message you are answering. It is marked as read, and the user sees "typing…" until your reply arrives or 25 seconds pass. To answer a 360dialog Trigger message, map its "messageId" field.',
	),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const body = withItemError(this, i, () =>
		buildTypingIndicator(this.getNodeParameter('messageId', i) as string),
	);
	return await postMessageStatus.call(this, i, body);
}
