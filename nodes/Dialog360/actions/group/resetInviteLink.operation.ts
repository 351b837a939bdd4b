import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { groupIdProperty, showOnGroup } from './fields';
import { inviteLinkCall } from './inviteLink';

export const description: INodeProperties[] = [
	{
		displayName: 'The old link stops working: people who have not joined yet need the new one',
		name: 'resetNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: showOnGroup('resetInviteLink') },
	},
	groupIdProperty(['resetInviteLink']),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await inviteLinkCall.call(this, i, 'POST');
}
