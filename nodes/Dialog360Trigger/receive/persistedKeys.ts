/**
 * The part of the redelivery memory that survives a restart: the keys of the most recent deliveries, kept
 * short (a hash) in the workflow's static data. n8n 2.41 saves static data written while a webhook is
 * answered, reloads it on every delivery, and shares it between webhook processors in queue mode; but
 * deliveries answered at the same moment overwrite each other's writes, so this memory is best effort and
 * the in-process memory stays the one that holds for sure.
 */
import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/** How many keys the workflow keeps: about 20 bytes each. */
export const PERSISTED_KEYS = 500;

export interface PersistedKeyData extends IDataObject {
	recentDeliveryKeys?: string[];
}

const shortKey = (key: string) =>
	createHash('sha256').update(key, 'utf8').digest('base64').slice(0, 16);

export class PersistedKeys {
	private readonly known: Set<string>;

	private readonly added: string[] = [];

	constructor(private readonly data: PersistedKeyData) {
		const stored = Array.isArray(data.recentDeliveryKeys) ? data.recentDeliveryKeys : [];
		this.known = new Set(stored.filter((entry): entry is string => typeof entry === 'string'));
	}

	has(key: string): boolean {
		return this.known.has(shortKey(key));
	}

	add(key: string): void {
		const short = shortKey(key);
		if (this.known.has(short)) return;
		this.known.add(short);
		this.added.push(short);
	}

	/** Writes the new keys (only when there are any: an unchanged list costs n8n no database write). */
	save(): void {
		if (this.added.length === 0) return;
		const stored = Array.isArray(this.data.recentDeliveryKeys) ? this.data.recentDeliveryKeys : [];
		this.data.recentDeliveryKeys = [...stored, ...this.added].slice(-PERSISTED_KEYS);
	}
}
