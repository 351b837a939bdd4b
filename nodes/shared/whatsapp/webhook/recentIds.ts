import type { InboundMessageItem, StatusItem } from './types';

const DEFAULT_CAPACITY = 10_000;

/**
 * A bounded record of recently seen keys, to drop webhook redeliveries (WhatsApp delivers at least once).
 * Oldest keys go first once `capacity` is reached (a Map keeps insertion order); with `ttlMs`, a key
 * counts as new again once that long has passed since it was first seen.
 */
export class RecentIds {
	private readonly capacity: number;

	private readonly firstSeen = new Map<string, number>();

	constructor(
		capacity: number,
		private readonly ttlMs?: number,
		private readonly now: () => number = Date.now,
	) {
		this.capacity = Number.isFinite(capacity) && capacity >= 1 ? Math.floor(capacity) : DEFAULT_CAPACITY;
	}

	get size(): number {
		return this.firstSeen.size;
	}

	/** True when `key` was seen within the time to live; otherwise records it and answers false. */
	seen(key: string): boolean {
		const now = this.now();
		this.forgetExpired(now);
		const seenAt = this.firstSeen.get(key);
		if (seenAt !== undefined && !this.isExpired(seenAt, now)) return true;
		// Re-inserted at the back, so that the order stays the order of first sight.
		this.firstSeen.delete(key);
		this.firstSeen.set(key, now);
		if (this.firstSeen.size > this.capacity) this.forgetOldest();
		return false;
	}

	private isExpired(seenAt: number, now: number): boolean {
		return this.ttlMs !== undefined && now - seenAt >= this.ttlMs;
	}

	/** Keys are in the order they were first seen, so the expired ones are at the front. */
	private forgetExpired(now: number): void {
		if (this.ttlMs === undefined) return;
		for (const [key, seenAt] of this.firstSeen) {
			if (!this.isExpired(seenAt, now)) return;
			this.firstSeen.delete(key);
		}
	}

	private forgetOldest(): void {
		const oldest = this.firstSeen.keys().next();
		if (!oldest.done) this.firstSeen.delete(oldest.value);
	}
}

/** The de-duplication key of an inbound message: the same message id on the same number. */
export function messageKey(message: InboundMessageItem): string {
	return `m:${message.businessPhoneNumberId ?? ''}:${message.messageId}`;
}

/** The de-duplication key of a status: a later `read` after `delivered` is news, the same status again is not. */
export function statusKey(status: StatusItem): string {
	return `s:${status.businessPhoneNumberId ?? ''}:${status.messageId}:${status.status}`;
}
