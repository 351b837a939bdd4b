import { startEmulator, type Emulator } from '../../emulator/index';
import { sendMessage, TEST_NUMBER } from './testkit';

let emu: Emulator;
afterEach(() => emu.close());

const text = (to: string, body: string) => ({ to, type: 'text', text: { body } });

/** The outcome of one send: the HTTP status, or "dropped" when the connection closed without an answer. */
async function outcome(to: string, body: string): Promise<number | 'dropped'> {
	try {
		return (await sendMessage(emu, text(to, body))).status;
	} catch {
		return 'dropped';
	}
}

/** Each recipient's outcomes, its sends one after another, the recipients side by side. */
async function outcomesByRecipient(recipients: string[], sendsEach: number, reverse = false) {
	const order = reverse ? [...recipients].reverse() : recipients;
	const entries = await Promise.all(
		order.map(async (to) => {
			const outcomes: Array<number | 'dropped'> = [];
			for (let n = 0; n < sendsEach; n++) outcomes.push(await outcome(to, `${to} #${n}`));
			return [to, outcomes] as const;
		}),
	);
	return Object.fromEntries(entries);
}

describe('faults chosen per recipient and attempt', () => {
	const recipients = Array.from(
		{ length: 12 },
		(_, i) => `49151000000${String(i).padStart(2, '0')}`,
	);
	const plan = { throttleRatio: 0.2, failureRatio: 0.15, dropRatio: 0.1, seed: 7 };

	test('the same seed gives every recipient the same faults, whatever order the calls arrive in', async () => {
		emu = await startEmulator({
			numbers: [TEST_NUMBER],
			statusSequence: [],
			recipientFaults: plan,
		});
		const first = await outcomesByRecipient(recipients, 6);
		emu.reset();
		const again = await outcomesByRecipient(recipients, 6, true);
		expect(again).toEqual(first);
		const all = Object.values(first).flat();
		// The seed gives a mix: every kind of fault shows up, and most calls go through.
		expect(new Set(all)).toEqual(new Set([200, 429, 500, 'dropped']));
		expect(all.filter((status) => status === 200).length).toBeGreaterThan(all.length / 3);
	});

	test('only answered 200 counts as accepted: throttled, failed and dropped sends leave no message', async () => {
		emu = await startEmulator({
			numbers: [TEST_NUMBER],
			statusSequence: [],
			recipientFaults: plan,
		});
		const outcomes = Object.values(await outcomesByRecipient(recipients, 6)).flat();
		expect(emu.sent).toHaveLength(outcomes.filter((status) => status === 200).length);
		expect(emu.requests.filter((request) => request.dropped)).toHaveLength(
			outcomes.filter((status) => status === 'dropped').length,
		);
	});

	test('an injected draw picks the fate of each attempt; a throttle carries its Retry-After', async () => {
		const draws: Array<[string, number]> = [];
		emu = await startEmulator({
			numbers: [TEST_NUMBER],
			statusSequence: [],
			recipientFaults: {
				throttleRatio: 0.3,
				failureRatio: 0.3,
				dropRatio: 0.3,
				retryAfterSeconds: 2,
				// drop, fail, throttle, then through
				draw: (recipient, attempt) => (
					draws.push([recipient, attempt]),
					[0.1, 0.4, 0.7, 0.95][attempt - 1]
				),
			},
		});
		const to = '4915100000001';
		expect(await outcome(to, 'a')).toBe('dropped');
		expect(await outcome(to, 'a')).toBe(500);
		const throttled = await sendMessage(emu, text(to, 'a'));
		expect(throttled.status).toBe(429);
		expect(throttled.headers.get('retry-after')).toBe('2');
		expect(throttled.json.error.code).toBe(130429);
		expect(await outcome(to, 'a')).toBe(200);
		expect(draws).toEqual([1, 2, 3, 4].map((attempt) => [to, attempt]));
		expect(emu.sent.map((sent) => sent.request.text.body)).toEqual(['a']);
	});

	test('bad plans are refused with the field named', async () => {
		await expect(
			startEmulator({ recipientFaults: { throttleRatio: 0.6, failureRatio: 0.6 } }),
		).rejects.toThrow(/add up to more than 1/);
		await expect(startEmulator({ recipientFaults: { dropRatio: 2 } })).rejects.toThrow(
			/recipientFaults.dropRatio must be a number between 0 and 1/,
		);
		emu = await startEmulator();
	});
});
