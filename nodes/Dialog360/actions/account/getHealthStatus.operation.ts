import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { nodeRequest } from '../helpers/nodeRequest';
import { summarizeHealthStatus } from '../../../shared/whatsapp/account/healthStatus';

export const description = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const { body } = await nodeRequest.call(this, {
		method: 'GET',
		path: '/health_status',
		itemIndex: i,
	});
	return [{ json: summarizeHealthStatus(body) as unknown as IDataObject, pairedItem: { item: i } }];
}
