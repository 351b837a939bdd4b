/** Fields and readers every group operation shares. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireGroupId } from '../../../shared/whatsapp/groups/groups';
import { withItemError } from '../helpers/itemError';

export const showOnGroup = (...operations: string[]) => ({
	resource: ['group'],
	operation: operations,
});

export function groupIdProperty(operations: string[]): INodeProperties {
	return {
		displayName: 'Group ID',
		name: 'groupId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD',
		description:
			'The group, as List Active Groups or a group webhook of the 360dialog Trigger names it',
		displayOptions: { show: showOnGroup(...operations) },
	};
}

export function readGroupId(this: IExecuteFunctions, i: number): string {
	return withItemError(this, i, () => requireGroupId(this.getNodeParameter('groupId', i)));
}
