/**
 * The encryption of a WhatsApp Flow data endpoint (Meta, "Implementing your Flow endpoint"): each request
 * carries an AES-128 key wrapped with the business's RSA public key (RSA-OAEP, SHA-256), the payload is
 * AES-GCM with its 16-byte tag at the end, and the answer is encrypted with the same key under the request's
 * IV with every bit flipped, sent as base64 text.
 */
import type { KeyObject } from 'crypto';
import { constants, createCipheriv, createDecipheriv, privateDecrypt } from 'crypto';

const TAG_LENGTH = 16;
const AES_KEY_LENGTH = 16;

/** The three base64 fields Meta posts to the endpoint. */
export interface EncryptedFlowRequest {
	encrypted_flow_data: string;
	encrypted_aes_key: string;
	initial_vector: string;
}

/** What a request decrypts to, with the key and IV its answer is encrypted under. */
export interface DecryptedFlowRequest {
	payload: unknown;
	aesKey: Buffer;
	iv: Buffer;
}

/** The request cannot be decrypted with this key: the endpoint answers 421 so that Meta fetches the key again. */
export class FlowDecryptionError extends Error {}

/** What `run` answers, or undefined when it throws: a failed step of decryption says nothing more. */
function attempt<T>(run: () => T): T | undefined {
	try {
		return run();
	} catch {
		return undefined;
	}
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function isEncryptedFlowRequest(body: unknown): body is EncryptedFlowRequest {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
	const fields = body as Record<string, unknown>;
	return ['encrypted_flow_data', 'encrypted_aes_key', 'initial_vector'].every(
		(name) =>
			typeof fields[name] === 'string' &&
			(fields[name] as string).length > 0 &&
			BASE64.test(fields[name] as string),
	);
}

/** Unwraps the request's AES key with the private key; throws FlowDecryptionError when it is not for this key. */
export function unwrapAesKey(encryptedAesKey: string, privateKey: KeyObject): Buffer {
	const aesKey = attempt(() =>
		privateDecrypt(
			{ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
			Buffer.from(encryptedAesKey, 'base64'),
		),
	);
	if (!aesKey)
		throw new FlowDecryptionError('The AES key was not wrapped with this endpoint’s public key');
	if (aesKey.length !== AES_KEY_LENGTH)
		throw new FlowDecryptionError('The unwrapped AES key is not 128 bits long');
	return aesKey;
}

export function decryptFlowRequest(
	request: EncryptedFlowRequest,
	privateKey: KeyObject,
): DecryptedFlowRequest {
	const aesKey = unwrapAesKey(request.encrypted_aes_key, privateKey);
	const iv = Buffer.from(request.initial_vector, 'base64');
	const data = Buffer.from(request.encrypted_flow_data, 'base64');
	if (iv.length === 0 || data.length <= TAG_LENGTH)
		throw new FlowDecryptionError('The request is too short to hold a payload and its tag');
	const plain = attempt(() => {
		const decipher = createDecipheriv('aes-128-gcm', aesKey, iv, { authTagLength: TAG_LENGTH });
		decipher.setAuthTag(data.subarray(data.length - TAG_LENGTH));
		return Buffer.concat([
			decipher.update(data.subarray(0, data.length - TAG_LENGTH)),
			decipher.final(),
		]).toString('utf8');
	});
	if (plain === undefined)
		throw new FlowDecryptionError('The payload does not match its authentication tag');
	const payload = attempt(() => JSON.parse(plain) as unknown);
	if (payload === undefined) throw new FlowDecryptionError('The decrypted payload is not JSON');
	return { payload, aesKey, iv };
}

function flipped(iv: Buffer): Buffer {
	return Buffer.from(iv.map((byte) => ~byte & 0xff));
}

/** The answer's body: the JSON encrypted under the request's key and flipped IV, tag appended, base64. */
export function encryptFlowResponse(response: unknown, aesKey: Buffer, iv: Buffer): string {
	const cipher = createCipheriv('aes-128-gcm', aesKey, flipped(iv), {
		authTagLength: TAG_LENGTH,
	});
	const body = Buffer.concat([
		cipher.update(JSON.stringify(response), 'utf8'),
		cipher.final(),
		cipher.getAuthTag(),
	]);
	return body.toString('base64');
}
