/**
 * Groups inside a real n8n, against the emulator: published workflows create a group and send it a message
 * through the 360dialog node, and the group's webhooks (its creation, a user's request to join) reach a
 * published 360dialog Trigger. Trigger 2.1 hands fields it has no output of its own for to the Event output,
 * so that is where the group webhooks are read here.
 */
import type { Emulator } from '../../emulator';
import { eventually } from '../../dev/wait';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStack, EMULATOR_NUMBER } =
	require('../../dev/stack') as typeof import('../../dev/stack');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CREDENTIAL } = require('../../dev/workflows') as typeof import('../../dev/workflows');

type Stack = Awaited<ReturnType<typeof startStack>>;

const EVENTS = 'D360GroupEvents1';
const CREATE = 'D360GroupCreate1';
const APPROVE = 'D360GroupApprove';
const SEND = 'D360GroupSend001';
const JANE = '4915112345678';

jest.setTimeout(180_000);

const credentials = { dialog360Api: { id: CREDENTIAL.id, name: CREDENTIAL.name } };

/** A published trigger with the Event output on: every group webhook becomes an Event item. */
const eventsWorkflow = {
	id: EVENTS,
	name: 'Group events',
	nodes: [
		{
			id: 'a1b2c3d4-0001-4000-8000-000000000001',
			name: 'Group Events',
			type: 'CUSTOM.dialog360Trigger',
			typeVersion: 2.1,
			position: [0, 0],
			webhookId: '7f3c9d2e-360d-4e60-9b1a-ec40b0e00031',
			parameters: {
				webhookRole: 'main',
				accountEvents: true,
				options: { replaceExistingWebhook: true },
			},
			credentials,
		},
		{
			id: 'a1b2c3d4-0001-4000-8000-000000000002',
			name: 'Group Event',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [260, 200],
			parameters: {},
		},
	],
	// The trigger starts executions for connected outputs only: the Event output leads somewhere.
	connections: {
		'Group Events': { main: [[], [], [{ node: 'Group Event', type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
	active: false,
	pinData: {},
};

/** A Webhook node at `path` that runs one 360dialog operation on the posted body and answers its output. */
function actionWorkflow(
	id: string,
	path: string,
	webhookId: string,
	parameters: Record<string, unknown>,
) {
	return {
		id,
		name: `Group action ${path}`,
		nodes: [
			{
				id: `${webhookId.slice(0, 30)}01`,
				name: 'Incoming Request',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId,
				parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
			},
			{
				id: `${webhookId.slice(0, 30)}02`,
				name: '360dialog',
				type: 'CUSTOM.dialog360',
				typeVersion: 1.1,
				position: [260, 0],
				parameters,
				credentials,
			},
		],
		connections: {
			'Incoming Request': { main: [[{ node: '360dialog', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
		pinData: {},
	};
}

describe('groups inside a real n8n', () => {
	let stack: Stack;
	let emulator: Emulator;

	async function post(path: string, body: unknown): Promise<any> {
		const answer = await fetch(`${stack.n8n.url}/webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		expect(answer.status).toBe(200);
		return await answer.json();
	}

	/** The first Event item of the trigger that satisfies `predicate`, from any finished execution. */
	async function eventItem(predicate: (json: Record<string, any>) => boolean, description: string) {
		return await eventually(
			async () => {
				const runs = await stack.rest.nodeOutputs(EVENTS, 'Group Events');
				return runs.flatMap((run) => run.outputs[2] ?? []).find((item) => predicate(item.json));
			},
			{ description, timeoutMs: 60_000 },
		);
	}

	beforeAll(async () => {
		stack = await startStack({
			workflows: [
				eventsWorkflow,
				actionWorkflow(CREATE, 'group-create', 'e1d2c3b4-0031-4000-8000-00000000aa01', {
					resource: 'group',
					operation: 'create',
					subject: '={{ $json.body.subject }}',
					joinApprovalMode: 'approval_required',
				}),
				actionWorkflow(APPROVE, 'group-approve', 'e1d2c3b4-0032-4000-8000-00000000aa02', {
					resource: 'group',
					operation: 'approveJoinRequests',
					groupId: '={{ $json.body.groupId }}',
					joinRequestIds: '={{ $json.body.joinRequestId }}',
				}),
				actionWorkflow(SEND, 'group-send', 'e1d2c3b4-0033-4000-8000-00000000aa03', {
					resource: 'message',
					operation: 'sendText',
					recipientType: 'group',
					groupId: '={{ $json.body.groupId }}',
					text: '={{ $json.body.text }}',
				}),
			],
			emulatorOptions: { numbers: [EMULATOR_NUMBER], statusGapMs: 20 },
		});
		emulator = stack.emulator!;
		for (const id of [EVENTS, CREATE, APPROVE, SEND]) await stack.rest.activate(id);
		await emulator.waitFor(() => emulator.webhooks()[0]?.url?.includes('/webhook/') || undefined, {
			timeoutMs: 30_000,
			description: 'the trigger registering its webhook',
		});
	}, 15 * 60_000);

	afterAll(async () => {
		await stack?.stop();
	});

	test('create a group, a user asks to join, the join request reaches the trigger, the group gets a message', async () => {
		const created = await post('group-create', { subject: 'Linen club' });
		expect(created).toMatchObject({ requestId: expect.any(String), subject: 'Linen club' });

		const lifecycle = await eventItem(
			(json) =>
				json.field === 'group_lifecycle_update' && JSON.stringify(json).includes(created.requestId),
			'the group_lifecycle_update of the new group',
		);
		const group = (await (await fetch(`${emulator.url}/_emulator/groups`)).json()) as Array<{
			id: string;
		}>;
		expect(group).toHaveLength(1);
		const id: string = group[0].id;
		expect(JSON.stringify(lifecycle.json)).toContain(id);

		const joined = (await (
			await fetch(`${emulator.url}/_emulator/groups/join`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ groupId: id, waId: JANE }),
			})
		).json()) as { joinRequestId: string };
		const request = await eventItem(
			(json) =>
				json.field === 'group_participants_update' &&
				JSON.stringify(json).includes(joined.joinRequestId),
			'the join request on the Event output',
		);
		expect(JSON.stringify(request.json)).toContain(id);
		expect(JSON.stringify(request.json)).toContain('group_join_request_created');
		expect(JSON.stringify(request.json)).toContain(JANE);

		const approved = await post('group-approve', {
			groupId: id,
			joinRequestId: joined.joinRequestId,
		});
		expect(approved).toMatchObject({
			groupId: id,
			joinRequestId: joined.joinRequestId,
			approved: true,
		});

		const sent = await post('group-send', { groupId: id, text: 'Welcome to the club' });
		expect(sent).toMatchObject({ messageId: expect.stringMatching(/^wamid\./), input: id });
		const message = emulator.sent.find((record) => record.id === sent.messageId);
		expect(message?.request).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'group',
			to: id,
			type: 'text',
			text: { body: 'Welcome to the club' },
		});
	});
});
