/**
 * The services queue mode runs on (Redis, PostgreSQL from Debian's packages) and the rule every process the suite
 * starts follows: bound to 127.0.0.1, data in a temp folder, stopped by its process id: on stop(), and when the
 * process that started it is killed.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { eventually } from '../../dev/wait';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../../dev/services') as typeof import('../../dev/services');

jest.setTimeout(120_000);

const isRunning = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

/** Sends `request` to 127.0.0.1:`port` and answers the first chunk that comes back. */
const exchange = (port: number, request: Buffer | string) =>
	new Promise<string>((resolve, reject) => {
		const socket = net.connect({ host: '127.0.0.1', port }, () => socket.write(request));
		socket.setTimeout(5_000, () => socket.destroy(new Error('no answer')));
		socket.once('data', (chunk) => {
			socket.destroy();
			resolve(chunk.toString('latin1'));
		});
		socket.once('error', reject);
	});

/** PostgreSQL's SSLRequest: any PostgreSQL server answers it with one byte, 'S' or 'N'. */
const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

beforeAll(() => services.ensureServicesInstalled(), 15 * 60_000);

test('Redis and PostgreSQL answer on 127.0.0.1, and stop() ends them and removes their data', async () => {
	const [redis, postgres] = await Promise.all([services.startRedis(), services.startPostgres()]);
	try {
		expect(await exchange(redis.port, 'PING\r\n')).toBe('+PONG\r\n');
		expect(['S', 'N']).toContain(await exchange(postgres.port, SSL_REQUEST));
		expect(existsSync(path.join(postgres.dir, 'data', 'PG_VERSION'))).toBe(true);
	} finally {
		await Promise.all([redis.stop(), postgres.stop()]);
	}
	expect(isRunning(redis.pid)).toBe(false);
	expect(isRunning(postgres.pid)).toBe(false);
	expect(existsSync(redis.dir)).toBe(false);
	expect(existsSync(postgres.dir)).toBe(false);
});

test.each(['SIGTERM', 'SIGINT'] as const)(
	'a process killed by %s takes everything it started with it',
	async (signal) => {
		const owner = spawn(
			process.execPath,
			[path.join(__dirname, 'support', 'own-services.fixture.js')],
			{
				stdio: ['ignore', 'pipe', 'inherit'],
			},
		);
		let printed = '';
		owner.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
		const started = await eventually(
			() =>
				printed.includes('\n')
					? (JSON.parse(printed) as { pids: number[]; dirs: string[] })
					: undefined,
			{ timeoutMs: 60_000, description: 'the fixture to start its services' },
		);
		expect(started.pids.every(isRunning)).toBe(true);

		const ended = new Promise((resolve) => owner.once('exit', (code, how) => resolve(how ?? code)));
		owner.kill(signal);
		expect(await ended).toBe(signal);
		await eventually(() => (started.pids.some(isRunning) ? undefined : true), {
			timeoutMs: 10_000,
			description: 'every process the fixture started to be gone',
		});
		expect(started.dirs.filter(existsSync)).toEqual([]);
	},
);
