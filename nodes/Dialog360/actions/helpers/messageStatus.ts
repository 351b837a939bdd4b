import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { nodeRequest } from './nodeRequest';
import type { ReadReceipt } from '../../../shared/whatsapp/messages/status';
import { successOf } from '../../../shared/whatsapp/json';

/** Posts a status (read, typing) for a message the user sent; 360dialog answers `{ success }`, not a new message. */
export async function postMessageStatus(
	this: IExecuteFunctions,
	i: number,
	body: ReadReceipt,
): Promise<INodeExecutionData[]> {
	const { body: response } = await nodeRequest.call(this, {
		method: 'POST',
		path: '/messages',
		body: body as unknown as IDataObject,
		itemIndex: i,
	});
	return [
		{ json: { success: successOf(response), messageId: body.message_id }, pairedItem: { item: i } },
	];
}
