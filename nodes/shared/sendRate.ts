/**
 * The send rate of one WhatsApp number, shared by every item of an execution and by the executions that
 * send from the same number at the same time in this n8n process. The platform counts a number's messages
 * over a sliding second and answers HTTP 429 (code 130429) above its limit; a 429 means the whole number is
 * over, so every sender of that number waits, not only the one that was told.
 */
import { createHash } from 'crypto';
import { sleep } from 'n8n-workflow';

export interface PaceClock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const systemClock: PaceClock = { now: () => Date.now(), sleep };

/**
 * Share of a cap kept free: the platform counts arrivals, and network jitter can bunch messages sent evenly
 * here into one of its seconds. 2.5% absorbs 25 ms of jitter per second.
 */
export const JITTER_MARGIN = 0.025;

/**
 * A sender that wakes later than this after its slot was held up by this process (a garbage collection, a busy
 * event loop): every slot from its own on moves back by the delay and a spacing, so that the senders whose slots
 * passed during the pause go out spaced, not together. Timers firing a millisecond or two late cost nothing;
 * what is let through stays well inside the margin above.
 */
export const LATE_TOLERANCE_MS = 10;

/**
 * How many messages may go early after a quiet moment, at twice the pace: half of what the margin leaves free
 * in a second, at least one. At 80/s that is one (evenly spaced, never early); at 1,000/s twelve, so that fifty
 * senders whose answers come back unevenly do not queue for slots that an even stream would have left unused,
 * while any second still holds at most 975 + 12 messages. Never all at once: requests that leave together come
 * back together and wait for each other in n8n.
 */
export function burstDepth(perSecond: number): number {
	return Math.max(1, Math.floor((perSecond * JITTER_MARGIN) / 2));
}

/** Without Retry-After, a throttle pauses the number for this, doubling while nothing gets through. */
const THROTTLE_BASE_PAUSE_MS = 500;
const THROTTLE_MAX_PAUSE_MS = 20_000;

/**
 * Evenly spaced send slots (a token bucket, of depth one at the usual caps, kept as the time of the next free
 * slot, on the real clock: a pause of this process shifts the slots after it instead of bunching them), a
 * pause that every sender honours after a throttle, and a count of accepted messages that tells a throttled
 * sender whether the number still makes progress.
 */
export class SendPace {
	private nextSlotAt = 0;

	/** The last slot handed out: the next is at least half a spacing after it. */
	private lastSlotAt = -Infinity;

	/** How far the slots have moved back for late senders so far; a sleeping sender's slot moves by as much. */
	private shiftedMs = 0;

	private pausedUntil = 0;

	private acceptedCount = 0;

	private throttlesInARow = 0;

	constructor(private readonly clock: PaceClock = systemClock) {}

	/** Messages accepted through this pace so far. */
	get accepted(): number {
		return this.acceptedCount;
	}

	/** The time before which nothing may be sent (a throttle's pause), as the clock counts. */
	get pausedUntilMs(): number {
		return this.pausedUntil;
	}

	/**
	 * Waits until this sender may send one message: after any pause, and, with a cap, in the next free slot.
	 * `perSecond` is the sender's own cap (0 = none); senders with different caps share the slots, each
	 * spacing its own messages by its own cap.
	 */
	async acquire(perSecond: number): Promise<void> {
		for (;;) {
			const now = this.clock.now();
			if (this.pausedUntil > now) {
				await this.clock.sleep(this.pausedUntil - now);
				continue;
			}
			if (!(perSecond > 0)) return;
			// A token bucket kept as the time its next message is due: that time moves on by one spacing per
			// message, and a message may go up to (depth - 1) spacings before it, half a spacing after the last.
			const spacing = (1000 * (1 + JITTER_MARGIN)) / perSecond;
			const due = Math.max(now, this.nextSlotAt);
			this.nextSlotAt = due + spacing;
			const slot = Math.max(
				now,
				due - (burstDepth(perSecond) - 1) * spacing,
				this.lastSlotAt + spacing / 2,
			);
			this.lastSlotAt = slot;
			if (await this.waitForSlot(slot, spacing)) return;
			// A throttle that arrived while waiting voids the slot: wait for its pause like everyone else.
		}
	}

	/**
	 * Sleeps until `slot`, moved back by however far the slots shift meanwhile. Answers false when a throttle's
	 * pause began in the meantime. A sender woken late moves every slot from its own on back by its delay and one
	 * spacing more: the request granted just before the pause may be leaving only now, and this one must not
	 * leave with it.
	 */
	private async waitForSlot(slot: number, spacing: number): Promise<boolean> {
		const shiftedBefore = this.shiftedMs;
		for (;;) {
			const now = this.clock.now();
			if (this.pausedUntil > now) return false;
			const due = slot + this.shiftedMs - shiftedBefore;
			if (due > now) {
				await this.clock.sleep(due - now);
				continue;
			}
			const late = now - due;
			if (late <= LATE_TOLERANCE_MS) return true;
			const shift = late + spacing;
			this.shiftedMs += shift;
			this.nextSlotAt += shift;
			this.lastSlotAt += shift;
		}
	}

	/** The platform accepted a message. */
	recordAccepted(): void {
		this.acceptedCount++;
		this.throttlesInARow = 0;
	}

	/**
	 * The platform throttled a message: pause every sender for `retryAfterMs` (the server's Retry-After), or,
	 * without one, for a backoff that doubles while nothing gets through. Answers the pause in milliseconds.
	 */
	recordThrottled(retryAfterMs: number | undefined, maxPauseMs = THROTTLE_MAX_PAUSE_MS): number {
		this.throttlesInARow++;
		const pause = Math.min(
			maxPauseMs,
			retryAfterMs ?? THROTTLE_BASE_PAUSE_MS * 2 ** Math.min(10, this.throttlesInARow - 1),
		);
		this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + pause);
		// Slots already handed out beyond the pause stay valid; new ones queue behind them.
		this.nextSlotAt = Math.max(this.nextSlotAt, this.pausedUntil);
		return pause;
	}
}

/** How many numbers keep their pace at once; the least recently used goes first. */
const MAX_PACES = 256;

const paces = new Map<string, SendPace>();

/** A number is its base URL and API key; the key is kept only as a hash. */
export function paceKey(baseUrl: string, apiKey: string | undefined): string {
	const digest = createHash('sha256')
		.update(apiKey ?? '')
		.digest('hex')
		.slice(0, 32);
	return `${baseUrl}#${digest}`;
}

/** The pace shared by every sender of the number at `baseUrl` with `apiKey` in this process. */
export function paceFor(baseUrl: string, apiKey: string | undefined): SendPace {
	const key = paceKey(baseUrl, apiKey);
	const known = paces.get(key);
	if (known) {
		paces.delete(key);
		paces.set(key, known);
		return known;
	}
	const pace = new SendPace();
	paces.set(key, pace);
	if (paces.size > MAX_PACES) paces.delete(paces.keys().next().value as string);
	return pace;
}

/** How many numbers have a pace (for tests of the bound). */
export function knownPaces(): number {
	return paces.size;
}
