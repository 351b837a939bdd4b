/**
 * From a parsed delivery to the items of each output: what the user filtered out, what no connected output
 * wants and what was already delivered are dropped.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import {
	changeErrorKey,
	eventKey,
	messageKey,
	RecentIds,
	statusKey,
	type ParsedWebhook,
} from '../../shared/whatsapp/webhook';
import type { PersistedKeys } from './persistedKeys';
import { wantsMessage, wantsStatus, type ReceiveSettings } from './settings';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Ids of recently emitted messages and statuses, per n8n process, within a bounded size and age; the most
 * recent messages can also be kept in the workflow (persistedKeys.ts). README "Redeliveries" says what holds.
 */
const recentlyEmitted = new RecentIds(50_000, 7 * DAY_MS);
/** Change-level errors and account events have no id: an identical one within a day counts as a redelivery. */
const recentlyEmittedContent = new RecentIds(10_000, DAY_MS);

const asItem = (value: object): INodeExecutionData => ({ json: value as unknown as IDataObject });

/** Items per output (Message, Status, and Event when asked for), filtered, unconnected outputs left empty. */
export function selectItems(
	parsed: ParsedWebhook,
	settings: ReceiveSettings,
	wanted: boolean[],
	scope: string,
	persisted: PersistedKeys | undefined,
): INodeExecutionData[][] {
	const remember = (memory: RecentIds, key: string, persist = true) => {
		const seenHere = memory.seen(scope + key);
		if (seenHere || persisted?.has(key)) return false;
		if (persist) persisted?.add(key);
		return true;
	};
	const fresh = (key: string) => remember(recentlyEmitted, key);
	const freshContent = (key: string) => remember(recentlyEmittedContent, key);
	// Statuses are kept in this process's memory only. They are the volume (two or three for every message
	// sent), n8n writes changed static data to its database before it answers, and a status run twice after
	// a restart only repeats an update; a message run twice could answer someone twice.
	const freshStatus = (key: string) => remember(recentlyEmitted, key, false);
	const messages = wanted[0]
		? parsed.messages
				.filter((message) => wantsMessage(settings, message.type))
				.filter((message) => fresh(messageKey(message)))
				.map(asItem)
		: [];
	const statuses = wanted[1]
		? [
				...parsed.statuses
					.filter((status) => wantsStatus(settings, status.status))
					.filter((status) => freshStatus(statusKey(status)))
					.map(asItem),
				// Errors of a whole change (no message id) count as failures of the number.
				...(wantsStatus(settings, 'failed') ? parsed.errors : [])
					.filter((error) => freshContent(changeErrorKey(error)))
					.map((error) => asItem({ status: 'error', ...error })),
			]
		: [];
	if (!settings.events) return [messages, statuses];
	const events = wanted[2]
		? parsed.events.filter((event) => freshContent(eventKey(event))).map(asItem)
		: [];
	return [messages, statuses, events];
}
