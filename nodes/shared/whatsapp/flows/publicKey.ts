/**
 * The business public key as the number holds it (WhatsApp Business Encryption: GET answers the key and
 * whether Meta signed it, VALID or MISMATCH), compared with the key the endpoint decrypts with.
 */
import { createHash, createPublicKey } from 'crypto';

import { asRecord } from '../json';

export interface NumberPublicKey {
	publicKey: string | null;
	signatureStatus: string | null;
}

/** Graph answers `{ data: [ {...} ] }`; an answer without the list is read as the entry itself. */
export function readNumberPublicKey(body: unknown): NumberPublicKey {
	const root = asRecord(body) ?? {};
	const entry = Array.isArray(root.data) ? (asRecord(root.data[0]) ?? {}) : root;
	return {
		publicKey: typeof entry.business_public_key === 'string' ? entry.business_public_key : null,
		signatureStatus:
			typeof entry.business_public_key_signature_status === 'string'
				? entry.business_public_key_signature_status
				: null,
	};
}

/** SHA-256 of the key's DER form, base64: the same for any PEM spelling of one key. */
export function publicKeyFingerprint(pem: string): string | null {
	try {
		const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
		return createHash('sha256').update(der).digest('base64');
	} catch {
		return null;
	}
}
