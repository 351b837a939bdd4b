/**
 * Sending through the n8n engine against the emulator with 20 ms of latency per API call: how much the node's
 * concurrency buys, and what keeping per-recipient order costs.
 */
import { startEmulator, type Emulator } from '../emulator';
import { runActionNode } from '../helpers/engine';
import { printReport, report } from './report';

const ITEMS = 300;

async function sendAll(emulator: Emulator, concurrency: number, recipients: number) {
	const items = Array.from({ length: ITEMS }, (_, i) => ({
		json: { to: `+49151${String(1_000_000 + (i % recipients))}`, text: `message ${i}` },
	}));
	const rssBefore = process.memoryUsage().rss;
	const started = process.hrtime.bigint();
	const { items: output, error } = await runActionNode(
		{
			resource: 'message',
			operation: 'sendText',
			phoneNumber: '={{ $json.to }}',
			text: '={{ $json.text }}',
			concurrency,
		},
		items,
		{ baseUrl: emulator.url, apiKey: 'bench-key' },
	);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	expect(error('360dialog')).toBeUndefined();
	expect(output).toHaveLength(ITEMS);
	return {
		seconds,
		perSecond: ITEMS / seconds,
		rssMB: (process.memoryUsage().rss - rssBefore) / 1024 / 1024,
	};
}

test('send throughput by concurrency', async () => {
	const emulator = await startEmulator({
		numbers: [{ apiKey: 'bench-key' }],
		latencyMs: 20,
		statusSequence: [],
		maxRecords: 2000,
	});
	try {
		for (let i = 0; i < 300; i++)
			emulator.setContactWindow({ waId: `49151${1_000_000 + i}`, lastInboundHoursAgo: 1 });
		await sendAll(emulator, 5, 300);
		const sequential = await sendAll(emulator, 1, 300);
		report(`${ITEMS} texts, concurrency 1`, {
			itemsPerSecond: sequential.perSecond,
			seconds: sequential.seconds,
		});
		for (const concurrency of [5, 20]) {
			const run = await sendAll(emulator, concurrency, 300);
			report(`${ITEMS} texts, concurrency ${concurrency}, 300 recipients`, {
				itemsPerSecond: run.perSecond,
				speedupVsSequential: run.perSecond / sequential.perSecond,
				rssDeltaMB: run.rssMB,
			});
		}
		const sameRecipient = await sendAll(emulator, 20, 1);
		report(`${ITEMS} texts, concurrency 20, one recipient (in order)`, {
			itemsPerSecond: sameRecipient.perSecond,
			ratioToSequential: sameRecipient.perSecond / sequential.perSecond,
		});
	} finally {
		await emulator.close();
	}
	printReport('sending through the engine (emulator latency 20 ms)');
}, 300_000);
