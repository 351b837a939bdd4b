import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import { groupPath } from '../../../shared/whatsapp/groups/groups';
import { successOf } from '../../../shared/whatsapp/json';
import { groupIdProperty, readGroupId } from './fields';

export const description = [groupIdProperty(['delete'])];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const groupId = readGroupId.call(this, i);
	const { body } = await dialog360Request.call(this, {
		method: 'DELETE',
		path: groupPath(groupId),
		itemIndex: i,
	});
	return [{ json: { groupId, deleted: successOf(body) }, pairedItem: { item: i } }];
}
