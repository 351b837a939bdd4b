import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { answerCall, callIdProperty } from './fields';

export const description = [callIdProperty(['reject'])];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await answerCall.call(this, i, 'reject');
}
