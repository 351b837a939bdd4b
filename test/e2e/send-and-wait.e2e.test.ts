/**
 * Send and Wait for Response inside a real n8n, against the emulator: a workflow asks on WhatsApp and waits;
 * the emulator's user taps the message's button (the link opens as in a phone browser), and the waiting
 * execution goes on with the answer. Also: two choices and a typed reply through the pages the button opens,
 * link-preview fetchers that must not count as a tap, and the time limit.
 */
import type { Emulator } from '../../emulator';
import { eventually } from '../../dev/wait';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStack } = require('../../dev/stack') as typeof import('../../dev/stack');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CREDENTIAL } = require('../../dev/workflows') as typeof import('../../dev/workflows');

type Stack = Awaited<ReturnType<typeof startStack>>;

const WORKFLOW = 'D360SendAndWait1';
const HOOK_ID = '7f3c9d2e-360d-4e60-9b1a-ec40b0e00a01';
const JANE = '4915112345678';

jest.setTimeout(240_000);

/** Webhook (answers at once) → 360dialog Send and Wait → Done; what to ask comes with the request. */
const workflow = {
	id: WORKFLOW,
	name: '360dialog: ask and wait',
	active: false,
	settings: { executionOrder: 'v1' },
	connections: {
		Request: { main: [[{ node: 'Ask', type: 'main', index: 0 }]] },
		Ask: { main: [[{ node: 'Done', type: 'main', index: 0 }]] },
	},
	nodes: [
		{
			id: 'b1c2d3e4-0a01-4000-8000-000000000001',
			name: 'Request',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: HOOK_ID,
			parameters: {
				httpMethod: 'POST',
				path: 'ask-and-wait',
				responseMode: 'onReceived',
				options: {},
			},
		},
		{
			id: 'b1c2d3e4-0a01-4000-8000-000000000002',
			name: 'Ask',
			type: 'CUSTOM.dialog360',
			typeVersion: 1.1,
			position: [260, 0],
			credentials: { dialog360Api: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
			parameters: {
				resource: 'message',
				operation: 'sendAndWait',
				phoneNumber: '={{ $json.body.to }}',
				message: '={{ $json.body.question }}',
				responseType: '={{ $json.body.responseType }}',
				approvalType: '={{ $json.body.approvalType ?? "single" }}',
				options: {
					limitWaitTime: {
						values: {
							limitType: 'afterTimeInterval',
							resumeAmount: '={{ $json.body.timeoutMinutes ?? 60 }}',
							resumeUnit: 'minutes',
						},
					},
				},
			},
		},
		{
			id: 'b1c2d3e4-0a01-4000-8000-000000000003',
			name: 'Done',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [520, 0],
			parameters: {},
		},
	],
};

describe('Send and Wait for Response inside a real n8n', () => {
	let stack: Stack;
	let emulator: Emulator;

	beforeAll(async () => {
		stack = await startStack({ workflows: [workflow] });
		await stack.rest.activate(WORKFLOW);
		emulator = stack.emulator!;
		emulator.setContactWindow({ waId: JANE, lastInboundHoursAgo: 1 });
	});

	afterAll(async () => await stack?.stop());

	/** Starts one execution that asks Jane, and answers the message it sent and the execution's id. */
	async function ask(body: Record<string, unknown>) {
		const before = new Set((await stack.rest.executions(WORKFLOW)).map((e: any) => e.id));
		const sentBefore = emulator.sent.length;
		// Just after activation n8n answers 404 for a moment (and starts nothing): ask again until it takes it.
		const started = await eventually(
			async () => {
				const answer = await fetch(`${stack.n8n.url}/webhook/ask-and-wait`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ to: `+${JANE}`, ...body }),
				});
				return answer.status === 404 ? undefined : answer;
			},
			{ description: 'the asking workflow to take the request', timeoutMs: 30_000 },
		);
		expect(started.status).toBe(200);
		const message = await emulator.waitFor(() => emulator.sent[sentBefore], {
			timeoutMs: 30_000,
			description: 'the question sent to Jane',
		});
		const execution = await eventually(
			async () =>
				(await stack.rest.executions(WORKFLOW)).find(
					(e: any) => !before.has(e.id) && e.status === 'waiting',
				),
			{ description: 'a waiting execution', timeoutMs: 30_000 },
		);
		return { message, executionId: execution.id as string };
	}

	/** The items the node handed on once the execution finished. */
	async function finished(executionId: string, timeoutMs = 30_000) {
		const done = await eventually(
			async () => {
				const execution = await stack.rest.execution(executionId);
				return execution.status === 'success' ? execution : undefined;
			},
			{ description: `execution ${executionId} to finish`, timeoutMs },
		);
		return done.data.resultData.runData.Done[0].data.main[0] as Array<{ json: any }>;
	}

	test('approval: the user taps the button, and the waiting execution goes on with approved: true', async () => {
		const { message, executionId } = await ask({
			question: 'Refund 40 € for order 1042?',
			responseType: 'approval',
		});
		const interactive = message.request.interactive;
		expect(interactive).toMatchObject({
			type: 'cta_url',
			body: { text: 'Refund 40 € for order 1042?' },
			action: { name: 'cta_url', parameters: { display_text: 'Approve' } },
		});
		const url = new URL(interactive.action.parameters.url);
		expect(url.pathname).toBe(
			`/webhook-waiting/${executionId}/b1c2d3e4-0a01-4000-8000-000000000002`,
		);
		expect(url.searchParams.get('signature')).toMatch(/^[0-9a-f]{64}$/);

		const tap = await emulator.tap({ messageId: message.id });
		expect(tap.status).toBe(200);
		expect(tap.body).toContain('Approved ✓');
		const items = await finished(executionId);
		expect(items).toHaveLength(1);
		expect(items[0].json.data.approved).toBe(true);
		expect(Date.parse(items[0].json.data.respondedAt)).not.toBeNaN();
	});

	test('a link-preview fetcher opening the link does not answer; a forged signature is refused', async () => {
		const { message, executionId } = await ask({
			question: 'Ship today?',
			responseType: 'approval',
		});
		const preview = await emulator.tap({ messageId: message.id, userAgent: 'WhatsApp/2.24.1.0 A' });
		expect(preview.status).toBe(204);
		const url = new URL(message.request.interactive.action.parameters.url);
		url.searchParams.set('signature', '0'.repeat(64));
		const forged = await fetch(url, { headers: { 'user-agent': 'Mozilla/5.0 Mobile' } });
		expect(forged.status).toBe(401);
		expect((await stack.rest.execution(executionId)).status).toBe('waiting');
		await emulator.tap({ messageId: message.id });
		expect((await finished(executionId))[0].json.data.approved).toBe(true);
	});

	test('two choices: the button opens a page with both; declining goes on with approved: false', async () => {
		const { message, executionId } = await ask({
			question: 'Publish the *summer* campaign?',
			responseType: 'approval',
			approvalType: 'double',
		});
		expect(message.request.interactive.action.parameters.display_text).toBe('Respond');
		const page = await emulator.tap({ messageId: message.id });
		expect(page.status).toBe(200);
		expect(page.contentType).toMatch(/^text\/html/);
		expect(page.body).toContain('Publish the <strong>summer</strong> campaign?');
		expect(page.body).toContain('value="false">Decline</button>');
		expect((await stack.rest.execution(executionId)).status).toBe('waiting');

		const answer = await emulator.tap({ messageId: message.id, form: { approved: 'false' } });
		expect(answer.status).toBe(200);
		expect(answer.body).toContain('Declined');
		expect((await finished(executionId))[0].json.data.approved).toBe(false);
	});

	test('free text: the user types an answer on the page, and the execution goes on with it', async () => {
		const { message, executionId } = await ask({
			question: 'When can we deliver?',
			responseType: 'freeText',
		});
		expect(message.request.interactive.action.parameters.display_text).toBe('Reply');
		const form = await emulator.tap({ messageId: message.id });
		expect(form.body).toContain('<textarea name="response"');
		const empty = await emulator.tap({ messageId: message.id, form: { response: '   ' } });
		expect(empty.body).toContain('Please type an answer first.');
		expect((await stack.rest.execution(executionId)).status).toBe('waiting');

		await emulator.tap({ messageId: message.id, form: { response: 'Tuesday after 2 pm' } });
		expect((await finished(executionId))[0].json.data.text).toBe('Tuesday after 2 pm');
	});

	test('an answer after the execution went on changes nothing', async () => {
		const { message, executionId } = await ask({ question: 'Again?', responseType: 'approval' });
		await emulator.tap({ messageId: message.id });
		await finished(executionId);
		const late = await emulator.tap({ messageId: message.id });
		expect(late.status).toBeLessThan(500);
		const executions = await stack.rest.executions(WORKFLOW);
		expect(executions.filter((e: any) => e.id === executionId)).toHaveLength(1);
		expect((await stack.rest.execution(executionId)).data.resultData.runData.Done).toHaveLength(1);
	});

	test('time limit: without an answer the execution goes on with its input items, no data', async () => {
		const { executionId } = await ask({
			question: 'Anyone?',
			responseType: 'approval',
			timeoutMinutes: 0.05,
		});
		// n8n's wait tracker looks for due executions once a minute.
		const items = await finished(executionId, 150_000);
		expect(items).toHaveLength(1);
		expect(items[0].json.data).toBeUndefined();
		expect(items[0].json.body.question).toBe('Anyone?');
	});
});
