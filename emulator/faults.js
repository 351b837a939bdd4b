// @ts-check
'use strict';
/**
 * Injected trouble for API calls: dropped connections, 500s, and a per-number throughput cap.
 */

/**
 * Decides what happens to one API call. One random draw per configured fault, drop first, then failure,
 * and none when a ratio is 0 — so an injected `random` sequence maps predictably onto calls.
 * @param {{ dropRatio: number, failureRatio: number }} options
 * @param {() => number} random
 * @returns {'drop' | 'fail' | null}
 */
function decideFault(options, random) {
	if (options.dropRatio > 0 && random() < options.dropRatio) return 'drop';
	if (options.failureRatio > 0 && random() < options.failureRatio) return 'fail';
	return null;
}

/**
 * Sliding one-second window of admitted POST /messages calls per number: the times in it, oldest first, from `first`
 * on (older entries have left the window and are dropped in batches), so that each call costs the same at 1,000/s.
 * @param {() => number} now
 */
function createThroughputLimiter(now) {
	/** @type {Map<string, { times: number[], first: number }>} */
	const windows = new Map();

	/**
	 * @param {string} key the phone number id
	 * @param {number} perSecond
	 * @returns {boolean} whether the call may pass
	 */
	function admit(key, perSecond) {
		if (!Number.isFinite(perSecond)) return true;
		const at = now();
		let window = windows.get(key);
		if (!window) {
			window = { times: [], first: 0 };
			windows.set(key, window);
		}
		const { times } = window;
		while (window.first < times.length && times[window.first] <= at - 1000) window.first++;
		if (window.first > 1024) {
			times.splice(0, window.first);
			window.first = 0;
		}
		const allowed = times.length - window.first < perSecond;
		if (allowed) times.push(at);
		return allowed;
	}

	return { admit, reset: () => windows.clear() };
}

module.exports = { decideFault, createThroughputLimiter };
