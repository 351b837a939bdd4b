import { createHash } from 'crypto';

import type { AccountEventItem, ChangeErrorItem, InboundMessageItem, StatusItem } from './types';

const DEFAULT_CAPACITY = 10_000;

/**
 * A bounded record of recently seen keys, to drop webhook redeliveries (WhatsApp delivers at least once).
 * Two generations: keys go into the current one; when it holds half the capacity it becomes the previous
 * one and the old previous one is dropped whole. Every operation is O(1), nothing is ever scanned, and at
 * most `capacity` keys are kept; a key is remembered for at least `capacity / 2` later keys. With `ttlMs`,
 * a key counts as new again once that long has passed since it was first seen.
 */
export class RecentIds {
	private readonly generationSize: number;

	private current = new Map<string, number>();

	private previous = new Map<string, number>();

	constructor(
		capacity: number,
		private readonly ttlMs?: number,
		private readonly now: () => number = Date.now,
	) {
		const bounded =
			Number.isFinite(capacity) && capacity >= 2 ? Math.floor(capacity) : DEFAULT_CAPACITY;
		this.generationSize = Math.max(1, Math.floor(bounded / 2));
	}

	get size(): number {
		return this.current.size + this.previous.size;
	}

	/** True when `key` was seen within the time to live; otherwise records it and answers false. */
	seen(key: string): boolean {
		const now = this.now();
		const seenAt = this.current.get(key) ?? this.previous.get(key);
		if (seenAt !== undefined && !this.isExpired(seenAt, now)) return true;
		this.previous.delete(key);
		if (this.current.size >= this.generationSize && !this.current.has(key)) {
			this.previous = this.current;
			this.current = new Map();
		}
		this.current.set(key, now);
		return false;
	}

	private isExpired(seenAt: number, now: number): boolean {
		return this.ttlMs !== undefined && now - seenAt >= this.ttlMs;
	}
}

/** Keys stay short whatever the sender put in an id: a long one is kept as its SHA-256. */
const MAX_KEY_LENGTH = 160;

function bounded(key: string): string {
	if (key.length <= MAX_KEY_LENGTH) return key;
	return `#${createHash('sha256').update(key, 'utf8').digest('base64')}`;
}

/** What JSON cannot write (a BigInt a caller put in) still counts as content, as its text. */
function jsonText(value: unknown): string {
	return JSON.stringify(value, (_key, entry: unknown) =>
		typeof entry === 'bigint' ? entry.toString() : entry,
	);
}

function contentKey(prefix: string, value: unknown): string {
	return `${prefix}:${createHash('sha256').update(jsonText(value), 'utf8').digest('base64')}`;
}

/** The de-duplication key of an inbound message: the same message id on the same number. */
export function messageKey(message: InboundMessageItem): string {
	return bounded(`m:${message.businessPhoneNumberId ?? ''}:${message.messageId}`);
}

/** The de-duplication key of a status: a later `read` after `delivered` is news, the same status again is not. */
export function statusKey(status: StatusItem): string {
	return bounded(`s:${status.businessPhoneNumberId ?? ''}:${status.messageId}:${status.status}`);
}

/**
 * A change-level error has no id: the same error on the same number is the same key. So an identical
 * error is reported once per time-to-live of the memory that uses this key.
 */
export function changeErrorKey(error: ChangeErrorItem): string {
	return contentKey('e', { ...error, raw: undefined });
}

/** An account or template event: the same event content (its time included) is the same key. */
export function eventKey(event: AccountEventItem): string {
	return contentKey('a', { ...event, raw: undefined });
}
