import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import { readNumberPublicKey } from '../../../shared/whatsapp/flows/publicKey';
import { credentialPublicKey, describeNumberKey, ENCRYPTION_PATH } from './publicKey';

export const description = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const own = await credentialPublicKey.call(this, i);
	const { body } = await dialog360Request.call(this, {
		method: 'GET',
		path: ENCRYPTION_PATH,
		itemIndex: i,
	});
	return [{ json: describeNumberKey(readNumberPublicKey(body), own), pairedItem: { item: i } }];
}
