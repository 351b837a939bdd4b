import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { answerJoinRequests, joinRequestProperties } from './joinRequests';

export const description = joinRequestProperties('rejectJoinRequests', 'reject');

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await answerJoinRequests.call(this, i, 'reject');
}
