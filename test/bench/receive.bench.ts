/**
 * Receiving inside a real n8n: one-text webhook posts at a fixed rate (10 / 25 / 50 per second, for a bounded
 * time each) to n8n's own Webhook node and to the 360dialog Trigger, each followed by a No Operation node, in
 * the same n8n, in one stream that alternates between them post by post so that both see the same machine:
 * answer p50 / p99, errors, and executions started against deliveries accepted. Run with n8n's defaults (trigger
 * typeVersion 1), with the recommended settings (lazy isolate acquisition, the newest trigger version), and in
 * queue mode when the test kit can bring one up.
 */
import type { Emulator } from '../emulator';
import { hasQueueMode, newestTriggerVersion } from './support/features';
import { postAtRate, postGroupsAtRate, type LoadResult, type Post } from './support/load';
import { settledExecutionCount, startStack, type Rest } from './support/runs';
import { activateCoreWebhook, activateTrigger, oneTextBody } from './support/trigger';
import { check, Table } from './support/verdict';
import { coreWebhookWorkflow, triggerWorkflow } from './support/workflows';

const RATES = (process.env.N8N360_BENCH_RATES ?? '10,25,50').split(',').map(Number);
const SECONDS = Number(process.env.N8N360_BENCH_RECEIVE_SECONDS ?? 10);
/**
 * Each node gets at least this many measured posts at each rate (more at a higher rate: rate × SECONDS). A p99 of
 * 100 answers, 10/s for 10 s, is the slowest answer or next to it; of 300 it is the third or fourth slowest, which
 * one pause on the machine no longer sets alone.
 */
const MIN_POSTS = Number(process.env.N8N360_BENCH_RECEIVE_MIN_POSTS ?? 300);
const POST_TIMEOUT_MS = 60_000;
/**
 * Each rate's posts go to the two nodes in one stream that switches target every this many posts (Webhook node
 * then trigger, then the other way round), so that both are measured on the same machine at the same moments:
 * a pause in n8n or on the machine delays both alike. Measured in slices of a second or more, the p99 of either
 * node moved by tens of milliseconds from run to run with whichever slice met such a pause.
 */
const SLICE_POSTS = Number(process.env.N8N360_BENCH_RECEIVE_SLICE_POSTS ?? 1);
const P99_TARGET_MS = 80;
/** "No worse than n8n's own node" allows this much measurement noise: 10 %, at least 3 ms. */
const noWorse = (ours: number, theirs: number) => ours <= Math.max(theirs * 1.1, theirs + 3);

interface Running {
	rest: Rest;
	emulator: Emulator;
	/** Where production webhooks are served (main in regular mode, the webhook processor in queue mode). */
	webhookBase: string;
	stop(): Promise<void>;
}

interface Setup {
	name: string;
	/** Held to the targets (the recommended settings); the defaults are shown for reference. */
	recommended: boolean;
	triggerVersion: number;
	/** Undefined: this build cannot bring the set-up up (its row prints n/a). */
	start?: (workflows: object[]) => Promise<Running>;
	missing?: string;
}

function starter(mode: 'regular' | 'queue', recommended: boolean) {
	return async (workflows: object[]): Promise<Running> => {
		const stack = await startStack({
			mode,
			recommended,
			// As the figures in the README: one worker and two webhook processors behind a balancer.
			...(mode === 'queue' ? { workers: 1, webhookProcessors: 2 } : {}),
			workflows,
			emulatorOptions: { statusSequence: [] },
		} as Parameters<typeof startStack>[0]);
		const { webhookUrl } = stack as unknown as { webhookUrl?: string };
		return {
			rest: stack.rest,
			emulator: stack.emulator!,
			webhookBase: webhookUrl ?? stack.n8n.url,
			stop: () => stack.stop(),
		};
	};
}

const newest = newestTriggerVersion();
const recommendedName = (mode: string) =>
	`${mode}, recommended (lazy acquire${mode === 'queue' ? ', PostgreSQL pool 10, 1 worker, 2 webhook processors' : ''}, trigger v${newest})`;
const SETUPS: Setup[] = [
	{
		name: 'regular, n8n defaults',
		recommended: false,
		triggerVersion: 1,
		start: starter('regular', false),
	},
	{
		name: recommendedName('regular'),
		recommended: true,
		triggerVersion: newest,
		start: starter('regular', true),
	},
	{
		name: recommendedName('queue'),
		recommended: true,
		triggerVersion: newest,
		start: hasQueueMode() ? starter('queue', true) : undefined,
		missing: 'not available: the test kit cannot start n8n in queue mode',
	},
];

const table = new Table(
	`Receiving one-text webhooks inside n8n 2.41.1, at least ${MIN_POSTS} posts to each node at each rate (rate × ${SECONDS} s), the two nodes alternating post by post (→ No Operation)`,
);

const figuresOf = (load: LoadResult | undefined, executions: number | undefined) => ({
	p50: load && `${Math.round(load.p50)} ms`,
	p99: load && `${Math.round(load.p99)} ms`,
	errors: load?.errors,
	executions: load && executions !== undefined ? `${executions}/${load.accepted}` : undefined,
});

/**
 * Posts to the Webhook node and to the trigger, `rate` posts a second into n8n in all, in one unbroken stream
 * whose target switches every slice (Webhook node, trigger, trigger, Webhook node, ...), so that both see the same
 * machine at the same moments; an unmeasured second of posts first, so that no measured post meets an idle n8n.
 * Then waits for their executions.
 */
async function measurePair(
	running: Running,
	sides: Array<{ workflowId: string; posts: Post[]; leadIn?: Post[] }>,
	rate: number,
) {
	const before = await Promise.all(
		sides.map((side) => running.rest.countExecutions(side.workflowId)),
	);
	const perSlice = Math.max(1, SLICE_POSTS);
	const stream: Post[] = sides.flatMap((side) =>
		(side.leadIn ?? []).map((post) => ({ ...post, group: 'lead-in' })),
	);
	const slices = Math.ceil(Math.max(...sides.map((side) => side.posts.length)) / perSlice);
	for (let slice = 0; slice < slices; slice++) {
		const order = slice % 2 === 0 ? [0, 1] : [1, 0];
		for (const index of order)
			stream.push(
				...sides[index].posts
					.slice(slice * perSlice, (slice + 1) * perSlice)
					.map((post) => ({ ...post, group: String(index) })),
			);
	}
	const loads = await postGroupsAtRate(stream, rate, { timeoutMs: POST_TIMEOUT_MS });
	return await Promise.all(
		sides.map(async (side, index) => {
			const load = loads.get(String(index))!;
			const leadIn = side.leadIn?.length ?? 0;
			const after = await settledExecutionCount(running.rest, side.workflowId, {
				expected: before[index] + load.accepted + leadIn,
				quietMs: 5000,
				timeoutMs: 90_000,
			});
			return { load, executions: after - before[index] - leadIn };
		}),
	);
}

test.each(SETUPS.map((setup) => [setup.name, setup] as const))(
	'webhook answers at fixed rates: %s',
	async (_name, setup) => {
		if (!setup.start) {
			for (const rate of RATES)
				for (const kind of ['n8n Webhook node', '360dialog Trigger'])
					table.add({
						name: `${setup.name}: ${kind}, ${rate}/s`,
						figures: figuresOf(undefined, undefined),
						target: '',
						verdict: 'n/a',
						note: setup.missing,
					});
			return;
		}
		const core = coreWebhookWorkflow(`bench-${setup.recommended ? 'rec' : 'def'}`);
		const trigger = triggerWorkflow(`v${setup.triggerVersion}`, setup.triggerVersion);
		const running = await setup.start([core, trigger]);
		try {
			const coreUrl = await activateCoreWebhook(
				running.rest,
				running.webhookBase,
				core.id,
				(core.nodes[0].parameters as { path: string }).path,
			);
			const hook = await activateTrigger(
				running.rest,
				running.emulator,
				trigger.id,
				trigger.nodes[0].webhookId as string,
			);
			// Warm-up: the first deliveries load code and fill caches in n8n.
			const warm = (tag: string) =>
				Array.from({ length: 20 }, (_, i) => ({ body: oneTextBody(`${tag}${i}`) }));
			await postAtRate(
				warm('warmcore').map((post) => ({ ...post, url: coreUrl })),
				10,
			);
			await postAtRate(
				warm('warmtrigger').map((post) => ({ ...post, url: hook.url, headers: hook.headers })),
				10,
			);
			// Every warm-up execution is counted before the measured posts start.
			for (const workflowId of [core.id, trigger.id])
				await settledExecutionCount(running.rest, workflowId, {
					expected: 20,
					quietMs: 3000,
					timeoutMs: 90_000,
				});

			for (const rate of RATES) {
				const count = Math.max(MIN_POSTS, rate * SECONDS);
				const tag = `${setup.recommended ? 'r' : 'd'}${setup.name.startsWith('queue') ? 'q' : ''}${rate}`;
				const [coreRun, triggerRun] = await measurePair(
					running,
					[
						{
							workflowId: core.id,
							posts: Array.from({ length: count }, (_, i) => ({
								url: coreUrl,
								body: oneTextBody(`${tag}c${i}`),
							})),
							leadIn: Array.from({ length: rate }, (_, i) => ({
								url: coreUrl,
								body: oneTextBody(`${tag}lead${i}`),
							})),
						},
						{
							workflowId: trigger.id,
							posts: Array.from({ length: count }, (_, i) => ({
								url: hook.url,
								headers: hook.headers,
								body: oneTextBody(`${tag}t${i}`),
							})),
						},
					],
					rate,
				);
				table.add({
					name: `${setup.name}: n8n Webhook node, ${rate}/s`,
					figures: figuresOf(coreRun.load, coreRun.executions),
					target: '',
					verdict: '',
				});
				// At 50/s the p99 must be within 80 ms, unless n8n's own node cannot do that on this machine: then the
				// trigger is held to the Webhook node's figure, with the same allowance for noise as everywhere.
				const coreMeets = coreRun.load.p99 <= P99_TARGET_MS;
				const complete =
					triggerRun.load.errors === 0 && triggerRun.executions === triggerRun.load.accepted;
				const fast =
					noWorse(triggerRun.load.p50, coreRun.load.p50) &&
					noWorse(triggerRun.load.p99, coreRun.load.p99) &&
					(rate !== 50 || !coreMeets || triggerRun.load.p99 <= P99_TARGET_MS);
				table.add({
					name: `${setup.name}: 360dialog Trigger v${setup.triggerVersion}, ${rate}/s`,
					figures: figuresOf(triggerRun.load, triggerRun.executions),
					target: setup.recommended
						? `p50/p99 no worse than the Webhook node${rate === 50 ? (coreMeets ? `, p99 ≤ ${P99_TARGET_MS} ms` : ` (p99 ≤ ${P99_TARGET_MS} ms: not met by the Webhook node here)`) : ''}, no errors, executions = accepted`
						: 'executions = accepted (reference: n8n defaults)',
					verdict: setup.recommended
						? check(fast && complete)
						: check(triggerRun.executions === triggerRun.load.accepted),
					note: triggerRun.load.errorSamples.length
						? triggerRun.load.errorSamples.join(', ')
						: undefined,
				});
			}
		} finally {
			await running.stop();
		}
	},
	1_200_000,
);

afterAll(() => table.print());
