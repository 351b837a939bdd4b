// @ts-check
/**
 * Redis and PostgreSQL for n8n's queue mode, from Debian's packages (scripts/install-system-packages.sh installs them
 * when missing), each a private throw-away instance: bound to 127.0.0.1 on a free port, its data in a temp folder that
 * goes when it stops, stopped by its own process id.
 */
const { execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { chownSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const net = require('node:net');
const { tmpdir } = require('node:os');
const path = require('node:path');

const { freePort, PACKAGE_ROOT } = require('./n8n');
const { startOwned } = require('./processes');

const POSTGRES_BIN = process.env.N8N360_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';
const REQUIRED_PACKAGES = ['redis-server:redis-server', `${POSTGRES_BIN}/postgres:postgresql`];

/** Installs Redis and PostgreSQL from Debian's packages unless they are there already (a no-op then). */
function ensureServicesInstalled() {
	execFileSync(
		'bash',
		[path.join(PACKAGE_ROOT, 'scripts', 'install-system-packages.sh'), ...REQUIRED_PACKAGES],
		{ stdio: ['ignore', 'inherit', 'inherit'], timeout: 15 * 60_000 },
	);
}

/** Answers true when a TCP client gets `expected` back for `request` from 127.0.0.1:`port`. */
function probe(
	/** @type {number} */ port,
	/** @type {string} */ request,
	/** @type {string} */ expected,
) {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		let received = '';
		const done = (/** @type {boolean} */ ok) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(1000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write(request));
		socket.on('data', (chunk) => {
			received += chunk.toString('utf8');
			if (received.includes(expected)) done(true);
		});
	});
}

/**
 * A Redis server without persistence.
 * @param {{ log?: (line: string) => void, killOnSignal?: boolean }} [options]
 */
async function startRedis(options = {}) {
	const port = await freePort();
	const dir = mkdtempSync(path.join(tmpdir(), 'n8n360-redis-'));
	// prettier-ignore
	const args = [
		'--bind', '127.0.0.1', '--port', String(port), '--protected-mode', 'yes',
		'--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'warning',
	];
	const redis = startOwned('redis-server', 'redis-server', args, {
		log: options.log,
		killOnSignal: options.killOnSignal,
		onGone: () => rmSync(dir, { recursive: true, force: true }),
	});
	await redis.waitUntil(() => probe(port, 'PING\r\n', '+PONG'), {
		timeoutMs: 30_000,
		intervalMs: 100,
	});
	return { host: '127.0.0.1', port, pid: redis.pid, dir, stop: redis.stop };
}

/** The uid and gid of the `postgres` user when running as root (initdb and postgres refuse root), else none. */
function postgresAccount() {
	if (process.getuid?.() !== 0) return {};
	const id = (/** @type {string} */ flag) =>
		Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
	try {
		return { uid: id('-u'), gid: id('-g') };
	} catch {
		throw new Error(
			'PostgreSQL cannot run as root and there is no "postgres" user: install the postgresql package ' +
				'(scripts/install-system-packages.sh does) or run as an ordinary user.',
		);
	}
}

/**
 * A private PostgreSQL cluster with one database for n8n, tuned for a throw-away instance (no fsync).
 * @param {{ log?: (line: string) => void, killOnSignal?: boolean, maxConnections?: number }} [options]
 */
async function startPostgres(options = {}) {
	const port = await freePort();
	const account = postgresAccount();
	const dir = mkdtempSync(path.join(tmpdir(), 'n8n360-postgres-'));
	const remove = () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
	const user = 'n8n';
	const password = randomBytes(16).toString('hex');
	const database = 'n8n';
	const data = path.join(dir, 'data');
	const passwordFile = path.join(dir, 'password');
	const env = { PATH: `${POSTGRES_BIN}:${process.env.PATH}`, LANG: 'C', LC_ALL: 'C' };
	try {
		writeFileSync(passwordFile, password, { mode: 0o600 });
		if (account.uid !== undefined) {
			chownSync(dir, account.uid, /** @type {number} */ (account.gid));
			chownSync(passwordFile, account.uid, /** @type {number} */ (account.gid));
		}
		// prettier-ignore
		execFileSync(path.join(POSTGRES_BIN, 'initdb'), [
			'-D', data, '-U', user, `--pwfile=${passwordFile}`, '--auth=scram-sha-256',
			'--encoding=UTF8', '--no-locale', '--no-sync',
		], { ...account, env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
	} catch (error) {
		remove();
		const stderr = /** @type {{ stderr?: Buffer }} */ (error).stderr?.toString('utf8') ?? '';
		throw new Error(`initdb failed: ${error instanceof Error ? error.message : error}\n${stderr}`);
	}

	// prettier-ignore
	const args = [
		'-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dir}`,
		'-c', `max_connections=${options.maxConnections ?? 200}`,
		'-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
	];
	const postgres = startOwned('postgres', path.join(POSTGRES_BIN, 'postgres'), args, {
		...account,
		env,
		cwd: dir,
		log: options.log,
		killOnSignal: options.killOnSignal,
		// SIGINT is PostgreSQL's fast shutdown; the postmaster stops its own backends.
		stopSignal: 'SIGINT',
		stopGroup: false,
		onGone: remove,
	});
	const isReady = () => {
		try {
			execFileSync(
				path.join(POSTGRES_BIN, 'pg_isready'),
				['-q', '-h', '127.0.0.1', '-p', String(port)],
				{
					env,
					stdio: 'ignore',
					timeout: 5_000,
				},
			);
			return true;
		} catch {
			return undefined;
		}
	};
	await postgres.waitUntil(isReady, { timeoutMs: 60_000, intervalMs: 100 });
	try {
		execFileSync(
			path.join(POSTGRES_BIN, 'createdb'),
			['-h', '127.0.0.1', '-p', String(port), '-U', user, database],
			{ env: { ...env, PGPASSWORD: password }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 },
		);
	} catch (error) {
		await postgres.stop();
		throw error;
	}
	return {
		host: '127.0.0.1',
		port,
		user,
		password,
		database,
		pid: postgres.pid,
		dir,
		stop: postgres.stop,
	};
}

module.exports = { ensureServicesInstalled, startRedis, startPostgres, REQUIRED_PACKAGES };
