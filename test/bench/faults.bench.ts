/**
 * Sending under trouble and at volume, inside a real n8n: texts against an emulator that answers 10 % of
 * sends 429, 5 % 500 and drops 3 % of connections before processing them (chosen per recipient and attempt when
 * the emulator can), every message to be accepted exactly once; and the memory a 10,000-item send adds to n8n,
 * beside what n8n itself keeps for the same 10,000 items.
 */
import { hasSendRateCap } from './support/features';
import { runToEnd, sampleRss, rssMb, startStack } from './support/runs';
import { scaled } from './support/scale';
import { markEmulator, sendFigures } from './support/sendRuns';
import { check, Table } from './support/verdict';
import { itemsOnlyWorkflow, sendWorkflow, thisPackageSender } from './support/workflows';

const FAULT_COUNT = Number(process.env.N8N360_BENCH_FAULT_COUNT ?? scaled(500));
const MEMORY_COUNT = Number(process.env.N8N360_BENCH_MEMORY_COUNT ?? 10_000);
const MEMORY_TARGET_MB = 200;
const FAULTS = { throttleRatio: 0.1, failureRatio: 0.05, dropRatio: 0.03 };

const table = new Table('Faults and memory inside n8n', {
	order: 40,
	measures: [
		`${FAULT_COUNT.toLocaleString('en-US')} texts at Concurrency 20 against an emulator that answers 10 % of`,
		'sends 429, 5 % 500 and drops 3 % of connections before processing them, chosen per recipient and attempt',
		'with a fixed seed (the same faults in every run). Then the resident memory the n8n process adds while it',
		`sends ${MEMORY_COUNT.toLocaleString('en-US')} texts at Concurrency 50, beside what n8n itself adds for the same`,
		'number of items (Code → No Operation).',
	].join(' '),
	verdicts: [
		'Faults: every text accepted exactly once and the run successful: a count, held exactly. Memory: n8n first',
		'holds the same number of items itself (its figure is printed); the send may then add at most',
		`${MEMORY_TARGET_MB} MB to the resident size, a bound far from what the machine’s load moves.`,
	].join(' '),
});

test('fault run and the memory of a 10,000-item send', async () => {
	const capAvailable = hasSendRateCap();
	const uncapped = capAvailable ? 0 : undefined;
	const faultRun = sendWorkflow(
		'faults',
		FAULT_COUNT,
		thisPackageSender({ concurrency: 20, messagesPerSecond: uncapped }),
	);
	const warmUp = sendWorkflow(
		'memwarm',
		200,
		thisPackageSender({ concurrency: 50, messagesPerSecond: uncapped }),
	);
	const bigSend = sendWorkflow(
		'memory',
		MEMORY_COUNT,
		thisPackageSender({ concurrency: 50, messagesPerSecond: uncapped }),
	);
	const itemsOnly = itemsOnlyWorkflow('memitems', MEMORY_COUNT);
	const stack = await startStack({
		workflows: [faultRun, warmUp, bigSend, itemsOnly],
		emulatorOptions: { maxRecords: 100_000, statusSequence: [] },
	});
	const emulator = stack.emulator!;
	try {
		// Per recipient and attempt when the emulator offers it (the same faults every run); otherwise its
		// per-call ratios, which have no throttled share.
		const perRecipient = 'recipientFaults' in emulator.options;
		emulator.setOptions(
			(perRecipient
				? { latencyMs: 50, recipientFaults: { ...FAULTS, seed: 7 } }
				: {
						latencyMs: 50,
						failureRatio: FAULTS.failureRatio,
						dropRatio: FAULTS.dropRatio,
					}) as never,
		);
		const mark = markEmulator(emulator);
		const run = await runToEnd(stack.rest, faultRun.id, 600_000);
		const figures = sendFigures(emulator, mark);
		const calls = emulator.requests
			.slice(mark.requests)
			.filter((call) => /\/messages\/?$/.test(call.path));
		table.add({
			name: `${FAULT_COUNT.toLocaleString('en-US')} texts, Concurrency 20, ${perRecipient ? '10 % 429, 5 % 500, 3 % dropped' : '5 % 500, 3 % dropped (no 429 share in this emulator)'}`,
			figures: {
				'accepted once': `${figures.acceptedOnce}/${FAULT_COUNT}`,
				'sent twice': figures.duplicates,
				'HTTP 429': figures.throttled,
				'HTTP 500': calls.filter((call) => call.status === 500).length,
				dropped: calls.filter((call) => call.dropped).length,
				'msg/s': figures.rate,
				run: run.status,
			},
			target: `${FAULT_COUNT.toLocaleString('en-US')} accepted exactly once`,
			verdict: perRecipient
				? check(
						figures.acceptedOnce === FAULT_COUNT &&
							figures.duplicates === 0 &&
							run.status === 'success',
					)
				: 'n/a',
			note: perRecipient
				? undefined
				: 'not available: the emulator cannot throttle a share of sends',
		});

		emulator.setOptions(
			(perRecipient
				? { latencyMs: 0, recipientFaults: null }
				: { latencyMs: 0, failureRatio: 0, dropRatio: 0 }) as never,
		);
		await runToEnd(stack.rest, warmUp.id, 120_000);
		const memoryOf = async (workflowId: string) => {
			global.gc?.();
			const before = rssMb(stack.n8n.pid);
			const sampler = sampleRss(stack.n8n.pid);
			// The sampler stops whatever happens: a run that throws must not leave its loop keeping jest alive.
			const finished = await runToEnd(stack.rest, workflowId, 600_000).catch(async (error) => {
				await sampler.stop();
				throw error;
			});
			return {
				delta: (await sampler.stop()) - before,
				before,
				status: finished.status,
				seconds: finished.seconds,
			};
		};
		// n8n first holds the same items itself, so that the send's figure is what the node adds beyond the memory
		// n8n needs for that many items anyway (a resident size seldom shrinks: measured the other way round, the
		// first run carries n8n's own growth).
		const items = await memoryOf(itemsOnly.id);
		const send = await memoryOf(bigSend.id);
		table.add({
			name: `n8n alone: ${MEMORY_COUNT.toLocaleString('en-US')} items (Code → No Operation)`,
			figures: { 'RSS delta': `${Math.round(items.delta)} MB`, run: items.status },
			target: '',
			verdict: '',
		});
		table.add({
			name: `this package: ${MEMORY_COUNT.toLocaleString('en-US')} texts, Concurrency 50`,
			figures: {
				'RSS delta': `${Math.round(send.delta)} MB`,
				'n8n RSS before': `${Math.round(send.before)} MB`,
				seconds: send.seconds,
				run: send.status,
			},
			target: `≤ ${MEMORY_TARGET_MB} MB more`,
			verdict: check(send.status === 'success' && send.delta <= MEMORY_TARGET_MB),
		});
	} finally {
		await stack.stop();
		table.print();
	}
}, 1_500_000);
