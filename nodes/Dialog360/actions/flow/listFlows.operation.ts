import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import { toFlowItem } from '../../../shared/whatsapp/flows/flowDefinition';

export const description = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const body = (
		await dialog360Request.call(this, {
			method: 'GET',
			path: '/flows',
			itemIndex: i,
		})
	).body as IDataObject;
	const flows = Array.isArray(body.data) ? body.data : [];
	return flows.map((flow: unknown) => ({
		json: toFlowItem(flow) as unknown as IDataObject,
		pairedItem: { item: i },
	}));
}
