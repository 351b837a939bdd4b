/** Tolerant readers over untrusted JSON: each returns `undefined` for anything it does not recognise, and never throws. */
import { asRecord, type JsonRecord } from '../json';

export { asRecord, parseJsonText, type JsonRecord } from '../json';

/** A string as is (even empty), or a finite number as its decimal text. */
export function asString(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/** An id, phone number or name: a non-blank string, or a number WhatsApp should have sent as one. */
export function asId(value: unknown): string | undefined {
	const text = asString(value);
	return text !== undefined && text.trim() !== '' ? text : undefined;
}

export function asNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string' || !/^\s*-?\d+(\.\d+)?\s*$/.test(value)) return undefined;
	return Number(value);
}

export function asBoolean(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (value === 'true') return true;
	if (value === 'false') return false;
	return undefined;
}

const MAX_DATE_MS = 8.64e15;

/** Unix seconds (a string, as WhatsApp sends them, or a number) as ISO 8601. */
export function isoTime(unixSeconds: number | undefined): string | undefined {
	if (unixSeconds === undefined) return undefined;
	const ms = unixSeconds * 1000;
	return Math.abs(ms) <= MAX_DATE_MS ? new Date(ms).toISOString() : undefined;
}

/** `timestamp` and `timestampUnix`, for spreading into an item; empty when the time is missing or absurd. */
export function readTimestamp(value: unknown): { timestamp?: string; timestampUnix?: number } {
	const timestampUnix = asNumber(value);
	const timestamp = isoTime(timestampUnix);
	return timestamp === undefined ? {} : { timestamp, timestampUnix };
}

/** A copy of `value` without its `undefined` fields, so items carry only what the payload had. */
export function compact<T extends object>(value: T): T {
	const out = {} as T;
	for (const key of Object.keys(value) as Array<keyof T>) {
		if (value[key] !== undefined) out[key] = value[key];
	}
	return out;
}

/** Like `compact`, but nothing at all when no field is left. */
export function compactOrNothing<T extends object>(value: T): T | undefined {
	const out = compact(value);
	return Object.keys(out).length > 0 ? out : undefined;
}

/** `snake_case` as `camelCase`. */
export function camelCase(key: string): string {
	return key.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** The record with its own keys camelCased (one level deep: nested values stay as sent). */
export function camelKeys(record: JsonRecord): JsonRecord {
	const out: JsonRecord = {};
	for (const key of Object.keys(record)) {
		if (key === '__proto__' || record[key] === undefined) continue;
		out[camelCase(key)] = record[key];
	}
	return out;
}

/** A deep copy of JSON data; what cannot be copied (cycles, BigInt) is kept as the same reference. */
export function cloneJson<T>(value: T): T {
	if (value === undefined) return value;
	try {
		return JSON.parse(JSON.stringify(value)) as T;
	} catch {
		return value;
	}
}

/** The records of a list, what is not a record left out; nothing for what is not a list. */
export function asRecords(list: unknown): JsonRecord[] {
	if (!Array.isArray(list)) return [];
	return list.map(asRecord).filter((entry): entry is JsonRecord => entry !== undefined);
}

/** A copy of `record` without the named keys. */
export function omitKeys(record: JsonRecord, keys: readonly string[]): JsonRecord {
	const out: JsonRecord = {};
	for (const key of Object.keys(record)) if (!keys.includes(key)) out[key] = record[key];
	return out;
}
