import { rawOf, type ChangeScope } from './changeScope';
import { asRecord, camelKeys, compact, omitKeys, readTimestamp, type JsonRecord } from './read';
import type { AccountEventItem } from './types';

/** Changes whose value is a list of per-user entries: one item each. */
const PER_USER_LISTS: Record<string, string> = {
	user_preferences: 'user_preferences',
	user_id_update: 'user_id_update',
};

function camelCase(field: string): string {
	return field.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

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

function eventItem(
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
		return list
			.map(asRecord)
			.filter((entry): entry is JsonRecord => entry !== undefined)
			.map((entry) =>
				eventItem(field, flattenUserIdChange(entry), entryTime, scope, { [field]: entry }),
			);
	}
	const fields = omitKeys(value, ['messaging_product', 'metadata']);
	return [eventItem(field, fields, entryTime, scope, { value })];
}
