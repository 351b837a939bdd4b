/**
 * The flow endpoint credential, read in the shape the pure flow code takes; and its test, which parses the
 * key where n8n's editor saves it, since the credential authenticates no request it could test with.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { FlowKeyError, privateKeyFor } from './whatsapp/flows/privateKey';

export const FLOW_CREDENTIAL_TYPE = 'dialog360FlowEndpointApi';

export interface FlowCredential {
	privateKey: string;
	passphrase: string;
	tokenSecret: string;
}

export function readFlowCredential(data: ICredentialDataDecryptedObject): FlowCredential {
	return {
		privateKey: String(data.privateKey ?? ''),
		passphrase: String(data.passphrase ?? ''),
		tokenSecret: String(data.tokenSecret ?? ''),
	};
}

export async function testFlowCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const { privateKey, passphrase } = readFlowCredential(credential.data ?? {});
	try {
		privateKeyFor(privateKey, passphrase);
	} catch (error) {
		const { message, hint } = error as FlowKeyError;
		return { status: 'Error', message: `${message}. ${hint}` };
	}
	return { status: 'OK', message: 'The private key is a readable RSA key of 2048 bits or more' };
}
