import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

const CLI = join(__dirname, '..', '..', 'emulator', 'cli.js');
import { createInterface } from 'node:readline';

import { eventually } from '../../dev/wait';
import { startReceiver } from './testkit';

interface Started {
	child: ChildProcessWithoutNullStreams;
	line: { url: string; port: number; pid: number };
}

function startCli(args: string[]): Promise<Started> {
	const child = spawn(process.execPath, [CLI, ...args], { stdio: 'pipe' });
	return new Promise((resolve, reject) => {
		const lines = createInterface({ input: child.stdout });
		lines.once('line', (text) => {
			lines.close();
			resolve({ child, line: JSON.parse(text) });
		});
		child.once('exit', (code) => reject(new Error(`the emulator exited early with code ${code}`)));
	});
}

function stop(
	child: ChildProcessWithoutNullStreams,
	signal: NodeJS.Signals,
): Promise<number | null> {
	return new Promise((resolve) => {
		child.once('exit', (code) => resolve(code));
		child.kill(signal);
	});
}

describe('command line', () => {
	it('prints one JSON line, serves the keys it was given, and exits cleanly on SIGTERM', async () => {
		const { child, line } = await startCli([
			'--port',
			'0',
			'--key',
			'key-one',
			'--key',
			'key-two',
			'--latency-ms',
			'0',
		]);
		expect(line).toEqual({
			url: `http://127.0.0.1:${line.port}`,
			port: expect.any(Number),
			pid: child.pid,
		});

		const health = (await fetch(`${line.url}/_emulator/health`).then((response) =>
			response.json(),
		)) as { numbers: Array<{ apiKey: string }> };
		expect(health.numbers.map((number) => number.apiKey)).toEqual(['key-one', 'key-two']);
		const second = await fetch(`${line.url}/health_status`, {
			headers: { 'D360-API-KEY': 'key-two' },
		});
		expect(second.status).toBe(200);

		expect(await stop(child, 'SIGTERM')).toBe(0);
	});

	it('registers --webhook, and exits cleanly on SIGINT', async () => {
		const receiver = await startReceiver();
		try {
			const { child, line } = await startCli([
				'--port',
				'0',
				'--webhook',
				`${receiver.url}/hook`,
				'--webhook-header',
				'X-Token: abc',
			]);
			const inbound = await fetch(`${line.url}/_emulator/inbound`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					from: '4915112345678',
					name: 'Jane',
					type: 'text',
					text: { body: 'hi' },
				}),
			});
			expect(inbound.status).toBe(200);
			const webhook = await fetch(`${line.url}/v1/configs/webhook`, {
				headers: { 'D360-API-KEY': 'emulator-key' },
			}).then((response) => response.json());
			expect(webhook).toEqual({ url: `${receiver.url}/hook`, headers: { 'X-Token': 'abc' } });
			await eventually(() => receiver.requests.length === 1 || undefined, {
				timeoutMs: 4000,
				intervalMs: 10,
				description: 'the webhook delivery',
			});
			expect(receiver.requests[0].headers['x-token']).toBe('abc');
			expect(await stop(child, 'SIGINT')).toBe(0);
		} finally {
			await receiver.close();
		}
	});

	it('refuses unknown arguments with exit code 2', async () => {
		const child = spawn(process.execPath, [CLI, '--colour', 'blue'], {
			stdio: 'pipe',
		});
		const code = await new Promise((resolve) => child.once('exit', resolve));
		expect(code).toBe(2);
	});
});
