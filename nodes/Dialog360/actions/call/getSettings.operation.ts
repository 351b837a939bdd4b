import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import { asRecord } from '../../../shared/whatsapp/json';

export const description = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const { body } = await dialog360Request.call(this, {
		method: 'GET',
		path: '/calling/settings',
		itemIndex: i,
	});
	const calling = asRecord(asRecord(body)?.calling) ?? {};
	return [{ json: calling as IDataObject, pairedItem: { item: i } }];
}
