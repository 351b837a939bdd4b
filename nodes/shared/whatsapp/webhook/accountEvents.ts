import { rawOf, type ChangeScope } from './changeScope';
import { camelDeep, eventItem } from './eventItem';
import {
	asRecord,
	asRecords,
	camelCase,
	camelKeys,
	compact,
	omitKeys,
	readTimestamp,
	type JsonRecord,
} from './read';
import type { AccountEventItem } from './types';
import { readWebhookErrors } from './webhookErrors';

/** Changes whose value is a list of per-user entries: one item each. */
const PER_USER_LISTS: Record<string, string> = {
	user_preferences: 'user_preferences',
	user_id_update: 'user_id_update',
};

/** A user_id_update entry's `{ previous, current }` as two flat fields. */
function flattenUserIdChange(entry: JsonRecord): JsonRecord {
	const userId = asRecord(entry.user_id);
	if (!userId) return entry;
	return {
		...omitKeys(entry, ['user_id']),
		previous_user_id: userId.previous,
		user_id: userId.current,
	};
}

function eventItemV1(
	field: string,
	fields: JsonRecord,
	time: unknown,
	scope: ChangeScope,
	raw: JsonRecord,
): AccountEventItem {
	const when = readTimestamp(fields.timestamp ?? time);
	return compact({
		...camelKeys(omitKeys(fields, ['timestamp'])),
		event: 'account',
		field,
		kind: camelCase(field),
		...when,
		...scope.business,
		raw: rawOf(scope, raw),
	}) as AccountEventItem;
}

/**
 * The items of one change that is not a `messages` change: one per user for `user_preferences` and
 * `user_id_update` (each entry carries the user's `wa_id`), otherwise one for the whole value.
 */
export function readAccountEvents(
	field: string,
	value: JsonRecord,
	entryTime: unknown,
	scope: ChangeScope,
): AccountEventItem[] {
	const listName = PER_USER_LISTS[field];
	const list = listName ? value[listName] : undefined;
	if (Array.isArray(list)) {
		return asRecords(list).map((entry) =>
			eventItemV1(field, flattenUserIdChange(entry), entryTime, scope, { [field]: entry }),
		);
	}
	const fields = omitKeys(value, ['messaging_product', 'metadata']);
	return [eventItemV1(field, fields, entryTime, scope, { value })];
}

/**
 * Item shape 2: changes whose value is a list of entries, one item each. Groups: Meta "Webhooks for Groups
 * API" (value.groups[]: timestamp, group_id, type, request_id, join_request_id, wa_id, participants, errors).
 */
const ENTRY_LISTS_V2: Record<string, string> = {
	...PER_USER_LISTS,
	group_lifecycle_update: 'groups',
	group_participants_update: 'groups',
	group_settings_update: 'groups',
	group_status_update: 'groups',
};

function eventFields(fields: JsonRecord): JsonRecord {
	const errors = readWebhookErrors(fields.errors);
	const camel = camelDeep(omitKeys(fields, ['timestamp', 'errors'])) as JsonRecord;
	return errors ? { ...camel, errors } : camel;
}

/**
 * Item shape 2 of a change that is neither messages nor one with a reader of its own (calls, echoes,
 * history, contact sync): every payload key kept, the change's own `event` included, one item per entry
 * of a list change (users, groups), otherwise one for the whole value.
 */
export function readAccountEventsV2(
	field: string,
	value: JsonRecord,
	entryTime: unknown,
	scope: ChangeScope,
): AccountEventItem[] {
	const kind = camelCase(field);
	const listName = ENTRY_LISTS_V2[field];
	const list = listName ? value[listName] : undefined;
	if (Array.isArray(list)) {
		return asRecords(list).map((entry) =>
			eventItem(
				field,
				kind,
				eventFields(flattenUserIdChange(entry)),
				readTimestamp(entry.timestamp ?? entryTime),
				scope,
				{ [listName]: entry },
			),
		);
	}
	const fields = omitKeys(value, ['messaging_product', 'metadata']);
	return [
		eventItem(
			field,
			kind,
			eventFields(fields),
			readTimestamp(value.timestamp ?? entryTime),
			scope,
			{
				value,
			},
		),
	];
}
