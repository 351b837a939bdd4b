// @ts-check
'use strict';
/** Waiting in tests and scripts: for state that changes elsewhere (another process, a server), polled and bounded. */

/** @param {number} ms */
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `check` (which may be async) until it answers something other than `undefined`, and answers that.
 * Throws, naming `description`, when `timeoutMs` has passed.
 * @template T
 * @param {() => T | undefined | Promise<T | undefined>} check
 * @param {{ timeoutMs?: number, intervalMs?: number, description?: string }} [options]
 * @returns {Promise<T>}
 */
async function eventually(
	check,
	{ timeoutMs = 30_000, intervalMs = 200, description = 'a condition' } = {},
) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() >= deadline)
			throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${description}`);
		await delay(intervalMs);
	}
}

module.exports = { delay, eventually };
