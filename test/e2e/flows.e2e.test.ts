/**
 * WhatsApp Flows end to end inside a real n8n, in regular and in queue mode: the example booking chat sends a
 * flow with a signed token, the emulator plays the WhatsApp client and walks the example flow through the
 * 360dialog Flow Trigger's endpoint (every request encrypted as Meta encrypts it, every answer decrypted and
 * checked), and the flow's reply comes back to the chat as an nfm_reply that the chat confirms.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Emulator } from '../../emulator';
import { delay } from '../../dev/wait';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStack } = require('../../dev/stack') as typeof import('../../dev/stack');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { n8nCommand } = require('../../dev/n8n') as typeof import('../../dev/n8n');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadExample, loadExampleFlow, flowCredential, FLOW_ENDPOINT, FLOW_CHAT } =
	require('../../dev/workflows') as typeof import('../../dev/workflows');

type Stack = Awaited<ReturnType<typeof startStack>>;
type Step = { request: Record<string, any>; status?: number; answer?: any; problem?: string };
type Walk = { outcome: string; steps: Step[]; reply?: unknown };

const ENDPOINT_WEBHOOK_ID = '7f3c9d2e-360d-4e60-9b1a-ec40b0e00006';
const JANE = '4915112345678';
const ANSWERS = {
	APPOINTMENT: { department: 'eyes', date: '2026-12-09', time: '10:30' },
	DETAILS: { name: 'Jane', email: 'jane@example.com' },
};

jest.setTimeout(180_000);

describe.each(['regular', 'queue'] as const)('WhatsApp Flows in n8n %s mode', (mode) => {
	let stack: Stack;
	let emulator: Emulator;
	const keys = flowCredential();
	const logs: string[] = [];
	const endpointUrl = () => `${stack.webhookUrl}/webhook/${ENDPOINT_WEBHOOK_ID}/flow`;

	async function setPublicKey(pem: string) {
		const response = await fetch(`${emulator.url}/whatsapp_business_encryption`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'D360-API-KEY': stack.number.apiKey },
			body: JSON.stringify({ business_public_key: pem }),
		});
		expect(response.status).toBe(200);
	}

	async function walk(flowToken: string, extra: Record<string, unknown> = {}): Promise<Walk> {
		const response = await fetch(`${emulator.url}/_emulator/flows/walk`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				endpointUrl: endpointUrl(),
				flowJson: loadExampleFlow(),
				flowToken,
				from: JANE,
				answers: ANSWERS,
				...extra,
			}),
		});
		expect(response.status).toBe(200);
		return (await response.json()) as Walk;
	}

	/** The chat sends the booking flow when Jane writes; its signed token, as the phone gets it. */
	async function flowTokenForJane(): Promise<string> {
		const before = emulator.sent.length;
		emulator.injectInbound({ from: JANE, name: 'Jane', type: 'text', text: { body: 'book' } });
		const sent = await emulator.waitFor(
			() => emulator.sent.slice(before).find((m) => m.request.type === 'interactive'),
			{ timeoutMs: 45_000, description: 'the booking flow message' },
		);
		return (sent.request.interactive as any).action.parameters.flow_token as string;
	}

	const endpointRuns = async () => await stack.rest.countExecutions(FLOW_ENDPOINT);

	beforeAll(async () => {
		stack = await startStack({
			mode,
			workflows: [
				loadExample('flow-appointment-endpoint.json'),
				loadExample('flow-appointment-chat.json'),
			],
			credentials: [keys.credential],
			log: (line) => logs.push(line),
		});
		emulator = stack.emulator!;
		await setPublicKey(keys.publicKey);
		await stack.rest.activate(FLOW_ENDPOINT);
		await stack.rest.activate(FLOW_CHAT);
		await emulator.waitFor(() => emulator.webhooks()[0]?.url, {
			timeoutMs: 30_000,
			description: 'the chat workflow registering the webhook',
		});
	}, 15 * 60_000);

	afterAll(async () => {
		await stack?.stop();
	});

	test('the emulator walks the example flow through the endpoint, and the chat confirms the booking', async () => {
		const token = await flowTokenForJane();
		expect(token).toMatch(/^fs1\./);
		const result = await walk(token);
		expect(result.steps.map((s) => s.problem).filter(Boolean)).toEqual([]);
		expect(result.outcome).toBe('completed');
		const [ping, init, appointment, details] = result.steps;
		expect(ping.answer).toEqual({ data: { status: 'active' } });
		expect(init.answer.screen).toBe('APPOINTMENT');
		expect(init.answer.data.departments.map((d: { id: string }) => d.id)).toContain('eyes');
		expect(appointment.answer).toEqual({
			screen: 'DETAILS',
			data: {
				summary: 'eyes, 2026-12-09 at 10:30',
				department: 'eyes',
				date: '2026-12-09',
				time: '10:30',
			},
		});
		expect(details.answer).toEqual({
			screen: 'SUCCESS',
			data: {
				extension_message_response: {
					params: {
						flow_token: token,
						booked: true,
						name: 'Jane',
						department: 'eyes',
						date: '2026-12-09',
						time: '10:30',
					},
				},
			},
		});
		const confirmation = await emulator.waitFor(
			() => emulator.sent.find((m) => String(m.request.text?.body ?? '').startsWith('Booked:')),
			{ timeoutMs: 45_000, description: 'the booking confirmation in the chat' },
		);
		expect(confirmation.to).toBe(JANE);
		expect(confirmation.request.text?.body).toBe('Booked: eyes on 2026-12-09 at 10:30, Jane.');
	});

	test('an error notification is acknowledged without an execution', async () => {
		const token = await flowTokenForJane();
		const before = await endpointRuns();
		const result = await walk(token, {
			errorNotification: { error: 'invalid-screen-transition', error_message: 'no such screen' },
		});
		expect(result.outcome).toBe('completed');
		expect(result.steps[2].answer).toEqual({ version: '3.0', data: { acknowledged: true } });
		await delay(1500);
		// INIT, APPOINTMENT and DETAILS ran; the notification did not.
		expect((await endpointRuns()) - before).toBe(3);
	});

	test('a forged token gets 427 and starts nothing', async () => {
		const token = await flowTokenForJane();
		const [prefix, body] = token.split('.');
		const before = await endpointRuns();
		const result = await walk(`${prefix}.${body}.${'A'.repeat(43)}`);
		expect(result.outcome).toBe('failed');
		const refused = result.steps.at(-1)!;
		expect(refused.status).toBe(427);
		expect(refused.answer).toEqual({
			error_msg: 'This form has expired. Please ask for a new one in the chat.',
		});
		await delay(1500);
		expect(await endpointRuns()).toBe(before);
	});

	test('a request encrypted for another key gets 421 (the client fetches the key again, once) and starts nothing', async () => {
		const token = await flowTokenForJane();
		const before = await endpointRuns();
		await setPublicKey(flowCredential().publicKey);
		try {
			const result = await walk(token, { healthCheck: false });
			expect(result.outcome).toBe('failed');
			expect(result.steps.at(-1)).toMatchObject({ status: 421 });
		} finally {
			await setPublicKey(keys.publicKey);
		}
		await delay(1500);
		expect(await endpointRuns()).toBe(before);
	});

	test('the private key and the token secret are nowhere in the exported workflows, the executions or the logs', async () => {
		const keyLines = keys.privateKey.split('\n').filter((line) => line.length === 64);
		const secrets = [...keyLines.slice(0, 3), keys.tokenSecret];
		const executions = [];
		for (const id of [FLOW_ENDPOINT, FLOW_CHAT])
			for (const summary of await stack.rest.allExecutions(id))
				executions.push(await stack.rest.execution(String(summary.id)));
		expect(executions.length).toBeGreaterThan(3);
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'flows-export-')), 'workflows.json');
		n8nCommand((stack.n8n as unknown as { env: Record<string, string> }).env, [
			'export:workflow',
			'--all',
			`--output=${file}`,
		]);
		const exported = readFileSync(file, 'utf8');
		expect(exported).toContain(FLOW_ENDPOINT);
		const everything = [exported, JSON.stringify(executions), logs.join('\n')].join('\n');
		for (const secret of secrets) expect(everything).not.toContain(secret);
	});
});
