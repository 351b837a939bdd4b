import {
	burstDepth,
	JITTER_MARGIN,
	knownPaces,
	paceFor,
	paceKey,
	LATE_TOLERANCE_MS,
	SendPace,
} from '../../nodes/shared/sendRate';

/** A clock that only moves when every sleeper due has been woken: concurrent senders, no real time. */
function virtualClock() {
	let now = 0;
	const sleepers: Array<{ at: number; wake: () => void }> = [];
	const pauses: Array<{ at: number; ms: number }> = [];
	const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
	return {
		now: () => now,
		sleep: (ms: number) =>
			new Promise<void>((wake) => {
				sleepers.push({ at: now + ms, wake });
			}),
		/** Runs until every sender is done, moving time to the next sleeper each step. */
		async run(): Promise<void> {
			for (;;) {
				await settle();
				if (sleepers.length === 0) return;
				sleepers.sort((a, b) => a.at - b.at);
				const next = sleepers.shift() as { at: number; wake: () => void };
				now = Math.max(now, next.at);
				const pause = pauses.findIndex((candidate) => candidate.at <= now);
				if (pause >= 0) now += pauses.splice(pause, 1)[0].ms;
				next.wake();
			}
		},
		advance(ms: number) {
			now += ms;
		},
		/** The process pauses for `ms` when time first reaches `at`: every sleeper due meanwhile wakes late, at once. */
		pauseAt(at: number, ms: number) {
			pauses.push({ at, ms });
		},
	};
}

/** The most entries of `times` in any window of `windowMs` (closed on the left, open on the right). */
function mostInWindow(times: number[], windowMs: number): number {
	const sorted = [...times].sort((a, b) => a - b);
	let most = 0;
	for (let start = 0, end = 0; end < sorted.length; end++) {
		while (sorted[end] - sorted[start] >= windowMs) start++;
		most = Math.max(most, end - start + 1);
	}
	return most;
}

/** The spacing of evenly paced messages at `perSecond`. */
const spacingAt = (perSecond: number) => (1000 * (1 + JITTER_MARGIN)) / perSecond;

/** Time between each entry of `times` and the one before it. */
const gapsOf = (times: number[]) => times.slice(1).map((at, i) => at - times[i]);

/** `senders` senders of `messages` messages each at `perSecond` through `pace`, run to the end: when each went. */
async function sendThrough(
	clock: ReturnType<typeof virtualClock>,
	pace: SendPace,
	{ perSecond, senders, messages }: { perSecond: number; senders: number; messages: number },
): Promise<number[]> {
	const sentAt: number[] = [];
	const sender = async () => {
		for (let i = 0; i < messages; i++) {
			await pace.acquire(perSecond);
			sentAt.push(clock.now());
		}
	};
	const done = Promise.all(Array.from({ length: senders }, sender));
	await clock.run();
	await done;
	return sentAt;
}

describe('the send pace of a number', () => {
	test('senders at a cap of 80/s never put more than 80 messages into any second, spaced evenly', async () => {
		const clock = virtualClock();
		const sentAt = await sendThrough(clock, new SendPace(clock), {
			perSecond: 80,
			senders: 20,
			messages: 20,
		});
		expect(sentAt).toHaveLength(400);
		expect(mostInWindow(sentAt, 1000)).toBeLessThanOrEqual(80);
		expect(Math.min(...gapsOf(sentAt))).toBeCloseTo(spacingAt(80), 6);
		// Close to the cap: 400 messages take 400 slots, not more.
		expect(sentAt[399] - sentAt[0]).toBeCloseTo(399 * spacingAt(80), 6);
	});

	test('a pause of the process does not bunch the senders it held: the slots after it move back', async () => {
		const clock = virtualClock();
		// Twenty senders waiting on slots; the process stalls for 40 ms, longer than the slots' own margin
		// (25 ms per second), so three slots fall due during the pause and their senders wake together.
		clock.pauseAt(2000, 40);
		const sentAt = await sendThrough(clock, new SendPace(clock), {
			perSecond: 80,
			senders: 20,
			messages: 20,
		});
		expect(sentAt).toHaveLength(400);
		const spacing = spacingAt(80);
		// they go out spaced as before, never together, so no second of the platform's holds more than 80 ...
		expect(Math.min(...gapsOf(sentAt))).toBeGreaterThanOrEqual(spacing - LATE_TOLERANCE_MS);
		expect(mostInWindow(sentAt, 1000)).toBeLessThanOrEqual(80);
		// the first sender after the pause waits a spacing more: the request granted just before it may be leaving
		// only now
		expect(sentAt.filter((at) => at >= 2000 && at < 2040 + spacing - 1e-6)).toEqual([]);
		// ... and the pause costs its own length and one spacing, not a slower pace
		expect(sentAt[399] - sentAt[0]).toBeLessThanOrEqual(400 * spacing + 40 + 1e-6);
	});

	test('a capped run right after a faster one from the same number starts at its own pace', async () => {
		const clock = virtualClock();
		const pace = new SendPace(clock);
		await sendThrough(clock, pace, { perSecond: 1000, senders: 1, messages: 300 });
		const sentAt = await sendThrough(clock, pace, { perSecond: 80, senders: 20, messages: 10 });
		expect(Math.min(...gapsOf(sentAt))).toBeCloseTo(spacingAt(80), 6);
		expect(mostInWindow(sentAt, 1000)).toBeLessThanOrEqual(80);
	});

	test('at 1,000/s a dozen may go early after a quiet moment, at twice the pace, and no second holds 1,000', async () => {
		expect([1, 80, 100, 200, 1000].map(burstDepth)).toEqual([1, 1, 1, 2, 12]);
		const clock = virtualClock();
		const sentAt = await sendThrough(clock, new SendPace(clock), {
			perSecond: 1000,
			senders: 50,
			messages: 40,
		});
		const spacing = spacingAt(1000);
		const gaps = gapsOf(sentAt);
		// never two at once: at twice the pace while early, ...
		expect(Math.min(...gaps)).toBeCloseTo(spacing / 2, 6);
		expect(sentAt.filter((at) => at < 11 * spacing - 1e-6)).toHaveLength(22);
		// ... then evenly at the cap less the margin, twelve ahead of an even stream from the start
		expect(Math.min(...gaps.slice(22))).toBeCloseTo(spacing, 6);
		expect(sentAt[1999]).toBeCloseTo((1999 - 11) * spacing, 6);
		expect(mostInWindow(sentAt, 1000)).toBeLessThanOrEqual(Math.ceil(1000 / spacing) + 12);
		expect(mostInWindow(sentAt, 1000)).toBeLessThan(1000);
	});

	test('without a cap, nothing waits', async () => {
		const clock = virtualClock();
		const pace = new SendPace(clock);
		await Promise.all(Array.from({ length: 50 }, () => pace.acquire(0)));
		expect(clock.now()).toBe(0);
	});

	test('after a throttle no sender sends before its Retry-After, not even one holding an earlier slot', async () => {
		const clock = virtualClock();
		const pace = new SendPace(clock);
		const sentAt: number[] = [];
		const sender = async () => {
			for (let i = 0; i < 5; i++) {
				await pace.acquire(100);
				sentAt.push(clock.now());
				if (sentAt.length === 10) pace.recordThrottled(1000);
			}
		};
		const done = Promise.all(Array.from({ length: 10 }, sender));
		await clock.run();
		await done;
		const throttledAt = sentAt[9];
		expect(sentAt).toHaveLength(50);
		expect(sentAt.filter((at) => at > throttledAt && at < throttledAt + 1000)).toEqual([]);
		// and then the senders go on at the cap, not in a burst
		const after = sentAt.filter((at) => at >= throttledAt + 1000);
		expect(after).toHaveLength(40);
		expect(mostInWindow(after, 1000)).toBeLessThanOrEqual(100);
	});

	test('an uncapped sender honours the pause too', async () => {
		const clock = virtualClock();
		const pace = new SendPace(clock);
		pace.recordThrottled(2000);
		const done = pace.acquire(0).then(() => clock.now());
		await clock.run();
		expect(await done).toBe(2000);
	});

	test('without Retry-After the pause doubles while nothing gets through, and an acceptance resets it', () => {
		const clock = virtualClock();
		const pace = new SendPace(clock);
		expect([1, 2, 3].map(() => pace.recordThrottled(undefined))).toEqual([500, 1000, 2000]);
		pace.recordAccepted();
		expect(pace.recordThrottled(undefined)).toBe(500);
		expect(pace.recordThrottled(120_000, 20_000)).toBe(20_000);
		expect(pace.accepted).toBe(1);
	});
});

describe('paces shared by number', () => {
	test('one pace per base URL and key, keyed by a hash that never holds the key', () => {
		const key = 'secret-api-key-1234';
		expect(paceFor('http://a', key)).toBe(paceFor('http://a', key));
		expect(paceFor('http://a', key)).not.toBe(paceFor('http://a', 'other-key'));
		expect(paceFor('http://a', key)).not.toBe(paceFor('http://b', key));
		expect(paceKey('http://a', key)).not.toContain(key);
		expect(paceKey('http://a', key)).toMatch(/^http:\/\/a#[0-9a-f]{32}$/);
	});

	test('the registry is bounded: the least recently used number is forgotten first', () => {
		const forgotten = paceFor('http://forgotten', 'k');
		const kept = paceFor('http://kept', 'k');
		for (let i = 0; i < 300; i++) {
			paceFor(`http://number-${i}`, 'k');
			if (i % 50 === 0) paceFor('http://kept', 'k');
		}
		expect(knownPaces()).toBe(256);
		expect(paceFor('http://kept', 'k')).toBe(kept);
		expect(paceFor('http://forgotten', 'k')).not.toBe(forgotten);
	});
});
