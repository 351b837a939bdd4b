/** Whether a delivery carries the secret registered at activation, compared in constant time. */
import { timingSafeEqual } from 'crypto';
import type { IWebhookFunctions } from 'n8n-workflow';

import {
	expectedHash,
	hashSecret,
	migrateSecret,
	VERIFICATION_HEADER,
	type SecretRecord,
} from '../webhookSecret';

/** Compares in constant time, whatever the lengths. */
function secretMatches(given: unknown, record: SecretRecord): boolean {
	const expected = expectedHash(record);
	if (typeof given !== 'string' || !expected || !/^[0-9a-f]{64}$/.test(expected)) return false;
	return timingSafeEqual(Buffer.from(hashSecret(given), 'hex'), Buffer.from(expected, 'hex'));
}

export function hasValidSecret(this: IWebhookFunctions): boolean {
	const data = this.getWorkflowStaticData('node') as SecretRecord;
	const given = this.getHeaderData()[VERIFICATION_HEADER.toLowerCase()];
	const valid = secretMatches(Array.isArray(given) ? given[0] : given, data);
	// Workflows activated by earlier releases kept the plain secret: keep only its hash from now on.
	if (valid) migrateSecret(data);
	return valid;
}
