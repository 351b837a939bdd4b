/**
 * Receiving inside a real n8n: one-text webhook posts at a fixed rate (10 / 25 / 50 per second into n8n in all) to
 * n8n's own Webhook node (plain, and with the recommended settings twice more with Header Auth on the secret header,
 * as the trigger checks it: an A/A pair) and to the 360dialog Trigger, each followed by a No Operation node, in the
 * same n8n, in one stream that takes turns between them post by post so that all see the same machine: answer p50 /
 * p99, errors, and executions started against deliveries accepted. Run with n8n's defaults (trigger typeVersion 1),
 * with the recommended settings (lazy isolate acquisition, the newest trigger version), and in queue mode when the
 * test kit can bring one up.
 */
import { randomBytes } from 'node:crypto';

import { VERIFICATION_HEADER } from '../../nodes/Dialog360Trigger/webhookSecret';
import type { Emulator } from '../../emulator';
import { NOISE_COVERAGE, NOISE_SPLITS, withinNoise } from './report';
import { hasQueueMode, newestTriggerVersion } from './support/features';
import { postAtRate, postGroupsAtRate, type LoadResult, type Post } from './support/load';
import { settledExecutionCount, startStack, type Rest } from './support/runs';
import { scaled } from './support/scale';
import { activateCoreWebhook, activateTrigger, oneTextBody } from './support/trigger';
import { check, Table } from './support/verdict';
import { coreWebhookWorkflow, triggerWorkflow } from './support/workflows';

const RATES = (process.env.N8N360_BENCH_RATES ?? '10,25,50').split(',').map(Number);
/**
 * Measured posts to each node at each rate with the recommended settings: enough for the noise band to be narrow,
 * few enough that the slowest rate ends in a minute. The band is measured, so fewer posts widen it rather than
 * making a verdict flip.
 */
const postsAt = (rate: number) => Math.min(scaled(200), rate * scaled(10));
/**
 * n8n's defaults are shown for reference, not judged on speed: at 25 and 50/s they back up by seconds, and more
 * posts would only lengthen the backlog.
 */
const REFERENCE_POSTS = scaled(50);
const POST_TIMEOUT_MS = 60_000;
/**
 * Each rate's posts go to the nodes in one stream that switches target every this many posts (the order turning
 * by one each time), so that all are measured on the same machine at the same moments:
 * a pause in n8n or on the machine delays all alike.
 */
const SLICE_POSTS = Number(process.env.N8N360_BENCH_RECEIVE_SLICE_POSTS ?? 1);
const CORE = 'n8n Webhook node';
const CORE_SECURED = 'n8n Webhook node with Header Auth';
/**
 * For the header the trigger registers its secret in (360dialog sends it back with every delivery), n8n's Webhook
 * node checks the same kind of secret with Header Auth: what a user of that node needs so that a forged post starts
 * nothing, as the trigger does. A workflow with a credential costs n8n a permission check before each execution is
 * started (and the delivery answered), a database query that a workflow without one skips.
 */
const SECRET_HEADER_CREDENTIAL = {
	id: 'BenchSecretHead1',
	name: 'bench: 360dialog secret header',
	type: 'httpHeaderAuth',
	data: { name: VERIFICATION_HEADER, value: randomBytes(32).toString('hex') },
};

interface Target {
	kind: string;
	workflowId: string;
	url: string;
	headers?: Record<string, string>;
}
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
			credentials: [SECRET_HEADER_CREDENTIAL],
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
const recommendedName = (mode: string) => `${mode}, recommended`;
const SETUPS: Setup[] = [
	{
		name: 'regular, defaults',
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
	'Receiving one-text webhooks inside n8n, the nodes taking turns post by post (→ No Operation)',
	{
		order: 20,
		measures: [
			'One-text webhook posts go into n8n at a fixed rate (10 / 25 / 50 per second in all, open loop: a post',
			'leaves on schedule whether or not earlier ones were answered, as deliveries arrive from 360dialog). The',
			'posts take turns, one by one, between the nodes under test in the same n8n, each → No Operation, after one',
			'unmeasured second of posts, so that a pause anywhere (a garbage collection in n8n, a database write, another',
			'process on the machine) delays all alike: n8n’s Webhook node; with the recommended settings also that node',
			'with Header Auth on the header the trigger’s secret comes in, twice (two workflows, A and A′); and the',
			`360dialog Trigger. With the recommended settings each node gets ${postsAt(10)} / ${postsAt(25)} / ${postsAt(50)}`,
			`measured posts at 10 / 25 / 50 per second; with n8n’s defaults ${REFERENCE_POSTS}. Set-ups: regular mode with`,
			'n8n’s defaults (trigger version 1), regular mode with the recommended settings',
			`(N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true, trigger version ${newestTriggerVersion()}), and queue mode with them (one`,
			'worker, two webhook processors behind a balancer, PostgreSQL pool 10). Figures: answer p50 / p99 as the',
			'poster saw them, errors, and executions started against posts accepted. A workflow with a credential costs',
			'n8n a database query before each execution: the plain Webhook node shows what that costs.',
		].join(' '),
		verdicts: [
			'With the recommended settings the trigger is held to n8n’s Webhook node with Header Auth, which like it',
			'answers only posts that carry the secret. At p50 and at p99 the baseline is the percentile of A and A′',
			'together; the trigger’s gap is its own percentile minus that baseline. The noise band is what the Webhook',
			'node shows against itself in the same stream: the larger of the gap between A and A′, and the gap that',
			`${NOISE_COVERAGE * 100} % of ${NOISE_SPLITS.toLocaleString('en-US')} random splits of their pooled answers`,
			'into two halves stay within. A post answered with an error, or not in time, counts as an answer at the',
			`time-out (${POST_TIMEOUT_MS / 1000} s). PASS when the gap is within the band at both percentiles (a trigger`,
			'faster than the baseline always is) and every accepted post started one execution. With',
			'n8n’s defaults the figures are references, and only the executions are judged. No verdict uses a fixed',
			'number of milliseconds: on a shared machine a p99 moves by tens of milliseconds from run to run, and the',
			'band moves with it.',
		].join(' '),
	},
);

const figuresOf = (load: LoadResult | undefined, executions: number | undefined) => ({
	p50: load && `${Math.round(load.p50)} ms`,
	p99: load && `${Math.round(load.p99)} ms`,
	errors: load?.errors,
	executions: load && executions !== undefined ? `${executions}/${load.accepted}` : undefined,
});

/** Every post's answer time, an error counted as an answer at the time-out: the slowest answer there is. */
const answersOf = (load: LoadResult) => [
	...load.samples,
	...Array.from({ length: load.errors }, () => POST_TIMEOUT_MS),
];

const ms = (value: number) => `${value >= 0 ? '+' : ''}${Math.round(value * 10) / 10} ms`;

/**
 * Posts to every target (the Webhook nodes and the trigger), `rate` posts a second into n8n in all, in one unbroken
 * stream whose target switches every slice, the order turning by one each slice (A B C, B C A, C A B, ...), so that
 * all see the same machine at the same moments; an unmeasured second of posts first, so that no measured post meets
 * an idle n8n. Then waits for their executions.
 */
async function measureTogether(
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
		for (let turn = 0; turn < sides.length; turn++) {
			const index = (slice + turn) % sides.length;
			stream.push(
				...sides[index].posts
					.slice(slice * perSlice, (slice + 1) * perSlice)
					.map((post) => ({ ...post, group: String(index) })),
			);
		}
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
		const triggerKind = `360dialog Trigger v${setup.triggerVersion}`;
		if (!setup.start) {
			for (const rate of RATES)
				table.add({
					name: `${setup.name}: ${triggerKind}, ${rate}/s`,
					figures: figuresOf(undefined, undefined),
					target: '',
					verdict: 'n/a',
					note: setup.missing,
				});
			return;
		}
		const tagOf = setup.recommended ? 'rec' : 'def';
		const secret = { id: SECRET_HEADER_CREDENTIAL.id, name: SECRET_HEADER_CREDENTIAL.name };
		const core = coreWebhookWorkflow(`bench-${tagOf}`);
		// The A/A pair: the same node twice, two workflows, so that each has its own executions to count.
		const pair = setup.recommended
			? [
					coreWebhookWorkflow(`bench-${tagOf}-secret-a`, secret),
					coreWebhookWorkflow(`bench-${tagOf}-secret-b`, secret),
				]
			: [];
		const trigger = triggerWorkflow(`v${setup.triggerVersion}`, setup.triggerVersion);
		const running = await setup.start([core, ...pair, trigger]);
		try {
			const live = async (workflow: typeof core) =>
				await activateCoreWebhook(
					running.rest,
					running.webhookBase,
					workflow.id,
					(workflow.nodes[0].parameters as { path: string }).path,
				);
			const hook = await activateTrigger(
				running.rest,
				running.emulator,
				trigger.id,
				trigger.nodes[0].webhookId as string,
			);
			const secretHeaders = { [VERIFICATION_HEADER]: SECRET_HEADER_CREDENTIAL.data.value };
			const targets: Target[] = [{ kind: CORE, workflowId: core.id, url: await live(core) }];
			for (const [index, workflow] of pair.entries())
				targets.push({
					kind: `${CORE_SECURED} ${index === 0 ? 'A' : 'A′'}`,
					workflowId: workflow.id,
					url: await live(workflow),
					headers: secretHeaders,
				});
			targets.push({ kind: triggerKind, workflowId: trigger.id, ...hook });
			// Warm-up: the first deliveries load code and fill caches in n8n.
			for (const [index, target] of targets.entries())
				await postAtRate(
					Array.from({ length: 20 }, (_, i) => ({
						url: target.url,
						headers: target.headers,
						body: oneTextBody(`warm${index}x${i}`),
					})),
					10,
				);
			// Every warm-up execution is counted before the measured posts start.
			for (const target of targets)
				await settledExecutionCount(running.rest, target.workflowId, {
					expected: 20,
					quietMs: 3000,
					timeoutMs: 90_000,
				});

			for (const rate of RATES) {
				const count = setup.recommended ? postsAt(rate) : REFERENCE_POSTS;
				const tag = `${setup.recommended ? 'r' : 'd'}${setup.name.startsWith('queue') ? 'q' : ''}${rate}`;
				const runs = await measureTogether(
					running,
					targets.map((target, index) => ({
						workflowId: target.workflowId,
						posts: Array.from({ length: count }, (_, i) => ({
							url: target.url,
							headers: target.headers,
							body: oneTextBody(`${tag}n${index}x${i}`),
						})),
						// One unmeasured second of posts, to the first target.
						leadIn:
							index === 0
								? Array.from({ length: rate }, (_, i) => ({
										url: target.url,
										body: oneTextBody(`${tag}lead${i}`),
									}))
								: undefined,
					})),
					rate,
				);
				const triggerRun = runs[runs.length - 1];
				for (const [index, run] of runs.slice(0, -1).entries())
					table.add({
						name: `${setup.name}: ${targets[index].kind}, ${rate}/s, ${count} posts`,
						figures: figuresOf(run.load, run.executions),
						target: '',
						verdict: '',
					});
				// A post that was not answered in time may still have started its execution.
				const complete =
					triggerRun.executions >= triggerRun.load.accepted &&
					triggerRun.executions <= triggerRun.load.sent;
				const name = `${setup.name}: ${triggerKind}, ${rate}/s, ${count} posts`;
				const errorNote = triggerRun.load.errorSamples.length
					? triggerRun.load.errorSamples.join(', ')
					: undefined;
				if (!setup.recommended) {
					table.add({
						name,
						figures: figuresOf(triggerRun.load, triggerRun.executions),
						target: 'executions = accepted (reference: n8n defaults)',
						verdict: check(triggerRun.executions === triggerRun.load.accepted),
						note: errorNote,
					});
					continue;
				}
				const [a, b] = runs.slice(1, 3).map((run) => answersOf(run.load));
				const answers = answersOf(triggerRun.load);
				const p50 = withinNoise(answers, a, b, 50);
				const p99 = withinNoise(answers, a, b, 99);
				table.add({
					name,
					figures: {
						...figuresOf(triggerRun.load, triggerRun.executions),
						'p50 gap': `${ms(p50.gap)} (band ${Math.round(p50.band * 10) / 10})`,
						'p99 gap': `${ms(p99.gap)} (band ${Math.round(p99.band * 10) / 10})`,
					},
					target: `p50 and p99 within the A/A band of the ${CORE_SECURED}, one execution per accepted post`,
					verdict: check(p50.holds && p99.holds && complete),
					note: [
						`baseline p50 ${Math.round(p50.baseline * 10) / 10} ms, p99 ${Math.round(p99.baseline)} ms; A/A gap p50 ${Math.round(p50.observed * 10) / 10}, p99 ${Math.round(p99.observed)} ms`,
						errorNote,
					]
						.filter(Boolean)
						.join('; '),
				});
			}
		} finally {
			await running.stop();
		}
	},
	1_800_000,
);

afterAll(() => table.print());
