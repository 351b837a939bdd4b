/**
 * The 360dialog credential, read once per node run: n8n loads and decrypts it from its database on every
 * read, and a bulk send would otherwise pay that for each of its requests.
 */
import type { ICredentialDataDecryptedObject, ICredentialsDecrypted, INode } from 'n8n-workflow';

import { CREDENTIAL_TYPE, DEFAULT_BASE_URL } from './credentialType';

/** What a node run needs to read its credential: any of n8n's contexts. */
export interface CredentialSource {
	getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
	getNode(): INode;
}

export interface Credential {
	baseUrl: string;
	/** Used only to redact the key from errors and to tell numbers apart. */
	apiKey: string | undefined;
	/** The decrypted credential as n8n gave it, handed back to n8n so that it is not loaded again per request. */
	decrypted: ICredentialsDecrypted;
}

const credentialReads = new WeakMap<object, Promise<Credential>>();

function normaliseBaseUrl(value: unknown): string {
	const text = typeof value === 'string' && value.trim() !== '' ? value.trim() : DEFAULT_BASE_URL;
	return text.replace(/\/+$/, '');
}

async function loadCredential(context: CredentialSource): Promise<Credential> {
	const data = await context.getCredentials(CREDENTIAL_TYPE);
	const reference = context.getNode().credentials?.[CREDENTIAL_TYPE];
	return {
		baseUrl: normaliseBaseUrl(data.baseUrl),
		apiKey: typeof data.apiKey === 'string' ? data.apiKey : undefined,
		decrypted: {
			id: reference?.id ?? '',
			name: reference?.name ?? CREDENTIAL_TYPE,
			type: CREDENTIAL_TYPE,
			data,
		},
	};
}

/** The credential of this node run (`context`), read on the first call and shared by the calls after it. */
export function readCredential(context: CredentialSource): Promise<Credential> {
	let read = credentialReads.get(context);
	if (!read) {
		read = loadCredential(context);
		credentialReads.set(context, read);
		// A failed read is not kept: the next call tries again and reports its own error.
		read.catch(() => credentialReads.delete(context));
	}
	return read;
}
