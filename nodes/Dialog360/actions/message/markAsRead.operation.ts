import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { buildReadReceipt } from '../../../shared/whatsapp/messages/status';
import { messageIdProperty } from '../descriptions/messageId.description';
import { withItemError } from '../helpers/itemError';
import { postMessageStatus } from '../helpers/messageStatus';

export const description = [
	messageIdProperty(
		'markAsRead',
		'The message to mark as read; earlier messages of the chat are marked too. To mark a 360dialog Trigger message, map its "messageId" field.',
	),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const body = withItemError(this, i, () =>
		buildReadReceipt(this.getNodeParameter('messageId', i) as string),
	);
	return await postMessageStatus.call(this, i, body);
}
