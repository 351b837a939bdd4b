import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import { groupPath, readGroupDetails } from '../../../shared/whatsapp/groups/groups';
import { groupIdProperty, readGroupId } from './fields';

/** Every field Get Group Info documents; the platform answers only the id without `fields`. */
const GROUP_FIELDS = [
	'subject',
	'description',
	'suspended',
	'creation_timestamp',
	'participants',
	'total_participant_count',
	'join_approval_mode',
].join(',');

export const description = [groupIdProperty(['get'])];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const groupId = readGroupId.call(this, i);
	const { body } = await dialog360Request.call(this, {
		method: 'GET',
		path: groupPath(groupId),
		qs: { fields: GROUP_FIELDS },
		itemIndex: i,
	});
	return [
		{
			json: readGroupDetails(body, groupId) as unknown as IDataObject,
			pairedItem: { item: i },
		},
	];
}
