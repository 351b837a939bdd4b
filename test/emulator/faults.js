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
 * Sliding one-second window of admitted POST /messages calls per number.
 * @param {() => number} now
 */
function createThroughputLimiter(now) {
	/** @type {Map<string, number[]>} */
	const windows = new Map();

	/**
	 * @param {string} key the phone number id
	 * @param {number} perSecond
	 * @returns {boolean} whether the call may pass
	 */
	function admit(key, perSecond) {
		if (!Number.isFinite(perSecond)) return true;
		const at = now();
		const times = (windows.get(key) ?? []).filter((time) => time > at - 1000);
		const allowed = times.length < perSecond;
		if (allowed) times.push(at);
		windows.set(key, times);
		return allowed;
	}

	return { admit, reset: () => windows.clear() };
}

module.exports = { decideFault, createThroughputLimiter };
