/**
 * A WhatsApp Flow data endpoint inside a real n8n: requests encrypted as Meta encrypts them (each with its own
 * AES key, prepared before the clock starts) posted at 10 and 25 per second to a 360dialog Flow Trigger whose
 * workflow answers with Respond to Flow (decrypt, workflow, encrypt), in one stream that takes turns post by post
 * with n8n's Webhook node answering a plain body through Respond to Webhook in the same n8n: answer p50 / p99 and
 * errors side by side. And the private key's parse, paid once per credential content, against a request's share.
 */
import { randomUUID } from 'node:crypto';

import { eventually } from '../../dev/wait';
import { encryptRequest } from '../../emulator/flow-crypto';
import { signFlowToken } from '../../nodes/shared/whatsapp/flows/flowToken';
import { privateKeyFor } from '../../nodes/shared/whatsapp/flows/privateKey';
import { postGroupsAtRate, type Post } from './support/load';
import { startStack, type Stack } from './support/runs';
import { activateCoreWebhook } from './support/trigger';
import { check, Table } from './support/verdict';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { flowCredential, FLOW_CREDENTIAL } =
	require('../../dev/workflows') as typeof import('../../dev/workflows');

const RATES = (process.env.N8N360_BENCH_FLOW_RATES ?? '10,25').split(',').map(Number);
const SECONDS = Number(process.env.N8N360_BENCH_FLOW_SECONDS ?? 10);
/** Meta shows the user an error when the endpoint has not answered within 10 s; the target keeps far from it. */
const P99_TARGET_MS = 1000;
/** The flow endpoint decrypts, unwraps the key a second time in Respond to Flow and encrypts: a few ms. */
const OVER_WEBHOOK_MS = 25;
const FLOW = '360dialog Flow Trigger → Respond to Flow';
const CORE = 'n8n Webhook → Respond to Webhook';
const FLOW_WEBHOOK_ID = randomUUID();
const CORE_PATH = 'bench-respond';

jest.setTimeout(30 * 60_000);

const node = (name: string, type: string, typeVersion: number, parameters: object, extra = {}) => ({
	id: randomUUID(),
	name,
	type,
	typeVersion,
	position: [0, 0],
	parameters,
	...extra,
});
const chain = (from: string, to: string) => ({
	[from]: { main: [[{ node: to, type: 'main', index: 0 }]] },
});

function flowWorkflow() {
	const credentials = { dialog360FlowEndpointApi: FLOW_CREDENTIAL };
	return {
		id: 'BflowEndpoint001',
		name: 'bench: flow endpoint',
		nodes: [
			node(
				'Flow Request',
				'CUSTOM.dialog360FlowTrigger',
				1,
				{ flowTokens: 'signed' },
				{
					webhookId: FLOW_WEBHOOK_ID,
					credentials,
				},
			),
			node(
				'Respond',
				'CUSTOM.dialog360',
				1.2,
				{
					resource: 'flow',
					operation: 'respondToFlow',
					respondWith: 'nextScreen',
					screen: 'DETAILS',
					screenData: '{"summary": "eyes, 2026-12-09 at 10:30"}',
				},
				{ credentials },
			),
		],
		connections: chain('Flow Request', 'Respond'),
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

function coreWorkflow() {
	return {
		id: 'BcoreRespond0001',
		name: 'bench: Webhook → Respond to Webhook',
		nodes: [
			node(
				'Webhook',
				'n8n-nodes-base.webhook',
				2,
				{
					httpMethod: 'POST',
					path: CORE_PATH,
					responseMode: 'responseNode',
					options: {},
				},
				{ webhookId: randomUUID() },
			),
			node('Respond', 'n8n-nodes-base.respondToWebhook', 1.1, {
				respondWith: 'text',
				responseBody: 'eyJzY3JlZW4iOiJERVRBSUxTIn0=',
				options: {},
			}),
		],
		connections: chain('Webhook', 'Respond'),
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

describe('bench: a WhatsApp Flow data endpoint', () => {
	const keys = flowCredential();
	let stack: Stack;
	let flowUrl: string;
	let coreUrl: string;
	const n8nProblems: string[] = [];
	const table = new Table('Flow endpoint: answer time beside n8n’s Respond to Webhook');

	beforeAll(async () => {
		// The recommended settings, as the receive rows are held to: both endpoints answer from a full execution.
		stack = await startStack({
			recommended: true,
			workflows: [flowWorkflow(), coreWorkflow()],
			credentials: [keys.credential],
		});
		await stack.rest.activate('BflowEndpoint001');
		flowUrl = `${stack.webhookUrl}/webhook/${FLOW_WEBHOOK_ID}/flow`;
		// n8n answers 404 for a moment after activation; a health check answered 200 means the endpoint is live.
		await eventually(
			async () => {
				const { body } = encryptRequest({ version: '3.0', action: 'ping' }, keys.publicKey);
				const answer = await fetch(flowUrl, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(body),
				});
				await answer.body?.cancel();
				return answer.status === 200 ? true : undefined;
			},
			{ timeoutMs: 60_000, description: 'the flow endpoint going live' },
		);
		coreUrl = await activateCoreWebhook(
			stack.rest,
			stack.webhookUrl,
			'BcoreRespond0001',
			CORE_PATH,
		);
	}, 15 * 60_000);

	afterAll(async () => {
		table.print();
		if (n8nProblems.length)
			process.stdout.write(`n8n said:\n${n8nProblems.slice(0, 10).join('\n')}\n`);
		await stack?.stop();
	});

	function flowPost(i: number): Post {
		const flow_token = signFlowToken(
			{
				recipient: `4915${String(100_000_000 + i)}`,
				expiresAt: Math.floor(Date.now() / 1000) + 3600,
			},
			keys.tokenSecret,
		);
		const { body } = encryptRequest(
			{
				version: '3.0',
				action: 'data_exchange',
				screen: 'APPOINTMENT',
				flow_token,
				data: { department: 'eyes' },
			},
			keys.publicKey,
		);
		return {
			url: flowUrl,
			body: JSON.stringify(body),
			headers: { 'content-type': 'application/json' },
			group: FLOW,
		};
	}

	test.each(RATES)('%i requests per second', async (rate) => {
		const count = rate * SECONDS;
		const posts: Post[] = [];
		for (let i = 0; i < count; i++)
			posts.push(flowPost(i), {
				url: coreUrl,
				body: JSON.stringify({ version: '3.0', action: 'data_exchange' }),
				headers: { 'content-type': 'application/json' },
				group: CORE,
			});
		const results = await postGroupsAtRate(posts, rate * 2, { timeoutMs: 30_000 });
		const flow = results.get(FLOW)!;
		const core = results.get(CORE)!;
		table.add({
			name: `${CORE}, ${rate}/s`,
			figures: { posts: core.sent, errors: core.errors, 'p50 ms': core.p50, 'p99 ms': core.p99 },
			target: '',
			verdict: '',
		});
		const within = flow.p99 <= P99_TARGET_MS && flow.p50 <= core.p50 + OVER_WEBHOOK_MS;
		table.add({
			name: `${FLOW}, ${rate}/s`,
			figures: { posts: flow.sent, errors: flow.errors, 'p50 ms': flow.p50, 'p99 ms': flow.p99 },
			target: `0 errors, p99 ≤ ${P99_TARGET_MS} ms, p50 ≤ Respond to Webhook's + ${OVER_WEBHOOK_MS} ms`,
			verdict: check(flow.errors === 0 && within),
			...(flow.errorSamples.length ? { note: flow.errorSamples.join('; ') } : {}),
		});
		expect(flow.sent).toBe(count);
	});

	test('the private key is parsed once per credential content, not per request', () => {
		const fresh = flowCredential();
		const parseStarted = process.hrtime.bigint();
		privateKeyFor(fresh.privateKey);
		const parseMs = Number(process.hrtime.bigint() - parseStarted) / 1e6;
		const cachedStarted = process.hrtime.bigint();
		for (let i = 0; i < 1000; i++) privateKeyFor(fresh.privateKey);
		const cachedMs = Number(process.hrtime.bigint() - cachedStarted) / 1e6 / 1000;
		table.add({
			name: 'private key: first parse, then a cached look-up',
			figures: { 'parse ms': parseMs, 'cached ms': cachedMs },
			target: 'a cached look-up ≤ 0.05 ms',
			verdict: check(cachedMs <= 0.05),
		});
	});
});
