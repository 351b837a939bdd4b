/**
 * What the operations that act on a message the user sent share: the field naming that message, and posting
 * a status (read, typing) for it, which answers `{ success }` rather than a new message.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import type { ReadReceipt } from '../../../shared/whatsapp/messages/status';
import { successOf } from '../common';

/** `description` says what the message is for; it should end by pointing at the trigger's "messageId" field. */
export function messageIdProperty(operation: string, description: string): INodeProperties {
	return {
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'wamid.HBgL...',
		description,
		displayOptions: { show: { resource: ['message'], operation: [operation] } },
	};
}

export async function postMessageStatus(
	this: IExecuteFunctions,
	i: number,
	body: ReadReceipt,
): Promise<INodeExecutionData[]> {
	const { body: response } = await dialog360Request.call(this, {
		method: 'POST',
		path: '/messages',
		body: body as unknown as IDataObject,
		itemIndex: i,
	});
	return [
		{ json: { success: successOf(response), messageId: body.message_id }, pairedItem: { item: i } },
	];
}
