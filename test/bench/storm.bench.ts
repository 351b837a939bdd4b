/**
 * The status storm: a bulk send from n8n through the emulator, whose sent / delivered / read webhooks pour back into
 * an active 360dialog Trigger with its default filters in the same n8n, with the recommended settings, in regular
 * mode and in queue mode (one worker and one webhook processor, what 2 cores carry; with N8N360_BENCH_FULL=1 also two
 * webhook processors behind a balancer, whose rows carry no verdict). Reports the trigger's answer times as the
 * emulator saw them, the deliveries it had to retry, the executions started, and the status items lost or run twice.
 */
import { hasQueueMode, hasSendRateCap, newestTriggerVersion } from './support/features';
import { itemsOfExecutions, lostAndTwice } from './support/executions';
import { summarize } from './report';
import { runToEnd, settledExecutionCount, startStack } from './support/runs';
import { FULL_RUN, scaled } from './support/scale';
import { activateTrigger } from './support/trigger';
import { check, Table } from './support/verdict';
import { recipient, sendWorkflow, thisPackageSender, triggerWorkflow } from './support/workflows';

const COUNT = Number(process.env.N8N360_BENCH_STORM_COUNT ?? scaled(500));
/** Webhook posts the emulator keeps in flight at once, as the platform does when statuses pile up. */
const WEBHOOK_CONCURRENCY = 16;
/** The emulator, as the platform, posts a delivery again when its answer fails or takes longer than this. */
const RETRY_AFTER_S = 5;
/** The statuses the trigger's default filter passes: version 1 leaves out "sent", version 2 takes every status. */
const wantedStatuses = (version: number) =>
	version >= 2 ? ['sent', 'delivered', 'read'] : ['delivered', 'read'];

const table = new Table('The storm: a bulk send, its status webhooks into the trigger', {
	order: 30,
	measures: [
		`${COUNT.toLocaleString('en-US')} texts sent at 80 per second (the account's default rate) from a workflow in`,
		'n8n; their sent / delivered / read webhooks (three per text) are posted by the emulator',
		`${WEBHOOK_CONCURRENCY} at a time, as the platform does when they pile up, into an active trigger with its`,
		'default filters in the same n8n, with the recommended settings: in regular mode and in queue mode with one',
		'worker and one webhook processor (what 2 cores carry; N8N360_BENCH_FULL=1 adds two webhook processors behind',
		'a balancer, printed for comparison without verdicts). Figures: the answer times as the emulator saw them,',
		'the deliveries it had to post again, the executions started, and the status items of those executions',
		'against the statuses sent.',
	].join(' '),
	verdicts: [
		'What must hold whatever the machine: one execution per delivery the filters pass, and every status in',
		'exactly one execution, nothing lost and nothing run twice, also when the emulator, as the platform, posted',
		`a delivery again because its answer took over ${RETRY_AFTER_S} s. These are counts, held exactly. The answer`,
		`times and those redeliveries are set by the ${WEBHOOK_CONCURRENCY} deliveries queued at once times the`,
		'machine’s speed (on a machine whose other processes take most of the CPU an answer passes 5 s), so they',
		'are printed for reference: the receive table holds the trigger’s answer times to n8n’s own node.',
	].join(' '),
});

interface StormSetup {
	mode: 'regular' | 'queue';
	webhookProcessors?: number;
	/** Printed beside the others without a verdict. */
	comparison?: boolean;
}

const SETUPS: StormSetup[] = [
	{ mode: 'regular' },
	...(hasQueueMode()
		? [
				{ mode: 'queue' as const, webhookProcessors: 1 },
				...(FULL_RUN ? [{ mode: 'queue' as const, webhookProcessors: 2, comparison: true }] : []),
			]
		: []),
];

test.each(SETUPS)(
	'status webhooks of a bulk send, into an active trigger (%j)',
	async ({ mode, webhookProcessors, comparison }) => {
		const capAvailable = hasSendRateCap();
		const version = newestTriggerVersion();
		const WANTED = wantedStatuses(version);
		// With the node's cap, the account's default rate; without it, Concurrency 4 against 50 ms comes close (≈ 75/s).
		const sender = capAvailable
			? thisPackageSender({ concurrency: 20, messagesPerSecond: 80 })
			: thisPackageSender({ concurrency: 4 });
		const send = sendWorkflow('storm', COUNT, sender);
		const trigger = triggerWorkflow('storm', version);
		const stack = await startStack({
			mode,
			...(mode === 'queue' ? { workers: 1, webhookProcessors } : {}),
			workflows: [send, trigger],
			recommended: true,
			emulatorOptions: {
				maxRecords: 100_000,
				latencyMs: capAvailable ? 0 : 50,
				webhookConcurrency: WEBHOOK_CONCURRENCY,
			},
		});
		const emulator = stack.emulator!;
		try {
			for (let i = 0; i < COUNT; i++)
				emulator.setContactWindow({ waId: recipient(i), lastInboundHoursAgo: 1 });
			await activateTrigger(stack.rest, emulator, trigger.id, trigger.nodes[0].webhookId as string);
			const sentBefore = emulator.sent.length;
			const deliveriesBefore = emulator.deliveries.length;

			const phase = (name: string) =>
				process.stdout.write(`  storm: ${name} at ${new Date().toISOString()}\n`);
			phase('send starts');
			const run = await runToEnd(stack.rest, send.id, 600_000);
			phase('send ended');
			const sent = emulator.sent.slice(sentBefore);
			const events = sent.length * 3;
			const done = () => {
				const finished = new Set<number>();
				for (const delivery of emulator.deliveries.slice(deliveriesBefore))
					if (delivery.ok || delivery.gaveUp) finished.add(delivery.eventId);
				return finished.size >= events ? finished.size : undefined;
			};
			await emulator
				.waitFor(done, {
					timeoutMs: 600_000,
					intervalMs: 500,
					description: 'every status webhook delivered or given up',
				})
				.catch(() => undefined);
			phase('webhooks delivered');
			const deliveries = emulator.deliveries.slice(deliveriesBefore);
			const answers = summarize(deliveries.map((delivery) => delivery.durationMs));
			const retried = new Set(
				deliveries.filter((delivery) => delivery.attempt > 1).map((d) => d.eventId),
			).size;
			const gaveUp = deliveries.filter((delivery) => delivery.gaveUp).length;
			const slow = deliveries.filter((delivery) => delivery.durationMs > 1000).length;

			const wanted = sent.length * WANTED.length;
			const executions = await settledExecutionCount(stack.rest, trigger.id, {
				expected: wanted,
				timeoutMs: 180_000,
			});
			phase('executions settled');
			const { items } = await itemsOfExecutions(stack.rest, trigger.id, '360dialog Trigger', 1);
			const expected = sent.flatMap((message) => WANTED.map((status) => `${message.id}/${status}`));
			const seen = items.map((item) => `${item.messageId}/${item.status}`);
			const { lost, twice, unexpected } = lostAndTwice(expected, seen);

			const processors =
				webhookProcessors === 1 ? '1 webhook processor' : `${webhookProcessors} webhook processors`;
			const label = mode === 'queue' ? `queue mode (1 worker, ${processors})` : 'regular mode';
			const setup = `${label}, trigger v${version}, lazy acquire, ${WEBHOOK_CONCURRENCY} webhooks in flight`;
			/** The comparison run prints its figures against the same target, without a verdict. */
			const verdict = (passed: boolean) => (comparison ? '' : check(passed));
			const target = (text: string) => (comparison ? `for comparison: ${text}` : text);
			const rate = capAvailable ? 'cap 80/s' : 'Concurrency 4 at 50 ms, no cap in this build';
			table.add({
				name: `${label}: send (${rate})`,
				figures: { accepted: `${sent.length}/${COUNT}`, seconds: run.seconds, run: run.status },
				target: '',
				verdict: '',
			});
			table.add({
				name: `answers to ${deliveries.length.toLocaleString('en-US')} webhook posts (${setup})`,
				figures: {
					p50: `${Math.round(answers.p50)} ms`,
					p99: `${Math.round(answers.p99)} ms`,
					max: `${Math.round(answers.max)} ms`,
					'over 1 s': slow,
				},
				target: '',
				verdict: '',
			});
			table.add({
				name: `${label}: deliveries the emulator had to retry`,
				figures: { retried, 'given up': gaveUp },
				target: '',
				verdict: '',
				note: `posted again when an answer failed or took over ${RETRY_AFTER_S} s`,
			});
			table.add({
				name: `${label}: executions started (statuses ${WANTED.join(' + ')} wanted${version >= 2 ? '' : '; "sent" filtered'})`,
				figures: { executions: `${executions}/${wanted}` },
				target: target('one per wanted delivery'),
				verdict: verdict(executions === wanted),
			});
			table.add({
				name: `${label}: status items lost / run twice`,
				figures: { lost, 'run twice': twice, unexpected },
				target: target('nothing lost, nothing run twice'),
				verdict: verdict(sent.length === COUNT && lost === 0 && twice === 0),
			});
		} finally {
			await stack.stop();
		}
	},
	1_500_000,
);

afterAll(() => table.print());
