/**
 * The webhook secret as both rooms know it: activation registers it with 360dialog in this header,
 * 360dialog sends it back with every delivery, and the workflow keeps only its SHA-256, so that exporting
 * or reading the workflow (n8n's public API returns static data) cannot forge deliveries.
 */
import { createHash } from 'crypto';

/** The header 360dialog sends back with every delivery; no underscore, as 360dialog requires. */
export const VERIFICATION_HEADER = 'X-N8n-Webhook-Secret';

/** What the trigger keeps about its secret in the workflow's static data. */
export interface SecretRecord {
	/** SHA-256 of the secret, hex. */
	webhookSecretSha256?: string;
	/** Plain secret kept by earlier releases; read once, then replaced by its hash. */
	webhookSecret?: string;
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
