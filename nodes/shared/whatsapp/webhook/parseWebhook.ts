import { readAccountEvents } from './accountEvents';
import { rawOf, readChangeScope, type ChangeScope } from './changeScope';
import { decodeBody } from './decodeBody';
import { readEventItems } from './events';
import { asId, asRecord, compact, type JsonRecord } from './read';
import { simplifyMessage } from './simplifyMessage';
import { simplifyStatus } from './simplifyStatus';
import type { ChangeErrorItem, ItemVersion, ParsedWebhook, ParseOptions } from './types';
import { readWebhookError } from './webhookErrors';

const ENVELOPE_OBJECT = 'whatsapp_business_account';

/** The lists a change value may carry. */
const VALUE_LISTS = ['messages', 'statuses', 'errors'] as const;

type Root = { kind: 'envelope'; entries: unknown[] } | { kind: 'value'; value: JsonRecord };

function hasValueList(record: JsonRecord): boolean {
	return VALUE_LISTS.some((list) => Array.isArray(record[list]));
}

/**
 * Where the events are: Meta's envelope (`{ object, entry[] }`), or a bare change value
 * (`{ messages?, statuses?, errors? }`, the On-Premise shape, read as one change with no metadata).
 */
function findRoot(decoded: unknown): Root | undefined {
	const record = asRecord(decoded);
	if (!record) return undefined;
	if (record.object !== undefined && record.object !== ENVELOPE_OBJECT) return undefined;
	if (Array.isArray(record.entry)) return { kind: 'envelope', entries: record.entry };
	return hasValueList(record) ? { kind: 'value', value: record } : undefined;
}

function changeErrorItem(value: unknown, scope: ChangeScope): ChangeErrorItem | undefined {
	const error = readWebhookError(value);
	if (!error) return undefined;
	const item = {
		[scope.labelKey]: 'error',
		...error,
		...scope.business,
		raw: rawOf(scope, { error: value }),
	} as ChangeErrorItem;
	return compact(item);
}

interface ReaderOptions {
	includeRaw: boolean;
	agentFields: boolean;
	events: boolean;
	itemVersion: ItemVersion;
}

class WebhookReader {
	readonly result: ParsedWebhook = {
		messages: [],
		statuses: [],
		errors: [],
		events: [],
		ignored: 0,
	};

	constructor(private readonly options: ReaderOptions) {}

	private scope(value: JsonRecord, wabaId: string | undefined): ChangeScope {
		return readChangeScope(value, wabaId, this.options);
	}

	readValue(value: JsonRecord, wabaId: string | undefined): void {
		if (!hasValueList(value)) {
			this.result.ignored++;
			return;
		}
		const scope = this.scope(value, wabaId);
		this.collect(value.messages, simplifyMessage, scope, this.result.messages);
		this.collect(value.statuses, simplifyStatus, scope, this.result.statuses);
		this.collect(value.errors, changeErrorItem, scope, this.result.errors);
	}

	private collect<T>(
		raws: unknown,
		simplify: (raw: unknown, scope: ChangeScope) => T | undefined,
		scope: ChangeScope,
		items: T[],
	): void {
		if (!Array.isArray(raws)) return;
		for (const raw of raws) {
			const item = simplify(raw, scope);
			if (item) items.push(item);
			else this.result.ignored++;
		}
	}

	/**
	 * `messages` changes carry messages and statuses; other fields (account_update, template status, ...)
	 * become events when asked for, and are skipped otherwise.
	 */
	readChange(value: unknown, wabaId: string | undefined, time: unknown): void {
		const change = asRecord(value);
		const field = change?.field;
		const changeValue = asRecord(change?.value);
		if (changeValue && (field === undefined || field === 'messages')) {
			this.readValue(changeValue, wabaId);
			return;
		}
		if (
			changeValue &&
			typeof field === 'string' &&
			field !== '' &&
			this.options.itemVersion === 2
		) {
			this.readChangeV2(field, changeValue, wabaId, time);
			return;
		}
		if (changeValue && typeof field === 'string' && field !== '' && this.options.events) {
			const scope = this.scope(changeValue, wabaId);
			this.result.events.push(...readAccountEvents(field, changeValue, time, scope));
			return;
		}
		this.result.ignored++;
	}

	/** Item shape 2: a call's statuses join the statuses; everything else of the change is Event items. */
	private readChangeV2(
		field: string,
		value: JsonRecord,
		wabaId: string | undefined,
		time: unknown,
	): void {
		const scope = this.scope(value, wabaId);
		if (field === 'calls')
			this.collect(value.statuses, simplifyStatus, scope, this.result.statuses);
		if (!this.options.events) {
			if (field !== 'calls') this.result.ignored++;
			return;
		}
		const events = readEventItems(field, value, time, scope);
		if (events.length === 0 && !(field === 'calls' && Array.isArray(value.statuses)))
			this.result.ignored++;
		this.result.events.push(...events);
	}

	readEntry(value: unknown): void {
		const entry = asRecord(value);
		if (!entry || !Array.isArray(entry.changes)) {
			this.result.ignored++;
			return;
		}
		const wabaId = asId(entry.id);
		for (const change of entry.changes) this.readChange(change, wabaId, entry.time);
	}

	readBody(body: unknown): void {
		const decoded = decodeBody(body);
		if (decoded === undefined || decoded === null) return;
		const root = findRoot(decoded);
		if (!root) this.result.ignored++;
		else if (root.kind === 'value') this.readValue(root.value, undefined);
		else for (const entry of root.entries) this.readEntry(entry);
	}
}

/**
 * Every message, status and change-level error of a webhook body (and, when asked for, every account,
 * template and user event), each as its own flat item carrying the receiving number. Never throws: what it cannot read is counted in `ignored`.
 */
export function parseWebhook(body: unknown, options: ParseOptions = {}): ParsedWebhook {
	const reader = new WebhookReader({
		includeRaw: options?.includeRaw === true,
		agentFields: options?.agentFields === true,
		events: options?.events === true,
		itemVersion: options?.itemVersion === 2 ? 2 : 1,
	});
	try {
		reader.readBody(body);
	} catch {
		// Only hostile objects get here (throwing getters, proxies): keep what was read, count the rest as one.
		reader.result.ignored++;
	}
	return reader.result;
}
