/** A new secret for each registration, and whether a registration at 360dialog carries this node's. */
import { randomBytes } from 'crypto';

import { expectedHash, hashSecret, VERIFICATION_HEADER, type SecretRecord } from '../webhookSecret';
import { headerValue } from './webhookConfig';

export function newSecret(): string {
	return randomBytes(32).toString('hex');
}

/** Ours when the registered headers carry this node's secret; also when 360dialog shows no headers. */
export function carriesOurSecret(
	headers: Record<string, string> | undefined,
	record: SecretRecord,
): boolean {
	const registered = headerValue(headers, VERIFICATION_HEADER);
	return registered === undefined || hashSecret(registered) === expectedHash(record);
}
