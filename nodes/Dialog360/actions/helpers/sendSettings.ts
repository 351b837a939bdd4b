/**
 * The send settings of a node run, wherever its version keeps them: top-level fields in versions 1 and 1.1,
 * the "Send Settings" collection from 1.2 on. An operation that does not show them runs with the defaults.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import {
	DEFAULT_CONCURRENCY,
	DEFAULT_MESSAGES_PER_SECOND,
	DEFAULT_REQUEST_TIMEOUT_MS,
	SEND_SETTINGS,
} from '../descriptions/sendRate.description';

export interface SendSettings {
	concurrency: number;
	messagesPerSecond: number;
	requestTimeout: number;
}

export function readSendSettings(context: IExecuteFunctions, itemIndex: number): SendSettings {
	const prefix = context.getNode().typeVersion >= 1.2 ? `${SEND_SETTINGS}.` : '';
	const read = (name: keyof SendSettings, fallback: number) =>
		Number(context.getNodeParameter(`${prefix}${name}`, itemIndex, fallback));
	return {
		concurrency: read('concurrency', DEFAULT_CONCURRENCY),
		messagesPerSecond: read('messagesPerSecond', DEFAULT_MESSAGES_PER_SECOND),
		requestTimeout: read('requestTimeout', DEFAULT_REQUEST_TIMEOUT_MS),
	};
}
