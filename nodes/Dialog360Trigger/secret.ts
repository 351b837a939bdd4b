/**
 * The webhook secret: 360dialog sends it back with every delivery; the workflow keeps only its SHA-256,
 * so that exporting or reading the workflow (n8n's public API returns static data) cannot forge deliveries.
 */
import { createHash, randomBytes, timingSafeEqual } from 'crypto';

import { headerValue, VERIFICATION_HEADER } from './webhookConfig';

/** What the trigger keeps about its secret in the workflow's static data. */
export interface SecretRecord {
	/** SHA-256 of the secret, hex. */
	webhookSecretSha256?: string;
	/** Plain secret kept by earlier releases; read once, then replaced by its hash. */
	webhookSecret?: string;
}

export function newSecret(): string {
	return randomBytes(32).toString('hex');
}

export function hashSecret(secret: string): string {
	return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The stored hash, or the hash of a plain secret an earlier release stored. */
export function expectedHash(record: SecretRecord): string | undefined {
	if (typeof record.webhookSecretSha256 === 'string') return record.webhookSecretSha256;
	return typeof record.webhookSecret === 'string' ? hashSecret(record.webhookSecret) : undefined;
}

/** Replaces a plain secret by its hash; true when the record changed. */
export function migrateSecret(record: SecretRecord): boolean {
	if (typeof record.webhookSecret !== 'string') return false;
	record.webhookSecretSha256 ??= hashSecret(record.webhookSecret);
	delete record.webhookSecret;
	return true;
}

/** Compares in constant time, whatever the lengths. */
export function secretMatches(given: unknown, record: SecretRecord): boolean {
	const expected = expectedHash(record);
	if (typeof given !== 'string' || !expected || !/^[0-9a-f]{64}$/.test(expected)) return false;
	return timingSafeEqual(Buffer.from(hashSecret(given), 'hex'), Buffer.from(expected, 'hex'));
}

/** Ours when the registered headers carry this node's secret; also when 360dialog shows no headers. */
export function carriesOurSecret(
	headers: Record<string, string> | undefined,
	record: SecretRecord,
): boolean {
	const registered = headerValue(headers, VERIFICATION_HEADER);
	return registered === undefined || hashSecret(registered) === expectedHash(record);
}
