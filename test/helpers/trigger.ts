/**
 * Drives the trigger node the way n8n's server does: its webhook methods through n8n-core's `HookContext`
 * (activation and deactivation), and `webhook()` through n8n-core's `WebhookContext` with a request and a
 * response object shaped like the express ones n8n passes.
 */
import { HookContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import {
	CREDENTIAL_TYPE,
	loadPackage,
	makeAdditionalData,
	PackageNodeTypes,
	TRIGGER_NODE_TYPE,
} from './engine';

export interface Delivery {
	headers?: Record<string, string>;
	body: unknown;
}

export interface DeliveryResult {
	/** The HTTP status the trigger answered with itself, when it answered (401), else 200 from n8n. */
	status: number;
	responseBody?: unknown;
	/** Items per output (Message, Status), or undefined when no execution starts. */
	outputs?: INodeExecutionData[][];
	response: IWebhookResponseData;
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
}

export async function createTriggerHarness(options: TriggerOptions): Promise<TriggerHarness> {
	const loader = await loadPackage();
	const nodeTypes = new PackageNodeTypes(loader);
	const node: INode = {
		id: options.nodeId ?? 'trigger-node-1',
		name: '360dialog Trigger',
		type: TRIGGER_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: 'f3a0c6c4-0000-4000-8000-000000000001',
		parameters: {
			statuses: ['sent', 'delivered', 'read', 'failed', 'played', 'deleted'],
			...options.parameters,
		},
		credentials: { [CREDENTIAL_TYPE]: { id: 'cred-1', name: '360dialog test' } },
	};
	const workflow = new Workflow({
		id: 'trigger-workflow-1',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: true,
		staticData: {},
	});
	const credentials = {
		[CREDENTIAL_TYPE]: { apiKey: options.apiKey ?? 'test-api-key', baseUrl: options.baseUrl },
	};
	const additionalData = makeAdditionalData(loader, credentials);
	const nodeType = nodeTypes.getByNameAndVersion(node.type, 1) as INodeType;
	const description = nodeType.description.webhooks![0];
	const webhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: 'webhook',
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
	} as unknown as IWebhookData;
	const hookContext = () =>
		new HookContext(workflow, node, additionalData, 'trigger', 'activate', webhookData);
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
		delete: async () => await methods.delete.call(hookContext()),
		activate: async () => {
			if (!(await harness.checkExists())) await harness.create();
		},
		deliver: async ({ headers = {}, body }) => {
			let status = 200;
			let responseBody: unknown;
			const res = {
				status(code: number) {
					status = code;
					return res;
				},
				json(value: unknown) {
					responseBody = value;
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
			const req = { headers: lowerHeaders, body, query: {}, params: {}, method: 'POST' };
			const context = new WebhookContext(
				workflow,
				node,
				{ ...additionalData, httpRequest: req, httpResponse: res } as never,
				'trigger',
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
			};
		},
	};
	return harness;
}
