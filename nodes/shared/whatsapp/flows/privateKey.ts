/**
 * The endpoint's RSA private key, parsed once per credential content: parsing a PEM (and deriving a
 * passphrase-protected one) costs far more than the request it decrypts. Cached by a hash of the PEM and
 * passphrase, never by the PEM itself, in a bounded map.
 */
import type { KeyObject } from 'crypto';
import { createHash, createPrivateKey, createPublicKey } from 'crypto';

const MAX_CACHED_KEYS = 32;
const cache = new Map<string, KeyObject>();

/** The private key is missing, malformed, locked with another passphrase, or not a 2048-bit RSA key. */
export class FlowKeyError extends Error {
	constructor(
		message: string,
		readonly hint: string,
	) {
		super(message);
	}
}

function cacheKey(pem: string, passphrase: string): string {
	return createHash('sha256').update(pem).update('\u0000').update(passphrase).digest('hex');
}

/** PEM pasted into a one-line field keeps its line breaks as "\n" text or spaces; restore them. */
export function normalizePem(pem: string): string {
	const text = pem.trim().replace(/\\n/g, '\n');
	const match = /^(-----BEGIN [A-Z ]+-----)\s*([\s\S]*?)\s*(-----END [A-Z ]+-----)$/.exec(text);
	if (!match) return text;
	const [, begin, middle, end] = match;
	// Encrypted PKCS#1 keys carry "Proc-Type:" headers whose lines must stay as they are.
	if (middle.includes(':')) return `${begin}\n${middle.replace(/\r/g, '')}\n${end}\n`;
	const base64 = middle.replace(/\s+/g, '');
	return `${begin}\n${base64.replace(/.{1,64}/g, '$&\n')}${end}\n`;
}

function parse(pem: string, passphrase: string): KeyObject {
	if (pem.trim() === '')
		throw new FlowKeyError(
			'The flow endpoint credential has no private key',
			'Paste the RSA private key (PEM) into the credential, or generate one as its hint says.',
		);
	let key: KeyObject | undefined;
	let reason = '';
	try {
		key = createPrivateKey({
			key: normalizePem(pem),
			format: 'pem',
			...(passphrase ? { passphrase } : {}),
		});
	} catch (error) {
		reason = (error as Error).message;
	}
	if (!key) {
		const locked = /passphrase|bad decrypt|decrypt/i.test(reason);
		throw new FlowKeyError(
			locked
				? 'The private key could not be unlocked with the passphrase'
				: 'The private key is not a readable PEM key',
			locked
				? 'Enter the passphrase the key was encrypted with, or leave it empty for a key without one.'
				: 'Paste the whole key, from "-----BEGIN" to the "-----END ... KEY-----" line.',
		);
	}
	const details = key.asymmetricKeyDetails;
	if (key.asymmetricKeyType !== 'rsa' || (details?.modulusLength ?? 0) < 2048)
		throw new FlowKeyError(
			'The private key is not an RSA key of at least 2048 bits',
			'WhatsApp Flows take a 2048-bit RSA key: generate one and paste its private half.',
		);
	return key;
}

/** The parsed key for this PEM and passphrase; parsed on first use only. Throws FlowKeyError. */
export function privateKeyFor(pem: string, passphrase = ''): KeyObject {
	const id = cacheKey(pem, passphrase);
	const cached = cache.get(id);
	if (cached) return cached;
	const key = parse(pem, passphrase);
	if (cache.size >= MAX_CACHED_KEYS) cache.delete(cache.keys().next().value as string);
	cache.set(id, key);
	return key;
}

/** The public half, as the SPKI PEM that 360dialog's encryption endpoint takes. */
export function publicKeyPemOf(privateKey: KeyObject): string {
	return createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
}
