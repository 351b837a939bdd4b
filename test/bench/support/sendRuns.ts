/**
 * What the emulator saw of one send run: the accepted rate between its first and last accepted request, the most
 * requests in flight at once, throttled answers, and whether every item was accepted exactly once.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';

import type { Emulator } from '../../../emulator';

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

/**
 * Runs the bare Node.js client (no n8n; support/bare-client.js) in its own process on n8n's Node.js binary: `count`
 * texts at `concurrency`, a new connection per request as n8n opens them, or one kept-alive pool. The machine's own
 * ceiling for a sender at that concurrency, measured the same way as the nodes.
 */
export async function bareClientFigures(
	emulator: Emulator,
	options: {
		nodeBin: string;
		apiKey: string;
		count: number;
		concurrency: number;
		keepAlive?: boolean;
	},
): Promise<SendFigures> {
	const mark = markEmulator(emulator);
	await new Promise<void>((resolve, reject) => {
		execFile(
			path.join(options.nodeBin, 'node'),
			[
				path.join(__dirname, 'bare-client.js'),
				emulator.url,
				options.apiKey,
				String(options.count),
				String(options.concurrency),
				options.keepAlive ? 'keepAlive' : 'newConnection',
			],
			{ timeout: 120_000 },
			(error) => (error ? reject(error) : resolve()),
		);
	});
	return sendFigures(emulator, mark);
}
