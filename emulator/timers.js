// @ts-check
'use strict';
/**
 * Every timer the emulator starts goes through a registry, so close() and reset() can cancel all of them
 * and leave no open handles behind.
 */

/**
 * @param {(error: unknown) => void} onError called when a scheduled callback throws
 */
function createTimerRegistry(onError) {
	/** @type {Set<NodeJS.Timeout>} */
	const handles = new Set();

	/**
	 * @param {number} ms
	 * @param {() => void} callback
	 */
	function after(ms, callback) {
		const handle = setTimeout(
			() => {
				handles.delete(handle);
				try {
					callback();
				} catch (error) {
					onError(error);
				}
			},
			Math.max(0, ms),
		);
		handles.add(handle);
		return handle;
	}

	/** @param {NodeJS.Timeout} handle */
	function cancel(handle) {
		clearTimeout(handle);
		handles.delete(handle);
	}

	/** Resolves after `ms`; never resolves when the registry is cleared first (nothing then waits on it). @param {number} ms */
	function sleep(ms) {
		return new Promise((resolve) => {
			after(ms, () => resolve(undefined));
		});
	}

	function clearAll() {
		for (const handle of handles) clearTimeout(handle);
		handles.clear();
	}

	return {
		after,
		cancel,
		sleep,
		clearAll,
		get pending() {
			return handles.size;
		},
	};
}

module.exports = { createTimerRegistry };
