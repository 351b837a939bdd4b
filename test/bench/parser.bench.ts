/**
 * The pure webhook path: parsing envelopes and remembering ids, and the trigger's whole `webhook()` call through
 * n8n-core, in-process. Reference figures: the costs the receive table's answer times are made of.
 */
import { parseWebhook, RecentIds } from '../../nodes/shared/whatsapp/webhook';
import { contact, envelope, inboundText, statusEvent } from '../helpers/envelopes';
import { createTriggerHarness } from '../helpers/trigger';
import { startWebhookConfigServer } from '../helpers/webhookConfigServer';
import { summarize } from './report';
import { Table } from './support/verdict';

const table = new Table('The webhook path in-process (no HTTP, no n8n process)', {
	order: 50,
	measures: [
		'The trigger’s pure parts, timed in the bench’s own process: parseWebhook over an envelope of 3 messages and 2',
		'statuses and over one of 1,000 + 1,000; RecentIds (the redelivery memory) taking 200,000 ids into a 50,000',
		'bound; and the trigger’s whole webhook() call through n8n-core (3,000 calls, the first 500 left out as',
		'warm-up).',
	].join(' '),
	verdicts:
		'None: these rows are references, the costs that the receive table’s answer times are made of.',
});

function report(name: string, figures: Record<string, number>) {
	table.add({ name, figures, target: '', verdict: '' });
}

function envelopeOf(tag: string, messages = 3, statuses = 2) {
	return envelope({
		contacts: [contact('Jane', '4915112345678')],
		messages: Array.from({ length: messages }, (_, i) =>
			inboundText(`wamid.${tag}.${i}`, '4915112345678', `message ${i}`),
		),
		statuses: Array.from({ length: statuses }, (_, i) =>
			statusEvent(`wamid.${tag}.s${i}`, 'delivered', {
				conversation: { id: 'c1', origin: { type: 'service' } },
				pricing: { billable: false, pricing_model: 'PMP', category: 'service' },
			}),
		),
	});
}

function time(iterations: number, run: (i: number) => void): number {
	const started = process.hrtime.bigint();
	for (let i = 0; i < iterations; i++) run(i);
	return Number(process.hrtime.bigint() - started) / 1e6;
}

test('webhook parsing, redelivery memory and the trigger call', async () => {
	const small = JSON.stringify(envelopeOf('small'));
	const large = JSON.stringify(envelopeOf('large', 1000, 1000));
	time(2000, () => parseWebhook(small));
	const smallMs = time(20_000, () => parseWebhook(small));
	report('parseWebhook, 3 messages + 2 statuses (JSON text)', {
		'µs per envelope': (smallMs / 20_000) * 1000,
		'envelopes/s': Math.round(20_000 / (smallMs / 1000)),
	});
	const largeMs = time(20, () => parseWebhook(large)) / 20;
	report('parseWebhook, 1,000 messages + 1,000 statuses', {
		'ms per envelope': largeMs,
		'items/ms': 2000 / largeMs,
	});

	global.gc?.();
	const heapBefore = process.memoryUsage().heapUsed;
	const recent = new RecentIds(50_000, 7 * 24 * 3600 * 1000);
	const insertMs = time(200_000, (i) =>
		recent.seen(`m:100000000000001:wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA${i}`),
	);
	global.gc?.();
	const heapAfter = process.memoryUsage().heapUsed;
	report('RecentIds, 200,000 ids into a 50,000 bound', {
		'µs per id': (insertMs / 200_000) * 1000,
		'ids kept': recent.size,
		'heap MB': (heapAfter - heapBefore) / 1024 / 1024,
		'bytes per id': Math.round((heapAfter - heapBefore) / recent.size),
	});
	expect(recent.size).toBe(50_000);

	const server = await startWebhookConfigServer();
	try {
		const trigger = await createTriggerHarness({ baseUrl: server.url, nodeId: 'bench-trigger' });
		await trigger.activate();
		const headers = { 'X-N8n-Webhook-Secret': server.config.headers!['X-N8n-Webhook-Secret'] };
		const samples: number[] = [];
		for (let i = 0; i < 3000; i++) {
			const body = envelopeOf(`call${i}`);
			const started = process.hrtime.bigint();
			const result = await trigger.deliver({ headers, body });
			samples.push(Number(process.hrtime.bigint() - started) / 1e6);
			expect(result.outputs?.[0]).toHaveLength(3);
		}
		const figures = summarize(samples.slice(500));
		report('trigger webhook() through n8n-core, 3+2 items', {
			'p50 ms': figures.p50,
			'p99 ms': figures.p99,
			'max ms': figures.max,
		});
	} finally {
		await server.close();
	}
	table.print();
}, 120_000);
