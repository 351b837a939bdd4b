import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { buildReadReceipt } from '../../../shared/whatsapp/messages/status';
import { checked } from '../common';
import { messageIdProperty, postMessageStatus } from './messageReference';

export const description = [
	messageIdProperty(
		'markAsRead',
		'The message to mark as read; earlier messages of the chat are marked too. To mark a 360dialog Trigger message, map its "messageId" field.',
	),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const body = checked(this, i, () =>
		buildReadReceipt(this.getNodeParameter('messageId', i) as string),
	);
	return await postMessageStatus.call(this, i, body);
}
