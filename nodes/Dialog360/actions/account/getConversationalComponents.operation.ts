import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import { readConversationalComponents } from '../../../shared/whatsapp/account/conversationalComponents';

export const description = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const { body } = await dialog360Request.call(this, {
		method: 'GET',
		path: '/conversational_automation',
		itemIndex: i,
	});
	return [{ json: readConversationalComponents(body) as IDataObject, pairedItem: { item: i } }];
}
