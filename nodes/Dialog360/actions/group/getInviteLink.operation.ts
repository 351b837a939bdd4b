import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { inviteLinkCall } from './inviteLink';
import { groupIdProperty } from './fields';

export const description = [groupIdProperty(['getInviteLink'])];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await inviteLinkCall.call(this, i, 'GET');
}
