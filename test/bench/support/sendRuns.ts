/**
 * What the emulator saw of one send run: the accepted rate between its first and last accepted request, the most
 * requests in flight at once, throttled answers, and whether every item was accepted exactly once.
 */
import type { Emulator } from '../../emulator';

export interface SendFigures {
	requests: number;
	accepted: number;
	/** Answered 429. */
	throttled: number;
	/** Accepted messages per second between the first and the last accepted request. */
	rate: number;
	mostInFlight: number;
	/** Distinct texts accepted once each, out of `expected`. */
	acceptedOnce: number;
	/** Texts accepted more than once. */
	duplicates: number;
}

/** A mark in the emulator's records: what a run adds comes after it. */
export function markEmulator(emulator: Emulator) {
	emulator.resetInFlight();
	return { requests: emulator.requests.length, sent: emulator.sent.length };
}

export function sendFigures(
	emulator: Emulator,
	mark: ReturnType<typeof markEmulator>,
): SendFigures {
	const calls = emulator.requests
		.slice(mark.requests)
		.filter((call) => /\/messages\/?$/.test(call.path));
	const accepted = calls.filter((call) => call.status === 200);
	const span = accepted.length > 1 ? (accepted.at(-1)!.at - accepted[0].at) / 1000 : NaN;
	const counts = new Map<string, number>();
	for (const message of emulator.sent.slice(mark.sent)) {
		const text = (message.request as { text?: { body?: string } }).text?.body ?? message.id;
		counts.set(text, (counts.get(text) ?? 0) + 1);
	}
	return {
		requests: calls.length,
		accepted: accepted.length,
		throttled: calls.filter((call) => call.status === 429).length,
		rate: (accepted.length - 1) / span,
		mostInFlight: emulator.inFlight().max,
		acceptedOnce: [...counts.values()].filter((count) => count === 1).length,
		duplicates: [...counts.values()].filter((count) => count > 1).length,
	};
}
