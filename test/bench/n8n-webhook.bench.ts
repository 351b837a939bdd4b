/**
 * The trigger's answer time inside a real n8n, measured from outside over HTTP, while the echo bot answers every
 * message (typing indicator + reply to the emulator). The baseline is n8n's own Webhook node ("respond
 * immediately") in the same n8n: what n8n costs per webhook before any node runs. 360dialog's integration
 * guide asks for an answer within 80 ms; figures are printed with their ratios to both.
 */
import { readFileSync } from 'node:fs';

import { Agent, request } from 'undici';

import { delay, eventually } from '../helpers/wait';
import { printReport, report, summarize } from './report';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStack } = require('../e2e/support/stack') as typeof import('../e2e/support/stack');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadExample, ECHO_BOT } =
	require('../e2e/support/workflows') as typeof import('../e2e/support/workflows');

const TARGET_MS = 80;
const BASELINE = 'BenchBaseline001';
const TRIGGER_ONLY = 'BenchTrigger0001';
const JANE = '4915112345678';
const SEQUENTIAL = 200;
const WORKERS = 8;
const PER_WORKER = 50;

/** n8n's built-in Webhook node, answering at once: the floor every webhook in this n8n pays. */
const baselineWorkflow = {
	id: BASELINE,
	name: 'bench: n8n Webhook node',
	nodes: [
		{
			id: '0b5e1a7c-0000-4000-8000-00000000b001',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: '0b5e1a7c-0000-4000-8000-00000000b002',
			parameters: {
				httpMethod: 'POST',
				path: 'bench-baseline',
				responseMode: 'onReceived',
				options: {},
			},
		},
	],
	connections: {},
	settings: { executionOrder: 'v1' },
	pinData: {},
	active: false,
};

/** Resident memory of a process, from /proc (Linux). */
function rssMb(pid: number | undefined): number {
	try {
		const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
		return line ? Number(line[1]) / 1024 : NaN;
	} catch {
		return NaN;
	}
}

// n8n 2.41 evaluates expressions in a pool of isolates (default size 1). Every trigger but n8n's own Webhook node
// takes an isolate before its webhook() runs, and running executions hold them, so the pool size decides how long
// a delivery waits while workflows run. Measured as n8n ships, then with a larger pool.
test.each([
	['n8n defaults', {}],
	['N8N_EXPRESSION_ENGINE_POOL_SIZE=4', { N8N_EXPRESSION_ENGINE_POOL_SIZE: '4' }],
])(
	'answer time of the trigger inside n8n (%s)',
	async (configuration: string, n8nEnv: Record<string, string>) => {
		const echoBot = loadExample('echo-bot.json');
		// The trigger alone, with nothing after it: what the node itself adds to n8n's webhook handling.
		const triggerNode = {
			...echoBot.nodes.find((node: { type: string }) => node.type.endsWith('Trigger')),
			webhookId: '0b5e1a7c-0000-4000-8000-00000000b003',
		};
		const triggerOnly = {
			...echoBot,
			id: TRIGGER_ONLY,
			name: 'bench: 360dialog Trigger alone',
			nodes: [triggerNode],
			connections: {},
		};
		const stack = await startStack({
			workflows: [echoBot, triggerOnly, baselineWorkflow],
			emulatorOptions: { statusSequence: [] },
			n8nEnv,
		});
		const emulator = stack.emulator!;
		const dispatcher = new Agent({ connections: 16 });
		try {
			await stack.rest.activate(BASELINE);
			const post = async (target: string, body: string, headers: Record<string, string>) => {
				const started = process.hrtime.bigint();
				const answer = await request(target, {
					method: 'POST',
					body,
					headers: { 'content-type': 'application/json', ...headers },
					dispatcher,
				});
				await answer.body.dump();
				return { ms: Number(process.hrtime.bigint() - started) / 1e6, status: answer.statusCode };
			};
			const timed = async (
				count: number,
				run: (i: number) => Promise<{ ms: number; status: number }>,
				status: number,
			) => {
				const samples: number[] = [];
				for (let i = 0; i < count; i++) {
					const result = await run(i);
					expect(result.status).toBe(status);
					samples.push(result.ms);
				}
				return summarize(samples);
			};
			// A message the emulator has received (so the echo bot's typing indicator and reply are accepted), posted by us.
			let signedMessages = 0;
			const inbound = (tag: string) =>
				JSON.stringify(
					emulator.injectInbound({
						from: JANE,
						name: 'Jane',
						text: { body: `bench ${tag}` },
						deliver: false,
					}).envelope,
				);
			const replies = () => emulator.sent.filter((message) => message.type === 'text').length;
			const drain = () =>
				emulator.waitFor(() => replies() >= signedMessages, {
					timeoutMs: 180_000,
					intervalMs: 100,
					description: 'the echo bot answering every message',
				});

			const baselineUrl = `${stack.n8n.url}/webhook/bench-baseline`;
			// Activation finishes in the background; the production webhook answers 404 until it has.
			await eventually(
				async () => ((await post(baselineUrl, '{}', {})).status === 404 ? undefined : true),
				{ description: 'the Webhook node going live' },
			);
			await timed(30, () => post(baselineUrl, '{"hello":"world"}', {}), 200);
			const base = await timed(SEQUENTIAL, () => post(baselineUrl, '{"hello":"world"}', {}), 200);
			report(`n8n Webhook node alone, one at a time (${SEQUENTIAL})`, {
				p50Ms: base.p50,
				p95Ms: base.p95,
				p99Ms: base.p99,
			});

			let registered = await activateTrigger(stack, TRIGGER_ONLY, triggerNode.webhookId);
			await timed(30, (i) => post(registered.url, inbound(`warm${i}`), registered.signed), 200);
			const alone = await timed(
				SEQUENTIAL,
				(i) => post(registered.url, inbound(`alone${i}`), registered.signed),
				200,
			);
			report(`360dialog Trigger alone, one at a time (${SEQUENTIAL})`, {
				p50Ms: alone.p50,
				p95Ms: alone.p95,
				p99Ms: alone.p99,
				p50RatioToN8nWebhook: alone.p50 / base.p50,
				p99ShareOf80ms: alone.p99 / TARGET_MS,
			});
			await stack.rest.deactivate(TRIGGER_ONLY);

			registered = await activateTrigger(stack, ECHO_BOT, echoBot.nodes[0].webhookId);
			const { url, signed } = registered;
			const seq = await timed(
				SEQUENTIAL,
				(i) => {
					signedMessages++;
					return post(url, inbound(`seq${i}`), signed);
				},
				200,
			);
			report(`echo bot, one at a time (${SEQUENTIAL})`, {
				p50Ms: seq.p50,
				p95Ms: seq.p95,
				p99Ms: seq.p99,
				p50RatioToN8nWebhook: seq.p50 / base.p50,
				p99ShareOf80ms: seq.p99 / TARGET_MS,
			});
			await drain();

			const concurrent: number[] = [];
			const started = Date.now();
			await Promise.all(
				Array.from({ length: WORKERS }, async (_, worker) => {
					for (let i = 0; i < PER_WORKER; i++) {
						signedMessages++;
						const result = await post(url, inbound(`c${worker}.${i}`), signed);
						expect(result.status).toBe(200);
						concurrent.push(result.ms);
					}
				}),
			);
			const answeredIn = (Date.now() - started) / 1000;
			await drain();
			const con = summarize(concurrent);
			report(`echo bot, ${WORKERS} at a time (${WORKERS * PER_WORKER})`, {
				p50Ms: con.p50,
				p99Ms: con.p99,
				deliveriesPerSecond: (WORKERS * PER_WORKER) / answeredIn,
				repliesPerSecond: (WORKERS * PER_WORKER) / ((Date.now() - started) / 1000),
			});

			const repeated = inbound('repeated');
			signedMessages++;
			await post(url, repeated, signed);
			await drain();
			const dup = await timed(100, () => post(url, repeated, signed), 200);
			report('redelivered message (dropped, no execution)', {
				p50Ms: dup.p50,
				p99Ms: dup.p99,
				p50RatioToN8nWebhook: dup.p50 / base.p50,
			});

			const bad = await timed(100, (i) => post(url, inbound(`forged${i}`), {}), 401);
			report('forged delivery (401, no execution)', {
				p50Ms: bad.p50,
				p99Ms: bad.p99,
				p50RatioToN8nWebhook: bad.p50 / base.p50,
			});

			// Every signed message to the echo bot ends in one typing indicator and one reply; nothing else does.
			await delay(500);
			const typing = emulator.requests.filter(
				(call) => call.path === '/messages' && call.body?.typing_indicator,
			).length;
			report('echo bot work the emulator received', {
				signedMessages,
				replies: replies(),
				typingIndicators: typing,
			});
			report('n8n process memory after the run', { rssMb: rssMb(stack.n8n.pid) });
			expect(replies()).toBe(signedMessages);
			expect(typing).toBe(signedMessages);
		} finally {
			await dispatcher.close();
			await stack.stop();
		}
		printReport(
			`360dialog Trigger inside a real n8n, ${configuration} (target: answer within 80 ms)`,
		);
	},
	600_000,
);

/** Activates a workflow and waits until the emulator holds its webhook URL with the secret header. */
async function activateTrigger(
	stack: Awaited<ReturnType<typeof startStack>>,
	workflowId: string,
	webhookId: string,
) {
	await stack.rest.activate(workflowId);
	const emulator = stack.emulator!;
	const registered = await emulator.waitFor(
		() => {
			const [current] = emulator.webhooks();
			return current?.url?.includes(webhookId) && current.headers['X-N8n-Webhook-Secret']
				? current
				: undefined;
		},
		{ timeoutMs: 30_000, description: `${workflowId} registering its webhook` },
	);
	const url = registered.url!;
	const signed = { 'x-n8n-webhook-secret': registered.headers['X-N8n-Webhook-Secret'] };
	// n8n stores the secret after registration: until then a signed delivery still gets 401. An empty signed
	// post is answered 200 without starting an execution once it has.
	await eventually(
		async () =>
			(
				await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json', ...signed },
					body: '{}',
				})
			).status === 200
				? true
				: undefined,
		{ description: `${workflowId} accepting its secret` },
	);
	return { url, signed };
}
