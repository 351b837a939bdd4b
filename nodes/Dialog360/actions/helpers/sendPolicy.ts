/**
 * How a node run sends at volume (node version 1.1): the number's rate, shared with every other sender of
 * the same number in this n8n process, and a timeout per request. Version 1 sends as fast as Concurrency
 * allows and keeps n8n's own five-minute timeout.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { paceFor } from '../../../shared/sendRate';
import { applySendPolicy, readCredential } from '../../../shared/transport';
import {
	DEFAULT_REQUEST_TIMEOUT_MS,
	PLATFORM_MAX_MESSAGES_PER_SECOND,
} from '../descriptions/sendRate.description';
import { readSendSettings } from './sendSettings';

/** The cap a run keeps to: Messages Per Second, or the platform's highest rate for 0 (or no number). */
export function sendCap(messagesPerSecond: number): number {
	return Number.isFinite(messagesPerSecond) && messagesPerSecond > 0
		? messagesPerSecond
		: PLATFORM_MAX_MESSAGES_PER_SECOND;
}

/** Whether this node run follows a send policy (version 1.1 and later). */
export function hasSendPolicy(context: IExecuteFunctions): boolean {
	return context.getNode().typeVersion >= 1.1;
}

/**
 * Makes this node run's requests follow its Messages Per Second and Request Timeout. 0 sends at the platform's
 * highest rate, evenly spaced: nothing faster gets through, and at the same Concurrency an even stream of
 * requests gets more through than the bursts an unpaced pool falls into (README "Performance"). When the credential
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
	const { messagesPerSecond, requestTimeout: timeoutMs } = readSendSettings(this, 0);
	applySendPolicy(this, {
		pace: paceFor(credential.baseUrl, credential.apiKey),
		messagesPerSecond: sendCap(messagesPerSecond),
		timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : DEFAULT_REQUEST_TIMEOUT_MS,
	});
}
