/**
 * Receiving inside a real n8n: one-text webhook posts at a fixed rate (10 / 25 / 50 per second, for a bounded
 * time each) to n8n's own Webhook node (plain, and with the recommended settings also with Header Auth on the
 * secret header, as the trigger checks it) and to the 360dialog Trigger, each followed by a No Operation node, in
 * the same n8n, in one stream that takes turns between them post by post so that all see the same machine:
 * answer p50 / p99, errors, and executions started against deliveries accepted. Run with n8n's defaults (trigger
 * typeVersion 1), with the recommended settings (lazy isolate acquisition, the newest trigger version), and in
 * queue mode when the test kit can bring one up.
 */
import { randomBytes } from 'node:crypto';

import { VERIFICATION_HEADER } from '../../nodes/Dialog360Trigger/webhookSecret';
import type { Emulator } from '../../emulator';
import { hasQueueMode, newestTriggerVersion } from './support/features';
import { postAtRate, postGroupsAtRate, type LoadResult, type Post } from './support/load';
import { settledExecutionCount, startStack, type Rest } from './support/runs';
import { activateCoreWebhook, activateTrigger, oneTextBody } from './support/trigger';
import { check, Table } from './support/verdict';
import { coreWebhookWorkflow, triggerWorkflow } from './support/workflows';

const RATES = (process.env.N8N360_BENCH_RATES ?? '10,25,50').split(',').map(Number);
const SECONDS = Number(process.env.N8N360_BENCH_RECEIVE_SECONDS ?? 10);
/**
 * Each node gets at least this many measured posts at each rate with the recommended settings (more at a higher
 * rate: rate × SECONDS). The p99 of 300 answers is the third slowest, which the few posts that met a pause of the
 * machine set: in two runs of the same code at 10/s the trigger's p99 was 27 and 21 ms, the Webhook node's 22 and
 * 23, while the distributions of all 600 answers of each node at 10 and 25/s lay within 0.5 ms of each other from
 * p10 to p90. The p99 of 900 is the ninth slowest, set by pauses that both nodes share.
 */
const MIN_POSTS = Number(process.env.N8N360_BENCH_RECEIVE_MIN_POSTS ?? 900);
/**
 * n8n's defaults are shown for reference, not judged on speed: at 25 and 50/s they back up by seconds, and more
 * posts would only lengthen the backlog.
 */
const REFERENCE_MIN_POSTS = Number(process.env.N8N360_BENCH_RECEIVE_REFERENCE_MIN_POSTS ?? 300);
const POST_TIMEOUT_MS = 60_000;
/**
 * Each rate's posts go to the nodes in one stream that switches target every this many posts (the order turning
 * by one each time), so that all are measured on the same machine at the same moments:
 * a pause in n8n or on the machine delays both alike. Measured in slices of a second or more, the p99 of either
 * node moved by tens of milliseconds from run to run with whichever slice met such a pause.
 */
const SLICE_POSTS = Number(process.env.N8N360_BENCH_RECEIVE_SLICE_POSTS ?? 1);
const P99_TARGET_MS = 80;
const CORE = 'n8n Webhook node';
const CORE_SECURED = 'n8n Webhook node with Header Auth';
/**
 * For the header the trigger registers its secret in (360dialog sends it back with every delivery), n8n's Webhook
 * node checks the same kind of secret with Header Auth: what a user of that node needs so that a forged post starts
 * nothing, as the trigger does. A workflow with a credential costs n8n a permission check before each execution is
 * started (and the delivery answered), a database query that a workflow without one skips (README "Running at
 * scale").
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
	`Receiving one-text webhooks inside n8n 2.41.1, at least ${MIN_POSTS} posts to each node at each rate with the recommended settings (${REFERENCE_MIN_POSTS} with n8n's defaults; rate × ${SECONDS} s when more), the nodes taking turns post by post (→ No Operation)`,
);

const figuresOf = (load: LoadResult | undefined, executions: number | undefined) => ({
	p50: load && `${Math.round(load.p50)} ms`,
	p99: load && `${Math.round(load.p99)} ms`,
	errors: load?.errors,
	executions: load && executions !== undefined ? `${executions}/${load.accepted}` : undefined,
});

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
		const kinds = [
			CORE,
			...(setup.recommended ? [CORE_SECURED] : []),
			`360dialog Trigger v${setup.triggerVersion}`,
		];
		if (!setup.start) {
			for (const rate of RATES)
				for (const kind of kinds)
					table.add({
						name: `${setup.name}: ${kind}, ${rate}/s`,
						figures: figuresOf(undefined, undefined),
						target: '',
						verdict: 'n/a',
						note: setup.missing,
					});
			return;
		}
		const tagOf = setup.recommended ? 'rec' : 'def';
		const core = coreWebhookWorkflow(`bench-${tagOf}`);
		const secured = setup.recommended
			? coreWebhookWorkflow(`bench-${tagOf}-secret`, {
					id: SECRET_HEADER_CREDENTIAL.id,
					name: SECRET_HEADER_CREDENTIAL.name,
				})
			: undefined;
		const trigger = triggerWorkflow(`v${setup.triggerVersion}`, setup.triggerVersion);
		const running = await setup.start([core, ...(secured ? [secured] : []), trigger]);
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
			const targets: Target[] = [
				{ kind: CORE, workflowId: core.id, url: await live(core) },
				...(secured
					? [
							{
								kind: CORE_SECURED,
								workflowId: secured.id,
								url: await live(secured),
								headers: { [VERIFICATION_HEADER]: SECRET_HEADER_CREDENTIAL.data.value },
							},
						]
					: []),
				{ kind: kinds[kinds.length - 1], workflowId: trigger.id, ...hook },
			];
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
				const count = Math.max(setup.recommended ? MIN_POSTS : REFERENCE_MIN_POSTS, rate * SECONDS);
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
						name: `${setup.name}: ${targets[index].kind}, ${rate}/s`,
						figures: figuresOf(run.load, run.executions),
						target: '',
						verdict: '',
					});
				// The trigger is held to the Webhook node that, like it, answers only posts carrying the secret
				// (with n8n's defaults, to the plain one: there the figures are for reference only). At 50/s the p99
				// must be within 80 ms, unless n8n's own node cannot do that on this machine: then the trigger is held
				// to the Webhook node's figure, with the same allowance for noise as everywhere.
				const baseline = runs[runs.length - 2];
				const baselineKind = targets[targets.length - 2].kind;
				const coreMeets = baseline.load.p99 <= P99_TARGET_MS;
				const complete =
					triggerRun.load.errors === 0 && triggerRun.executions === triggerRun.load.accepted;
				const fast =
					noWorse(triggerRun.load.p50, baseline.load.p50) &&
					noWorse(triggerRun.load.p99, baseline.load.p99) &&
					(rate !== 50 || !coreMeets || triggerRun.load.p99 <= P99_TARGET_MS);
				table.add({
					name: `${setup.name}: ${targets[targets.length - 1].kind}, ${rate}/s`,
					figures: figuresOf(triggerRun.load, triggerRun.executions),
					target: setup.recommended
						? `p50/p99 no worse than the ${baselineKind}${rate === 50 ? (coreMeets ? `, p99 ≤ ${P99_TARGET_MS} ms` : ` (p99 ≤ ${P99_TARGET_MS} ms: not met by that node here)`) : ''}, no errors, executions = accepted`
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
	1_800_000,
);

afterAll(() => table.print());
