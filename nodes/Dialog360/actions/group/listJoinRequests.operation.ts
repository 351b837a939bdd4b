import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { groupPath, readJoinRequestsPage } from '../../../shared/whatsapp/groups/groups';
import type { JoinRequest } from '../../../shared/whatsapp/groups/groups';
import { paginationProperties } from '../descriptions/pagination.description';
import { groupIdProperty, readGroupId, showOnGroup } from './fields';
import { collectPages } from '../helpers/cursorPages';

export const description = [
	groupIdProperty(['listJoinRequests']),
	...paginationProperties(showOnGroup('listJoinRequests')),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const groupId = readGroupId.call(this, i);
	const requests = (await collectPages.call(
		this,
		i,
		groupPath(groupId, 'join_requests'),
		readJoinRequestsPage,
	)) as JoinRequest[];
	return requests.map((request) => ({
		json: { groupId, ...request } as unknown as IDataObject,
		pairedItem: { item: i },
	}));
}
