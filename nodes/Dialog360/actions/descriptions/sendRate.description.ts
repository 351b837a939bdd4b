/**
 * How fast the node sends and how long one request may take. Versions 1 and 1.1 show these as top-level fields on
 * every operation; from version 1.2 they sit in one collapsed "Send Settings" group, on the operations that send.
 */
import type { INodeProperties } from 'n8n-workflow';

export const DEFAULT_CONCURRENCY = 5;
export const DEFAULT_MESSAGES_PER_SECOND = 80;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** The highest rate the Cloud API gives a number (after its automatic upgrades): what 0 sends at. */
export const PLATFORM_MAX_MESSAGES_PER_SECOND = 1000;
/** The collection that holds the send settings from node version 1.2 on. */
export const SEND_SETTINGS = 'sendSettings';

const concurrencyField: INodeProperties = {
	displayName: 'Concurrency',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 50 },
	default: DEFAULT_CONCURRENCY,
	description:
		'How many items are sent at the same time. Items for the same recipient always go one after another, in order.',
};

const messagesPerSecondField: INodeProperties = {
	displayName: 'Messages Per Second',
	name: 'messagesPerSecond',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: DEFAULT_MESSAGES_PER_SECOND,
	description:
		"The most messages sent per second from this number, shared by all items and by other executions sending from the same number at the same time. Set it to the number's limit (80 unless 360dialog raised it, up to 1,000); 0 means as fast as the platform allows, 1,000 per second, its highest limit. Read receipts, typing indicators and Marketing Messages API sends count too.",
};

const requestTimeoutField: INodeProperties = {
	displayName: 'Request Timeout',
	name: 'requestTimeout',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_REQUEST_TIMEOUT_MS,
	description:
		'Milliseconds to wait for 360dialog to answer one request before it counts as failed and is tried again. Media uploads and downloads always get at least five minutes.',
};

/** Versions 1 and 1.1: Concurrency on every operation, the rate and timeout from 1.1. */
const topLevelFields: INodeProperties[] = [
	{ ...concurrencyField, displayOptions: { show: { '@version': [1, 1.1] } } },
	{ ...messagesPerSecondField, displayOptions: { show: { '@version': [1.1] } } },
	{ ...requestTimeoutField, displayOptions: { show: { '@version': [1.1] } } },
];

/** Version 1.2 on: the same fields with the same defaults, folded into one group where the node sends. */
function sendSettingsCollection(sendingResources: string[]): INodeProperties {
	return {
		displayName: 'Send Settings',
		name: SEND_SETTINGS,
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		description: 'How fast messages go out, and how long one request to 360dialog may take',
		displayOptions: {
			show: { '@version': [{ _cnd: { gte: 1.2 } }], resource: sendingResources },
		},
		options: [concurrencyField, messagesPerSecondField, requestTimeoutField],
	};
}

/** The send settings of every version, for the node's property list. */
export function sendSettingsProperties(sendingResources: string[]): INodeProperties[] {
	return [...topLevelFields, sendSettingsCollection(sendingResources)];
}
