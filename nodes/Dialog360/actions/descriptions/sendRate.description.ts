/**
 * How fast the node sends and how long one request may take: shown from node version 1.1 on, for every
 * operation, since every call to 360dialog counts against the number's rate.
 */
import type { INodeProperties } from 'n8n-workflow';

import { fromVersion11 } from '../nodeVersion';

export const DEFAULT_MESSAGES_PER_SECOND = 80;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** The highest rate the Cloud API gives a number (after its automatic upgrades): what 0 sends at. */
export const PLATFORM_MAX_MESSAGES_PER_SECOND = 1000;

export const sendRateProperties: INodeProperties[] = [
	{
		displayName: 'Messages Per Second',
		name: 'messagesPerSecond',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: DEFAULT_MESSAGES_PER_SECOND,
		description:
			"The most messages sent per second from this number, shared by all items and by other executions sending from the same number at the same time. Set it to the number's limit (80 unless 360dialog raised it, up to 1,000); 0 means as fast as the platform allows, 1,000 per second, its highest limit. Read receipts, typing indicators and Marketing Messages API sends count too.",
		displayOptions: { show: fromVersion11 },
	},
	{
		displayName: 'Request Timeout',
		name: 'requestTimeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_REQUEST_TIMEOUT_MS,
		description:
			'Milliseconds to wait for 360dialog to answer one request before it counts as failed and is tried again. Media uploads and downloads always get at least five minutes.',
		displayOptions: { show: fromVersion11 },
	},
];
