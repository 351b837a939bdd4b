/**
 * The headers of the webhook a trigger replaced (another system's, often carrying that system's own
 * credentials), kept so that deactivation can put them back. They are sealed with AES-256-GCM under a key
 * derived from the credential's 360dialog API key: the workflow's static data is exported with it and
 * returned by n8n's API, and must not show them. Whoever holds the API key can read the number's webhook
 * configuration from 360dialog anyway, so the seal hides nothing from them that the API would not show.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'crypto';

const VERSION = 'v1';
const INFO = 'n8n-nodes-360dialog replaced webhook headers';

function keyFor(apiKey: string, salt: Buffer): Buffer {
	return Buffer.from(hkdfSync('sha256', apiKey, salt, INFO, 32));
}

export function sealHeaders(headers: Record<string, string>, apiKey: string): string {
	const salt = randomBytes(16);
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', keyFor(apiKey, salt), iv);
	const sealed = Buffer.concat([cipher.update(JSON.stringify(headers), 'utf8'), cipher.final()]);
	return `${VERSION}.${Buffer.concat([salt, iv, cipher.getAuthTag(), sealed]).toString('base64')}`;
}

/** The headers, or undefined when `sealed` was not sealed with this API key (or is damaged). */
export function openHeaders(sealed: string, apiKey: string): Record<string, string> | undefined {
	const [version, payload] = sealed.split('.');
	if (version !== VERSION || !payload) return undefined;
	const bytes = Buffer.from(payload, 'base64');
	if (bytes.length < 16 + 12 + 16) return undefined;
	try {
		const decipher = createDecipheriv(
			'aes-256-gcm',
			keyFor(apiKey, bytes.subarray(0, 16)),
			bytes.subarray(16, 28),
		);
		decipher.setAuthTag(bytes.subarray(28, 44));
		const text = Buffer.concat([decipher.update(bytes.subarray(44)), decipher.final()]);
		const headers: unknown = JSON.parse(text.toString('utf8'));
		if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) return undefined;
		return Object.fromEntries(
			Object.entries(headers).filter(
				(entry): entry is [string, string] => typeof entry[1] === 'string',
			),
		);
	} catch {
		return undefined;
	}
}
