/** What the public-key operations output: the number's key, its signature status, and whether it is this credential's. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { FLOW_CREDENTIAL_TYPE, readFlowCredential } from '../../../shared/flowCredential';
import {
	FlowKeyError,
	privateKeyFor,
	publicKeyPemOf,
} from '../../../shared/whatsapp/flows/privateKey';
import type { NumberPublicKey } from '../../../shared/whatsapp/flows/publicKey';
import { publicKeyFingerprint } from '../../../shared/whatsapp/flows/publicKey';

export const ENCRYPTION_PATH = '/whatsapp_business_encryption';

/** The public half of the credential's private key (the private half never leaves this function's caller). */
export async function credentialPublicKey(this: IExecuteFunctions, i: number): Promise<string> {
	const credential = readFlowCredential(await this.getCredentials(FLOW_CREDENTIAL_TYPE, i));
	try {
		return publicKeyPemOf(privateKeyFor(credential.privateKey, credential.passphrase));
	} catch (error) {
		const { message, hint } = error as FlowKeyError;
		throw new NodeOperationError(this.getNode(), message, { itemIndex: i, description: hint });
	}
}

export function describeNumberKey(held: NumberPublicKey, ownPublicKey: string): IDataObject {
	const fingerprint = held.publicKey ? publicKeyFingerprint(held.publicKey) : null;
	const own = publicKeyFingerprint(ownPublicKey);
	return {
		publicKey: held.publicKey,
		signatureStatus: held.signatureStatus,
		fingerprint,
		credentialFingerprint: own,
		matchesCredential: fingerprint !== null && fingerprint === own,
	};
}
