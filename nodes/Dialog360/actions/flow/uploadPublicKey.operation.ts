import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import { readNumberPublicKey } from '../../../shared/whatsapp/flows/publicKey';
import { credentialPublicKey, describeNumberKey, ENCRYPTION_PATH } from './publicKey';

export const description = [];

/** Sets the number's business public key to the credential's, then reads it back with Meta's signature status. */
export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const own = await credentialPublicKey.call(this, i);
	await dialog360Request.call(this, {
		method: 'POST',
		path: ENCRYPTION_PATH,
		body: { business_public_key: own },
		itemIndex: i,
	});
	const { body } = await dialog360Request.call(this, {
		method: 'GET',
		path: ENCRYPTION_PATH,
		itemIndex: i,
	});
	return [{ json: describeNumberKey(readNumberPublicKey(body), own), pairedItem: { item: i } }];
}
