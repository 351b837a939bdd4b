/**
 * The workflows the benches run inside n8n, built as the editor would save them: a manual start, a Code node that
 * makes the items, and the sender under test; or a webhook start (n8n's Webhook node or the 360dialog Trigger)
 * followed by a No Operation node.
 */
import { randomUUID } from 'node:crypto';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CREDENTIAL } = require('../../../dev/workflows') as {
	CREDENTIAL: { id: string; name: string };
};

export { CREDENTIAL };

type Node = Record<string, unknown> & { name: string };

let seq = 0;
/** A workflow id of n8n's length (16 characters), unique within a run. */
export function workflowId(tag: string): string {
	seq += 1;
	return (
		`B${tag.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 11).padEnd(11, 'x') +
		String(seq).padStart(5, '0')
	);
}

function node(
	name: string,
	type: string,
	typeVersion: number,
	parameters: object,
	extra = {},
): Node {
	return { id: randomUUID(), name, type, typeVersion, position: [0, 0], parameters, ...extra };
}

function chain(names: string[]) {
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < names.length; i++)
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	return connections;
}

function workflow(id: string, name: string, nodes: Node[], connections: object) {
	return {
		id,
		name,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
		active: false,
	};
}

/** Digits of the n-th bench recipient: every item its own recipient, so no per-recipient ordering slows a run. */
export const recipient = (i: number) => `4915${String(100_000_000 + i)}`;

/** Code node source for `count` items `{ to, text }`, one recipient each, texts numbered (`tag i`). */
export function itemsCode(count: number, tag: string): string {
	return `return Array.from({ length: ${count} }, (_, i) => ({ json: { to: '4915' + String(100000000 + i), text: '${tag} ' + i } }));`;
}

export const START = 'Start';

/** Manual start → Code (`count` items) → `sender`. */
export function sendWorkflow(tag: string, count: number, sender: Node) {
	const nodes = [
		node(START, 'n8n-nodes-base.manualTrigger', 1, {}),
		node('Items', 'n8n-nodes-base.code', 2, { jsCode: itemsCode(count, tag) }),
		{ ...sender, name: 'Send' },
	];
	return workflow(workflowId(tag), `bench: ${tag}`, nodes, chain([START, 'Items', 'Send']));
}

/** This package's action node sending `{{$json.text}}` to `{{$json.to}}`. */
export function thisPackageSender(options: { concurrency: number; messagesPerSecond?: number }) {
	const parameters: Record<string, unknown> = {
		resource: 'message',
		operation: 'sendText',
		phoneNumber: '={{ $json.to }}',
		text: '={{ $json.text }}',
		concurrency: options.concurrency,
	};
	if (options.messagesPerSecond !== undefined)
		parameters.messagesPerSecond = options.messagesPerSecond;
	return node('Send', 'CUSTOM.dialog360', 1.1, parameters, {
		credentials: { dialog360Api: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
	});
}

/** The other 360dialog package's action node (its own node type, loaded alone in its own n8n). */
export function peerSender() {
	return node(
		'Send',
		'CUSTOM.dialog360',
		1,
		{
			resource: 'message',
			operation: 'sendText',
			to: '={{ $json.to }}',
			body: '={{ $json.text }}',
		},
		{ credentials: { dialog360Api: { id: CREDENTIAL.id, name: CREDENTIAL.name } } },
	);
}

/** n8n's HTTP Request node with a hand-built Cloud API body, as a user without a WhatsApp node would write it. */
export function httpRequestSender(baseUrl: string, apiKey: string) {
	return node('Send', 'n8n-nodes-base.httpRequest', 4.2, {
		method: 'POST',
		url: `${baseUrl}/messages`,
		sendHeaders: true,
		headerParameters: { parameters: [{ name: 'D360-API-KEY', value: apiKey }] },
		sendBody: true,
		specifyBody: 'json',
		jsonBody:
			'={{ JSON.stringify({ messaging_product: "whatsapp", recipient_type: "individual", to: $json.to, type: "text", text: { body: $json.text } }) }}',
		options: {},
	});
}

/** Manual start → Code (`count` items) → No Operation: what n8n itself keeps for that many items. */
export function itemsOnlyWorkflow(tag: string, count: number) {
	const nodes = [
		node(START, 'n8n-nodes-base.manualTrigger', 1, {}),
		node('Items', 'n8n-nodes-base.code', 2, { jsCode: itemsCode(count, tag) }),
		node('Done', 'n8n-nodes-base.noOp', 1, {}),
	];
	return workflow(workflowId(tag), `bench: ${tag}`, nodes, chain([START, 'Items', 'Done']));
}

/**
 * n8n's own Webhook node answering at once ("Respond: Immediately") → No Operation; with `headerAuth`, it answers only
 * posts that carry the header and value of that Header Auth credential (403 otherwise).
 */
export function coreWebhookWorkflow(path: string, headerAuth?: { id: string; name: string }) {
	const nodes = [
		node(
			'Webhook',
			'n8n-nodes-base.webhook',
			2,
			{
				httpMethod: 'POST',
				path,
				responseMode: 'onReceived',
				...(headerAuth ? { authentication: 'headerAuth' } : {}),
				options: {},
			},
			{
				webhookId: randomUUID(),
				...(headerAuth ? { credentials: { httpHeaderAuth: headerAuth } } : {}),
			},
		),
		node('Done', 'n8n-nodes-base.noOp', 1, {}),
	];
	return workflow(
		workflowId(`core${path}`),
		`bench: n8n Webhook node (${path})`,
		nodes,
		chain(['Webhook', 'Done']),
	);
}

/** The 360dialog Trigger with its default filters, both outputs into No Operation nodes (webhookId on its first node). */
export function triggerWorkflow(tag: string, typeVersion: number) {
	const webhookId = randomUUID();
	const nodes = [
		node(
			'360dialog Trigger',
			'CUSTOM.dialog360Trigger',
			typeVersion,
			{},
			{
				webhookId,
				credentials: { dialog360Api: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
			},
		),
		node('Messages', 'n8n-nodes-base.noOp', 1, {}),
		node('Statuses', 'n8n-nodes-base.noOp', 1, {}),
	];
	const connections = {
		'360dialog Trigger': {
			main: [
				[{ node: 'Messages', type: 'main', index: 0 }],
				[{ node: 'Statuses', type: 'main', index: 0 }],
			],
		},
	};
	return workflow(workflowId(tag), `bench: 360dialog Trigger (${tag})`, nodes, connections);
}
