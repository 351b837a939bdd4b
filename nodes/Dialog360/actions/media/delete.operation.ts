import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { nodeRequest } from '../helpers/nodeRequest';
import { mediaIdProperty, showOnMedia } from '../descriptions/media.description';
import { readMediaId } from '../helpers/mediaLookup';
import { successOf } from '../../../shared/whatsapp/json';

export const description = [
	mediaIdProperty(
		showOnMedia('delete'),
		'The uploaded media to delete, digits only. Messages already sent with it keep their copy.',
	),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const mediaId = readMediaId.call(this, i);
	const { body } = await nodeRequest.call(this, {
		method: 'DELETE',
		path: `/${mediaId}`,
		itemIndex: i,
	});
	return [{ json: { success: successOf(body), mediaId }, pairedItem: { item: i } }];
}
