/**
 * Drives the trigger node the way n8n's server does: its webhook methods through n8n-core's `HookContext`
 * (activation and deactivation), and `webhook()` through n8n-core's `WebhookContext` with a request and a
 * response object shaped like the express ones n8n passes.
 */
import { HookContext, WebhookContext } from 'n8n-core';
import type {
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, Workflow } from 'n8n-workflow';

import {
	ACTION_NODE_TYPE,
	CREDENTIAL_TYPE,
	loadPackage,
	makeAdditionalData,
	PackageNodeTypes,
	TRIGGER_NODE_TYPE,
} from './engine';

export interface Delivery {
	headers?: Record<string, string>;
	/** What n8n parsed; leave out to post only `rawBody`, as n8n does for content types it does not parse. */
	body?: unknown;
	/** The bytes as received; read by the trigger through n8n's `readRawBody()` when `body` is missing. */
	rawBody?: Buffer;
	/** Called when the trigger answers through the response object, at that moment. */
	onAnswer?: () => void;
}

export interface DeliveryResult {
	/** The HTTP status the trigger answered with itself, when it answered (401), else 200 from n8n. */
	status: number;
	responseBody?: unknown;
	/** Items per output (Message, Status), or undefined when no execution starts. */
	outputs?: INodeExecutionData[][];
	response: IWebhookResponseData;
	/** When the trigger answered through the response object itself, and when webhook() returned (ms, monotonic). */
	answeredAt?: number;
	returnedAt: number;
}

export interface TriggerHarness {
	node: INode;
	webhookUrl: string;
	staticData: IDataObject;
	checkExists(): Promise<boolean>;
	create(): Promise<boolean>;
	delete(): Promise<boolean>;
	/** Activation as n8n does it: `create` only when `checkExists` says no. */
	activate(): Promise<void>;
	deliver(delivery: Delivery): Promise<DeliveryResult>;
}

export interface TriggerOptions {
	baseUrl: string;
	apiKey?: string;
	parameters?: IDataObject;
	nodeId?: string;
	/** The node's typeVersion; 1 unless given. */
	typeVersion?: number;
	/** Output indexes a node is connected to; every output unless given. */
	connectedOutputs?: number[];
	/** n8n's execution mode for deliveries: `webhook` (production URL) or `manual` (test URL). */
	mode?: 'webhook' | 'manual';
	webhookId?: string;
	workflowId?: string;
	/** The node's static data to start from, e.g. what an earlier release stored. */
	staticData?: IDataObject;
	/**
	 * "Test this trigger" as n8n 2.41 runs it (TestWebhooks): the test URL, `checkExists`/`create` in mode
	 * `manual`, `delete` in mode `internal`, deliveries in mode `manual`, and static data of its own that
	 * starts empty.
	 */
	test?: boolean;
}

/** The trigger, plus one action node on each output index that should count as connected. */
function withChildren(
	trigger: INode,
	outputs: number[],
): { nodes: INode[]; connections: IConnections } {
	const children: INode[] = outputs.map((index) => ({
		id: `child-${index}`,
		name: `After output ${index}`,
		type: ACTION_NODE_TYPE,
		typeVersion: 1,
		position: [200, index * 100],
		parameters: {},
	}));
	const byOutput: IConnections[string]['main'] = Array.from(
		{ length: Math.max(-1, ...outputs) + 1 },
		() => [],
	);
	for (const index of outputs)
		byOutput[index] = [{ node: `After output ${index}`, type: NodeConnectionTypes.Main, index: 0 }];
	return {
		nodes: [trigger, ...children],
		connections: outputs.length > 0 ? { [trigger.name]: { main: byOutput } } : {},
	};
}

export async function createTriggerHarness(options: TriggerOptions): Promise<TriggerHarness> {
	const loader = await loadPackage();
	const nodeTypes = new PackageNodeTypes(loader);
	const typeVersion = options.typeVersion ?? 1;
	const node: INode = {
		id: options.nodeId ?? 'trigger-node-1',
		name: '360dialog Trigger',
		type: TRIGGER_NODE_TYPE,
		typeVersion,
		position: [0, 0],
		webhookId: options.webhookId ?? 'f3a0c6c4-0000-4000-8000-000000000001',
		parameters: {
			...(typeVersion === 1
				? { statuses: ['sent', 'delivered', 'read', 'failed', 'played', 'deleted'] }
				: {}),
			...options.parameters,
		},
		credentials: { [CREDENTIAL_TYPE]: { id: 'cred-1', name: '360dialog test' } },
	};
	const { nodes, connections } = withChildren(node, options.connectedOutputs ?? [0, 1, 2]);
	const workflow = new Workflow({
		id: options.workflowId ?? 'trigger-workflow-1',
		nodes,
		connections,
		nodeTypes,
		active: !options.test,
		staticData: options.staticData ? { [`node:${node.name}`]: options.staticData } : {},
	});
	const credentials = {
		[CREDENTIAL_TYPE]: { apiKey: options.apiKey ?? 'test-api-key', baseUrl: options.baseUrl },
	};
	const additionalData = makeAdditionalData(loader, credentials);
	const nodeType = nodeTypes.getByNameAndVersion(node.type, typeVersion) as INodeType;
	const description = nodeType.description.webhooks![0];
	const webhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: 'webhook',
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
		...(options.test ? { isTest: true } : {}),
	} as unknown as IWebhookData;
	const hookContext = (method: 'register' | 'delete' = 'register') => {
		if (!options.test)
			return new HookContext(workflow, node, additionalData, 'trigger', 'activate', webhookData);
		return method === 'delete'
			? new HookContext(workflow, node, additionalData, 'internal', 'update', webhookData)
			: new HookContext(workflow, node, additionalData, 'manual', 'manual', webhookData);
	};
	const methods = nodeType.webhookMethods!.default!;
	const staticData = () => workflow.getStaticData('node', node);

	const harness: TriggerHarness = {
		node,
		webhookUrl: hookContext().getNodeWebhookUrl('default') as string,
		get staticData() {
			return JSON.parse(JSON.stringify(staticData())) as IDataObject;
		},
		checkExists: async () => await methods.checkExists.call(hookContext()),
		create: async () => await methods.create.call(hookContext()),
		delete: async () => await methods.delete.call(hookContext('delete')),
		activate: async () => {
			if (!(await harness.checkExists())) await harness.create();
		},
		deliver: async ({ headers = {}, body, rawBody, onAnswer }) => {
			let status = 200;
			let responseBody: unknown;
			let answeredAt: number | undefined;
			const res = {
				status(code: number) {
					status = code;
					return res;
				},
				json(value: unknown) {
					responseBody = value;
					answeredAt = performance.now();
					onAnswer?.();
					return res;
				},
				send(value: unknown) {
					responseBody = value;
					return res;
				},
				end() {
					return res;
				},
			};
			const lowerHeaders = Object.fromEntries(
				Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]),
			);
			const req: Record<string, unknown> = {
				headers: lowerHeaders,
				body,
				query: {},
				params: {},
				method: 'POST',
				// n8n's raw-body reader: the bytes become `rawBody` once read.
				readRawBody: async () => {
					req.rawBody = rawBody ?? Buffer.alloc(0);
				},
			};
			const context = new WebhookContext(
				workflow,
				node,
				{ ...additionalData, httpRequest: req, httpResponse: res } as never,
				options.mode ?? (options.test ? 'manual' : 'webhook'),
				webhookData,
				[],
				null,
			);
			const response = await nodeType.webhook!.call(context);
			return {
				status,
				responseBody: responseBody ?? response.webhookResponse,
				outputs: response.workflowData as INodeExecutionData[][] | undefined,
				response,
				answeredAt,
				returnedAt: performance.now(),
			};
		},
	};
	return harness;
}

/** Sets a number's extra destinations (`/multi_webhook`) as another system or the 360dialog Hub would. */
export async function setExtraDestinations(
	baseUrl: string,
	apiKey: string,
	destinations: unknown[],
	enabled = true,
): Promise<void> {
	const answer = await fetch(`${baseUrl}/multi_webhook`, {
		method: 'POST',
		headers: { 'D360-API-KEY': apiKey, 'content-type': 'application/json' },
		body: JSON.stringify({ enabled, destinations }),
	});
	if (answer.status !== 200)
		throw new Error(`POST /multi_webhook answered ${answer.status}: ${await answer.text()}`);
}
