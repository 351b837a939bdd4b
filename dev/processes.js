// @ts-check
/**
 * Child processes that the suite and `npm start` own: each is started in its own process group, its output is kept
 * for error messages, and it is stopped by its own process id: on stop(), when this process exits, and (unless the
 * caller handles signals itself) on SIGINT/SIGTERM, so that a killed test run leaves nothing running.
 */
const { spawn } = require('node:child_process');

const { eventually } = require('./wait');

/** Groups still running, with what to do if this process ends before they are stopped. */
const owned = new Set();
/** @type {Set<NodeJS.Signals>} */
const watchedSignals = new Set();

function killAllNow() {
	for (const entry of [...owned]) entry.killNow();
}

/** @param {NodeJS.Signals} signal */
function onSignal(signal) {
	const ours = [...owned].filter((entry) => entry.killOnSignal);
	for (const entry of ours) entry.killNow();
	// Our handler stops the default action; once no other listener is left, end the way the signal would have.
	if (process.listenerCount(signal) === 1) {
		process.off(signal, onSignal);
		watchedSignals.delete(signal);
		process.kill(process.pid, signal);
	}
}

/** @param {{ killNow: () => void, killOnSignal: boolean }} entry */
function own(entry) {
	if (owned.size === 0) process.on('exit', killAllNow);
	owned.add(entry);
	if (!entry.killOnSignal) return;
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
		if (watchedSignals.has(signal)) continue;
		watchedSignals.add(signal);
		process.on(signal, onSignal);
	}
}

/** @param {object} entry */
function disown(entry) {
	owned.delete(entry);
	if (owned.size === 0) process.off('exit', killAllNow);
}

/**
 * @param {number} pid
 * @param {NodeJS.Signals} signal
 * @param {{ group?: boolean }} [options]
 */
function signalProcess(pid, signal, { group = true } = {}) {
	try {
		process.kill(group ? -pid : pid, signal);
		return true;
	} catch {
		return false; // already gone
	}
}

/**
 * Starts `command` in its own process group.
 * @param {string} name how errors name it, e.g. 'redis' or 'n8n worker'
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string, uid?: number, gid?: number,
 *   log?: (line: string) => void, killOnSignal?: boolean,
 *   stopSignal?: NodeJS.Signals, stopGroup?: boolean, stopTimeoutMs?: number, onGone?: () => void }} [options]
 *   `stopSignal` (default SIGTERM) is sent to the whole group, or only to the process itself with `stopGroup: false`
 *   (PostgreSQL's postmaster stops its own backends); SIGKILL to the group follows after `stopTimeoutMs`.
 *   `onGone` runs once the process has ended, however (removing its temp folder, for example).
 */
function startOwned(name, command, args, options = {}) {
	/** @type {string[]} */
	const output = [];
	const child = spawn(command, args, {
		env: options.env,
		cwd: options.cwd,
		uid: options.uid,
		gid: options.gid,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const collect = (/** @type {Buffer} */ chunk) => {
		for (const line of chunk.toString('utf8').split('\n')) {
			if (line.trim() === '') continue;
			output.push(line);
			if (output.length > 2000) output.shift();
			options.log?.(line);
		}
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);

	let exited = false;
	let spawnError = /** @type {Error | undefined} */ (undefined);
	const pid = child.pid;
	const entry = {
		killOnSignal: options.killOnSignal !== false,
		killNow: () => {
			if (!exited && pid !== undefined) signalProcess(pid, 'SIGKILL');
			runOnGone();
		},
	};
	let goneDone = false;
	const runOnGone = () => {
		if (goneDone) return;
		goneDone = true;
		try {
			options.onGone?.();
		} catch {
			// best effort: the process may still be letting go of its files
		}
	};
	child.on('error', (error) => {
		spawnError = error;
		exited = true;
		disown(entry);
	});
	child.on('exit', () => {
		exited = true;
		disown(entry);
		runOnGone();
	});
	if (pid !== undefined) own(entry);

	const stop = async () => {
		if (exited || pid === undefined) return runOnGone();
		signalProcess(pid, options.stopSignal ?? 'SIGTERM', { group: options.stopGroup !== false });
		const gone = await eventually(() => exited || undefined, {
			timeoutMs: options.stopTimeoutMs ?? 15_000,
			intervalMs: 50,
		}).catch(() => false);
		if (!gone) {
			signalProcess(pid, 'SIGKILL');
			await eventually(() => exited || undefined, { timeoutMs: 5_000, intervalMs: 50 }).catch(
				() => undefined,
			);
		}
		// Whatever the leader did, nothing of its group stays behind (n8n's task runner, PostgreSQL's backends).
		signalProcess(pid, 'SIGKILL');
		runOnGone();
	};

	/**
	 * Polls `check` until it answers true; fails with the last lines of output if the process ends or time runs out.
	 * @param {() => Promise<boolean | undefined> | boolean | undefined} check
	 * @param {{ timeoutMs?: number, intervalMs?: number }} [waitOptions]
	 */
	const waitUntil = async (check, { timeoutMs = 120_000, intervalMs = 250 } = {}) => {
		const ready = await eventually(
			async () => {
				if (exited) return false;
				return (await check()) ? true : undefined;
			},
			{ timeoutMs, intervalMs },
		).catch(() => false);
		if (ready) return;
		const why = spawnError ? `could not start (${spawnError.message})` : 'did not become ready';
		await stop();
		throw new Error(`${name} ${why}:\n${output.slice(-40).join('\n')}`);
	};

	return {
		pid: /** @type {number} */ (pid),
		output,
		stop,
		waitUntil,
		get exited() {
			return exited;
		},
	};
}

/** Resolves true once `url` answers 200, undefined while it does not (not listening yet, or starting). */
async function answers200(/** @type {string} */ url) {
	const response = await fetch(url).catch(() => undefined);
	await response?.body?.cancel();
	return response?.status === 200 ? true : undefined;
}

module.exports = { startOwned, answers200 };
