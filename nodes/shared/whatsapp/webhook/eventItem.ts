import { rawOf, type ChangeScope } from './changeScope';
import { asRecord, camelCase, compact, type JsonRecord } from './read';
import type { AccountEventItem } from './types';

/** Keys an event item sets itself; a payload key of the same name is kept beside them, never under them. */
const OWN_KEYS = new Set(['itemType', 'field', 'kind']);

/** How deep nested payload keys are camelCased: deep enough for participants, infos and sessions. */
const MAX_DEPTH = 4;

/** JSON with every object key camelCased down to a bounded depth; below it, values stay as sent. */
export function camelDeep(value: unknown, depth = 0): unknown {
	if (depth >= MAX_DEPTH) return value;
	if (Array.isArray(value)) return value.map((entry) => camelDeep(entry, depth + 1));
	const record = asRecord(value);
	if (!record) return value;
	const out: JsonRecord = {};
	for (const key of Object.keys(record)) {
		if (key === '__proto__' || record[key] === undefined) continue;
		out[camelCase(key)] = camelDeep(record[key], depth + 1);
	}
	return out;
}

/** A payload's keys, with those the item sets itself renamed (`kind` → `payloadKind`). */
function besideOwnKeys(fields: JsonRecord): JsonRecord {
	const out: JsonRecord = {};
	for (const key of Object.keys(fields)) {
		const name = OWN_KEYS.has(key) ? `payload${key[0].toUpperCase()}${key.slice(1)}` : key;
		out[name] = fields[key];
	}
	return out;
}

/**
 * An Event item of item shape 2: what the payload says (camelCased, nothing overwritten), labelled
 * `itemType: "event"` with its field and kind, timed, with the receiving number.
 */
export function eventItem(
	field: string,
	kind: string,
	fields: JsonRecord,
	when: { timestamp?: string; timestampUnix?: number },
	scope: ChangeScope,
	raw: JsonRecord,
): AccountEventItem {
	return compact({
		itemType: 'event',
		field,
		kind,
		...besideOwnKeys(fields),
		...when,
		...scope.business,
		raw: rawOf(scope, raw),
	}) as AccountEventItem;
}
