/**
 * How a node run sends at volume (node version 1.1): the number's rate, shared with every other sender of
 * the same number in this n8n process, and a timeout per request. Version 1 sends as fast as Concurrency
 * allows and keeps n8n's own five-minute timeout.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { paceFor } from '../../../shared/sendRate';
import { applySendPolicy, readCredential } from '../../../shared/transport';
import {
	DEFAULT_MESSAGES_PER_SECOND,
	DEFAULT_REQUEST_TIMEOUT_MS,
} from '../descriptions/sendRate.description';

/** Whether this node run follows a send policy (version 1.1 and later). */
export function hasSendPolicy(context: IExecuteFunctions): boolean {
	return context.getNode().typeVersion >= 1.1;
}

/**
 * Makes this node run's requests follow its Messages Per Second and Request Timeout. When the credential
 * cannot be read, nothing is applied: every item then fails on its own with the credential's error.
 */
export async function applyNodeSendPolicy(this: IExecuteFunctions): Promise<void> {
	if (!hasSendPolicy(this)) return;
	let credential;
	try {
		credential = await readCredential(this);
	} catch {
		return;
	}
	const messagesPerSecond = Number(
		this.getNodeParameter('messagesPerSecond', 0, DEFAULT_MESSAGES_PER_SECOND),
	);
	const timeoutMs = Number(this.getNodeParameter('requestTimeout', 0, DEFAULT_REQUEST_TIMEOUT_MS));
	applySendPolicy(this, {
		pace: paceFor(credential.baseUrl, credential.apiKey),
		messagesPerSecond: Number.isFinite(messagesPerSecond) ? Math.max(0, messagesPerSecond) : 0,
		timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : DEFAULT_REQUEST_TIMEOUT_MS,
	});
}
