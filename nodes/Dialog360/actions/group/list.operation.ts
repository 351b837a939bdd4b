import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readGroupsPage } from '../../../shared/whatsapp/groups/groups';
import { paginationProperties } from '../descriptions/pagination.description';
import { showOnGroup } from './fields';
import { collectPages } from '../helpers/cursorPages';

export const description = paginationProperties(showOnGroup('list'));

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const groups = await collectPages.call(this, i, '/groups', readGroupsPage);
	return groups.map((group) => ({
		json: group as unknown as IDataObject,
		pairedItem: { item: i },
	}));
}
