/**
 * How a node run sends at volume (node version 1.1): the number's rate, shared with every other sender of
 * the same number in this n8n process, and a timeout per request. Version 1 sends as fast as Concurrency
 * allows and keeps n8n's own five-minute timeout.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { readCredential } from '../../../shared/credentialRead';
import { paceFor } from '../../../shared/sendRate';
import type { SendPolicy } from '../../../shared/transport';
import {
	DEFAULT_REQUEST_TIMEOUT_MS,
	PLATFORM_MAX_MESSAGES_PER_SECOND,
} from '../descriptions/sendRate.description';
import { isVersion11OrLater } from '../nodeVersion';
import { readSendSettings } from './sendSettings';

/** The cap a run keeps to: Messages Per Second, or the platform's highest rate for 0 (or no number). */
export function sendCap(messagesPerSecond: number): number {
	return Number.isFinite(messagesPerSecond) && messagesPerSecond > 0
		? messagesPerSecond
		: PLATFORM_MAX_MESSAGES_PER_SECOND;
}

/**
 * The send policy of a node run, from its Messages Per Second and Request Timeout. 0 sends at the platform's
 * highest rate, evenly spaced: nothing faster gets through, and at the same Concurrency an even stream of
 * requests gets more through than the bursts an unpaced pool falls into. None for version 1, and none when
 * the credential cannot be read: each request then fails with the credential's own error.
 */
async function loadSendPolicy(context: IExecuteFunctions): Promise<SendPolicy | undefined> {
	if (!isVersion11OrLater(context)) return undefined;
	let credential;
	try {
		credential = await readCredential(context);
	} catch {
		return undefined;
	}
	const { messagesPerSecond, requestTimeout: timeoutMs } = readSendSettings(context, 0);
	return {
		pace: paceFor(credential.baseUrl, credential.apiKey),
		messagesPerSecond: sendCap(messagesPerSecond),
		timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : DEFAULT_REQUEST_TIMEOUT_MS,
	};
}

/**
 * Each run's policy, read on its first request: every request of a run needs it, and reading the node's
 * parameters costs more than a request's own work in this node.
 */
const policyReads = new WeakMap<IExecuteFunctions, Promise<SendPolicy | undefined>>();

/** The send policy of this node run (read once per run, like its credential). */
export function readSendPolicy(this: IExecuteFunctions): Promise<SendPolicy | undefined> {
	let read = policyReads.get(this);
	if (!read) {
		read = loadSendPolicy(this);
		policyReads.set(this, read);
	}
	return read;
}
