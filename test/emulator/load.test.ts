/**
 * What the emulator reports about load and how it delivers under it: the most API calls it answered at once, and
 * webhooks posted several at a time when `webhookConcurrency` allows it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startEmulator } from '../../emulator/index';
import { CUSTOMER, KEY, sendMessage, TEST_NUMBER } from './testkit';

/** A webhook receiver that answers after `delayMs` and counts how many posts it held at once. */
async function slowReceiver(delayMs: number) {
	const seen = { current: 0, max: 0, total: 0 };
	const server: Server = createServer((req, res) => {
		seen.current += 1;
		seen.total += 1;
		seen.max = Math.max(seen.max, seen.current);
		req.resume();
		setTimeout(() => {
			seen.current -= 1;
			res.end('{}');
		}, delayMs);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
	return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test('inFlight() counts Cloud API calls answered at the same time, not control calls', async () => {
	const emu = await startEmulator({ numbers: [TEST_NUMBER], latencyMs: 150, statusSequence: [] });
	try {
		await Promise.all(
			Array.from({ length: 6 }, (_, i) =>
				sendMessage(emu, { to: `${CUSTOMER}${i}`, type: 'text', text: { body: 'hi' } }, KEY),
			),
		);
		expect(emu.inFlight()).toEqual({ current: 0, max: 6 });
		emu.resetInFlight();
		for (let i = 0; i < 3; i++)
			await sendMessage(emu, { to: CUSTOMER, type: 'text', text: { body: 'hi' } }, KEY);
		await fetch(`${emu.url}/_emulator/health`);
		expect(emu.inFlight()).toEqual({ current: 0, max: 1 });
	} finally {
		await emu.close();
	}
});

test.each([
	[1, 1],
	[4, 4],
])(
	'webhookConcurrency %i keeps at most %i webhook posts in flight per number',
	async (webhookConcurrency, expectedMax) => {
		const receiver = await slowReceiver(80);
		const emu = await startEmulator({
			numbers: [{ ...TEST_NUMBER, webhook: { url: receiver.url } }],
			webhookConcurrency,
		});
		try {
			for (let i = 0; i < 8; i++) emu.injectInbound({ from: CUSTOMER, text: { body: `m${i}` } });
			await emu.waitFor(() => emu.deliveries.length === 8, { timeoutMs: 5000 });
			expect(receiver.seen.total).toBe(8);
			expect(receiver.seen.max).toBe(expectedMax);
			expect(emu.deliveries.every((delivery) => delivery.ok)).toBe(true);
		} finally {
			await emu.close();
			await receiver.close();
		}
	},
);

test('webhookConcurrency must be a whole number of at least 1', async () => {
	await expect(startEmulator({ webhookConcurrency: 0 })).rejects.toThrow(
		'webhookConcurrency must be an integer >= 1',
	);
});
