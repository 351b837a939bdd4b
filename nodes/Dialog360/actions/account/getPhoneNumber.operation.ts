import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { nodeRequest } from '../helpers/nodeRequest';
import { toPhoneNumberItem } from '../../../shared/whatsapp/account/phoneNumber';

export const description = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const { body } = await nodeRequest.call(this, {
		method: 'GET',
		path: '/v1/configs/phone_number',
		itemIndex: i,
	});
	return [{ json: toPhoneNumberItem(body) as IDataObject, pairedItem: { item: i } }];
}
