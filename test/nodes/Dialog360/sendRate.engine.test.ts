/**
 * Sending at volume through the n8n engine against the emulator, which answers every call after a real
 * delay: the cap, the pause every sender takes after a throttle, exactly-once under faults, per-recipient
 * order with real parallelism, the timeout of one request, and what a failed run reports.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject } from 'n8n-workflow';

import { startEmulator, type Emulator, type RequestRecord } from '../../../emulator';
import type { RecipientFaults, StartEmulatorOptions } from '../../../emulator';
import { api } from '../../emulator/testkit';
import { runActionNode } from '../../helpers/engine';

const KEY = 'rate-key';
/** The longest of these runs takes about 5 s on a loaded 2-core machine. */
const SLOW_TEST_MS = 20_000;

let emu: Emulator | undefined;
afterEach(async () => {
	await emu?.close();
	emu = undefined;
});

async function emulator(options: StartEmulatorOptions): Promise<Emulator> {
	emu = await startEmulator({ numbers: [{ apiKey: KEY }], statusSequence: [], ...options });
	return emu;
}

const recipient = (n: number) => `4915100${String(n).padStart(6, '0')}`;

/** `count` texts; item i goes to recipient `recipientOf(i)` and says "message i". */
const texts = (count: number, recipientOf: (i: number) => number = (i) => i) =>
	Array.from({ length: count }, (_, i) => ({
		json: { to: `+${recipient(recipientOf(i))}`, text: `message ${i}` },
	}));

const sendText = (extra: IDataObject = {}): IDataObject => ({
	resource: 'message',
	operation: 'sendText',
	phoneNumber: '={{ $json.to }}',
	text: '={{ $json.text }}',
	...extra,
});

const send = (
	server: Emulator | { url: string },
	parameters: IDataObject,
	items: Array<{ json: IDataObject }>,
	options: { continueOnFail?: boolean; typeVersion?: number } = {},
) =>
	runActionNode(parameters, items, {
		baseUrl: server.url,
		apiKey: KEY,
		typeVersion: 1.1,
		...options,
	});

const messageCalls = (server: Emulator): RequestRecord[] =>
	server.requests.filter((request) => request.method === 'POST' && request.path === '/messages');

/** The most of `times` in any window of `windowMs`. */
function mostInWindow(times: number[], windowMs: number): number {
	const sorted = [...times].sort((a, b) => a - b);
	let most = 0;
	for (let start = 0, end = 0; end < sorted.length; end++) {
		while (sorted[end] - sorted[start] >= windowMs) start++;
		most = Math.max(most, end - start + 1);
	}
	return most;
}

/** How often each text was accepted, by text. */
function acceptedTimes(server: Emulator): Map<string, number> {
	const counts = new Map<string, number>();
	for (const sent of server.sent) {
		const body = sent.request.text.body as string;
		counts.set(body, (counts.get(body) ?? 0) + 1);
	}
	return counts;
}

function expectEachAcceptedOnce(server: Emulator, count: number) {
	const counts = acceptedTimes(server);
	expect([...counts.values()].filter((times) => times !== 1)).toEqual([]);
	expect(counts.size).toBe(count);
}

/** The texts each recipient got, in the order the emulator accepted them. */
function acceptedOrderByRecipient(server: Emulator): Record<string, string[]> {
	const order: Record<string, string[]> = {};
	for (const sent of server.sent)
		(order[sent.recipientId] ??= []).push(sent.request.text.body as string);
	return order;
}

describe('Messages Per Second (node version 1.1)', () => {
	test(
		'the cap holds across all items: no second carries more than the cap',
		async () => {
			const server = await emulator({ latencyMs: 30 });
			const { items, error } = await send(
				server,
				sendText({ concurrency: 10, messagesPerSecond: 40 }),
				texts(100),
			);
			expect(error('360dialog')).toBeUndefined();
			expect(items).toHaveLength(100);
			expectEachAcceptedOnce(server, 100);
			const arrivals = messageCalls(server).map((call) => call.at);
			// Uncapped, these 100 go out in well under a second. The node gives each its own slot, 25.6 ms apart,
			// so the hundredth cannot leave before 2.5 s after the first; the first may itself start late, by
			// less than half a second even on a loaded machine.
			expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeGreaterThanOrEqual(2000);
			// Arrivals in any one second: the cap, plus what stalls of this shared event loop bunch together.
			expect(mostInWindow(arrivals, 1000)).toBeLessThanOrEqual(48);
		},
		SLOW_TEST_MS,
	);

	test(
		'Marketing Messages API sends go from the same number: the cap holds for them too',
		async () => {
			const server = await emulator({ latencyMs: 30 });
			const created = await api(server, 'POST', '/v1/configs/templates', {
				key: KEY,
				body: {
					name: 'flash_sale',
					category: 'MARKETING',
					language: 'en',
					components: [{ type: 'BODY', text: 'Flash sale today only' }],
				},
			});
			expect(created.status).toBe(200);
			const { items, error } = await send(
				server,
				{
					resource: 'message',
					operation: 'sendTemplate',
					phoneNumber: '={{ $json.to }}',
					template: { __rl: true, mode: 'name', value: 'flash_sale' },
					languageCode: 'en',
					componentsMode: 'fields',
					useMarketingMessagesLite: true,
					concurrency: 10,
					messagesPerSecond: 20,
				},
				texts(30),
			);
			expect(error('360dialog')).toBeUndefined();
			expect(items).toHaveLength(30);
			const arrivals = server.requests
				.filter((request) => request.path === '/marketing_messages' && request.status === 200)
				.map((call) => call.at);
			expect(arrivals).toHaveLength(30);
			// 30 at 20 per second: the thirtieth leaves 1.45 s after the first; uncapped, all within 0.2 s.
			expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeGreaterThanOrEqual(1200);
			expect(mostInWindow(arrivals, 1000)).toBeLessThanOrEqual(26);
		},
		SLOW_TEST_MS,
	);

	test('version 1 keeps no cap, whatever the parameters hold', async () => {
		const server = await emulator({ latencyMs: 20 });
		const { items } = await send(
			server,
			sendText({ concurrency: 10, messagesPerSecond: 5 }),
			texts(40),
			{ typeVersion: 1 },
		);
		expect(items).toHaveLength(40);
		// At 5 per second, no second could hold more than 6 of them.
		expect(
			mostInWindow(
				messageCalls(server).map((call) => call.at),
				1000,
			),
		).toBeGreaterThan(10);
	});

	test(
		'after a 429 no request goes out from any worker before the Retry-After has passed; then all are sent once',
		async () => {
			const latencyMs = 20;
			// One call is throttled, with Retry-After: 1: the first for the sixth recipient. Every other call
			// would go through, so only the pause can hold the other workers back.
			const server = await emulator({
				latencyMs,
				recipientFaults: {
					throttleRatio: 1,
					draw: (to, attempt) => (to === recipient(5) && attempt === 1 ? 0 : 1),
				},
			});
			const { items, error } = await send(
				server,
				sendText({ concurrency: 4, messagesPerSecond: 0 }),
				texts(40),
			);
			expect(error('360dialog')).toBeUndefined();
			expect(items).toHaveLength(40);
			expectEachAcceptedOnce(server, 40);

			const calls = messageCalls(server);
			const throttled = calls.filter((call) => call.status === 429);
			expect(throttled).toHaveLength(1);
			// The 429 is answered `latencyMs` after its call arrived. Calls already on their way then may still
			// arrive just after; nothing else may arrive until the second has passed.
			const [answer] = throttled;
			const during = calls.filter(
				(call) => call.at > answer.at + latencyMs + 200 && call.at < answer.at + 1000,
			);
			expect(during).toEqual([]);
			const resent = calls.filter(
				(call) => call.body.to === recipient(5) && call.at > answer.at && call.status === 200,
			);
			expect(resent).toHaveLength(1);
			expect(resent[0].at - answer.at).toBeGreaterThanOrEqual(1000);
			// and the pause held back calls that were waiting: some went out right after it.
			expect(calls.filter((call) => call.at >= answer.at + 1000).length).toBeGreaterThan(1);
		},
		SLOW_TEST_MS,
	);

	test(
		'under 10% throttles, 5% server errors and 3% dropped connections every message is accepted exactly once, in order per recipient',
		async () => {
			const faults: RecipientFaults = {
				throttleRatio: 0.1,
				failureRatio: 0.05,
				dropRatio: 0.03,
				seed: 42,
				retryAfterSeconds: 0.2,
			};
			const server = await emulator({ latencyMs: 10, recipientFaults: faults });
			const { items, error } = await send(
				server,
				sendText({ concurrency: 10, messagesPerSecond: 0 }),
				texts(120, (i) => i % 30),
			);
			expect(error('360dialog')).toBeUndefined();
			expectEachAcceptedOnce(server, 120);

			const calls = messageCalls(server);
			expect(calls.some((call) => call.status === 429)).toBe(true);
			expect(calls.some((call) => call.status === 500)).toBe(true);
			expect(calls.some((call) => call.dropped)).toBe(true);

			const idByText = new Map(server.sent.map((sent) => [sent.request.text.body, sent.id]));
			expect(items.map((item) => item.json.messageId)).toEqual(
				texts(120).map((item) => idByText.get(item.json.text)),
			);
			for (const [to, order] of Object.entries(acceptedOrderByRecipient(server))) {
				const expected = texts(120, (i) => i % 30)
					.filter((item) => item.json.to === `+${to}`)
					.map((item) => item.json.text);
				expect({ to, order }).toEqual({ to, order: expected });
			}
		},
		SLOW_TEST_MS,
	);

	test.each([1, 1.1])(
		'version %s: a recipient gets its messages in item order while several recipients are sent to at once',
		async (typeVersion) => {
			// Each recipient's first call fails once, so its first message is sent again after a backoff:
			// anything that let its next message go meanwhile would deliver them out of order.
			const latencyMs = 50;
			const server = await emulator({
				latencyMs,
				recipientFaults: { failureRatio: 1, draw: (_to, attempt) => (attempt === 1 ? 0 : 1) },
			});
			// Items arrive grouped by recipient: 0-2 for the first, 3-5 for the second, ...
			const input = texts(12, (i) => Math.floor(i / 3));
			const { items } = await send(server, sendText({ concurrency: 4 }), input, { typeVersion });
			expect(items).toHaveLength(12);

			const order = acceptedOrderByRecipient(server);
			expect(order).toEqual({
				[recipient(0)]: ['message 0', 'message 1', 'message 2'],
				[recipient(1)]: ['message 3', 'message 4', 'message 5'],
				[recipient(2)]: ['message 6', 'message 7', 'message 8'],
				[recipient(3)]: ['message 9', 'message 10', 'message 11'],
			});
			// And the recipients ran side by side: with one worker, each call would arrive only after the
			// previous one had been answered, `latencyMs` later.
			const arrivals = messageCalls(server)
				.map((call) => call.at)
				.sort((a, b) => a - b);
			const overlapping = arrivals.slice(1).filter((at, i) => at - arrivals[i] < latencyMs / 2);
			expect(overlapping.length).toBeGreaterThanOrEqual(3);
		},
		SLOW_TEST_MS,
	);
});

describe('one request never holds a worker for long (node version 1.1 on)', () => {
	/**
	 * A server that never answers its first call and answers every later one with `reply`; it notes when each
	 * call arrived and how long the node waited before it gave up on the first.
	 */
	async function withSilentFirstCall(
		reply: IDataObject,
		run: (url: string) => Promise<void>,
	): Promise<{ arrivals: number[]; abandonedAfterMs: number | undefined }> {
		const arrivals: number[] = [];
		let abandonedAfterMs: number | undefined;
		const server = createServer((req: IncomingMessage, res: ServerResponse) => {
			const arrivedAt = Date.now();
			arrivals.push(arrivedAt);
			req.resume();
			if (arrivals.length === 1) {
				req.socket.on('close', () => (abandonedAfterMs = Date.now() - arrivedAt));
				return;
			}
			req.on('end', () => {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify(reply));
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
		} finally {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
		return { arrivals, abandonedAfterMs };
	}

	test.each([
		['1.1', 1.1, { requestTimeout: 300 }],
		['1.2, in Send Settings', 1.2, { sendSettings: { requestTimeout: 300 } }],
	])(
		'a request not answered within Request Timeout is abandoned and sent again (version %s)',
		async (_version, typeVersion, settings) => {
			const reply = {
				messaging_product: 'whatsapp',
				contacts: [{ input: recipient(0), wa_id: recipient(0) }],
				messages: [{ id: 'wamid.AFTER_TIMEOUT' }],
			};
			const { arrivals, abandonedAfterMs } = await withSilentFirstCall(reply, async (url) => {
				const { items, error } = await send({ url }, sendText(settings), texts(1), { typeVersion });
				expect(error('360dialog')).toBeUndefined();
				expect(items[0].json.messageId).toBe('wamid.AFTER_TIMEOUT');
			});
			expect(arrivals).toHaveLength(2);
			// The node's clock starts before the request reaches the server, which on a loaded machine takes tens
			// of milliseconds: about 300 ms, far from the 30 s default.
			expect(abandonedAfterMs).toBeGreaterThanOrEqual(200);
			expect(abandonedAfterMs).toBeLessThan(10_000);
			expect(arrivals[1] - arrivals[0]).toBeGreaterThanOrEqual(200);
		},
	);

	test('Request Timeout bounds the calls that send no message too (Get Health Status)', async () => {
		const reply = { health_status: { can_send_message: 'AVAILABLE', entities: [] } };
		const { arrivals, abandonedAfterMs } = await withSilentFirstCall(reply, async (url) => {
			const { items, error } = await send(
				{ url },
				{ resource: 'account', operation: 'getHealthStatus', requestTimeout: 300 },
				[{ json: {} }],
			);
			expect(error('360dialog')).toBeUndefined();
			expect(items).toHaveLength(1);
		});
		expect(arrivals).toHaveLength(2);
		expect(abandonedAfterMs).toBeGreaterThanOrEqual(290);
		expect(abandonedAfterMs).toBeLessThan(5_000);
	});
});

describe('a malformed item stops the run before its first message goes out (node version 1.1)', () => {
	// Item 6 cannot be sent: its number is not a phone number.
	const input = () => {
		const items = texts(12);
		items[6].json.to = 'call me maybe';
		return items;
	};

	test('nothing is sent, and the error says so', async () => {
		const server = await emulator({ latencyMs: 20 });
		const { error } = await send(server, sendText({ concurrency: 2 }), input());
		const failure = error('360dialog');
		expect(failure?.message).toMatch(/"call me maybe" is not a phone number/);
		expect(messageCalls(server)).toHaveLength(0);
		expect(failure?.context?.acceptedCount).toBe(0);
		expect(failure?.description).toContain(
			'None of the 12 items was accepted by 360dialog before the node stopped',
		);
	});

	test('version 1 sends the items it reached before the malformed one, as it always did', async () => {
		const server = await emulator({ latencyMs: 20 });
		const { error } = await send(server, sendText({ concurrency: 2 }), input(), {
			typeVersion: 1,
		});
		expect(error('360dialog')?.message).toMatch(/"call me maybe" is not a phone number/);
		const sentItems = server.sent.map((sent) =>
			Number(String(sent.request.text.body).replace('message ', '')),
		);
		expect(sentItems.length).toBeGreaterThan(0);
		expect(sentItems).not.toContain(6);
	});

	test('with Continue On Fail the accepted items come out as normal items, the failed one as an error', async () => {
		const server = await emulator({ latencyMs: 20 });
		const { items } = await send(server, sendText({ concurrency: 2 }), input(), {
			continueOnFail: true,
		});
		expect(items).toHaveLength(12);
		expect(items[6].json.error).toMatch(/"call me maybe" is not a phone number/);
		expect(items.filter((item) => item.json.messageId)).toHaveLength(11);
		expectEachAcceptedOnce(server, 11);
	});
});

describe('a failed run says what was already sent (node version 1.1)', () => {
	test(
		'the error counts and names the accepted items and their message ids',
		async () => {
			// Every call for item 6's recipient is answered 500: the node retries it, gives up and stops.
			const server = await emulator({
				latencyMs: 20,
				recipientFaults: { failureRatio: 1, draw: (to) => (to === recipient(6) ? 0 : 1) },
			});
			const { error } = await send(server, sendText({ concurrency: 2 }), texts(8));
			const failure = error('360dialog');
			expect(failure?.message).toMatch(/internal error \(#131000\)/);
			expect(messageCalls(server).filter((call) => call.status === 500)).toHaveLength(5);

			const accepted = server.sent.map((sent) => ({
				item: Number(String(sent.request.text.body).replace('message ', '')),
				messageId: sent.id,
			}));
			expect(accepted.length).toBeGreaterThan(0);
			expect(accepted.map((entry) => entry.item)).not.toContain(6);
			expect(failure?.context?.acceptedItems).toEqual(
				[...accepted].sort((a, b) => a.item - b.item),
			);
			expect(failure?.description).toContain(
				`${accepted.length} of 8 items were accepted by 360dialog before the node stopped`,
			);
			expect(failure?.description).toMatch(/items 0–\d/);
			expect(failure?.description).toContain(`${accepted[0].item}: ${accepted[0].messageId}`);
		},
		SLOW_TEST_MS,
	);
});
