/** Small readers over JSON of unknown shape (API answers, webhook bodies, what a person typed); they never throw. */

export type JsonRecord = Record<string, unknown>;

/** A JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is JsonRecord {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function asRecord(value: unknown): JsonRecord | undefined {
	return isJsonObject(value) ? value : undefined;
}

/** JSON text parsed; anything else, and text that is not JSON, as it was. */
export function parseJsonText(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch {
		return value;
	}
}

/** `{ success }` answers (status updates, deletes): an answer without the field counts as success. */
export function successOf(body: unknown): boolean {
	const success = asRecord(body)?.success;
	return success === undefined ? true : success === true;
}
