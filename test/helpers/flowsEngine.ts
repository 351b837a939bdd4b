/**
 * The 360dialog Flow Trigger and a Respond to Flow step, driven the way n8n's server drives them: the
 * trigger's `webhook()` through n8n-core's `WebhookContext`, and the workflow it starts through
 * `WorkflowExecute`, where the answer arrives on the execution's `sendResponse` hook as n8n's response-node
 * mode receives it.
 */
import { generateKeyPairSync } from 'node:crypto';

import { ExecutionLifecycleHooks, WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	IExecuteResponsePromiseData,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IRunExecutionData,
	IWebhookData,
} from 'n8n-workflow';
import { NodeConnectionTypes, Workflow } from 'n8n-workflow';

import {
	ACTION_NODE_TYPE,
	CREDENTIAL_TYPE,
	ensureBinaryData,
	loadPackage,
	makeAdditionalData,
	PACKAGE_NAME,
	PackageNodeTypes,
} from './engine';

export const FLOW_TRIGGER_TYPE = `${PACKAGE_NAME}.dialog360FlowTrigger`;
export const FLOW_CREDENTIAL = 'dialog360FlowEndpointApi';

export interface FlowKeys {
	privatePem: string;
	publicPem: string;
}

export function makeFlowKeys(passphrase?: string): FlowKeys {
	const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	return {
		privatePem: privateKey
			.export({
				type: 'pkcs8',
				format: 'pem',
				...(passphrase ? { cipher: 'aes-256-cbc', passphrase } : {}),
			})
			.toString(),
		publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
	};
}

export interface TriggerAnswer {
	status: number;
	contentType?: string;
	body?: unknown;
	/** The item the trigger hands the workflow, when it starts one. */
	items?: INodeExecutionData[];
	logs: string[];
}

export interface FlowHarnessOptions {
	credential: ICredentialDataDecryptedObject;
	triggerParameters?: IDataObject;
	respondParameters?: IDataObject;
	baseUrl?: string;
}

export interface FlowHarness {
	post(body: unknown): Promise<TriggerAnswer>;
	/** Runs trigger → Respond to Flow on the trigger's items; the answer as n8n's response-node mode gets it. */
	respond(
		items: INodeExecutionData[],
	): Promise<{ response?: IExecuteResponsePromiseData; run: IRun }>;
}

function nodes(options: FlowHarnessOptions): { list: INode[]; connections: IConnections } {
	const trigger: INode = {
		id: 'flow-trigger',
		name: '360dialog Flow Trigger',
		type: FLOW_TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: 'a1b2c3d4-0000-4000-8000-00000000f10w',
		parameters: (options.triggerParameters ?? {}) as INodeParameters,
		credentials: { [FLOW_CREDENTIAL]: { id: 'flow-cred', name: 'flow endpoint' } },
	};
	const respond: INode = {
		id: 'respond',
		name: 'Respond to Flow',
		type: ACTION_NODE_TYPE,
		typeVersion: 1.1,
		position: [200, 0],
		parameters: {
			resource: 'flow',
			operation: 'respondToFlow',
			...options.respondParameters,
		} as INodeParameters,
		credentials: { [FLOW_CREDENTIAL]: { id: 'flow-cred', name: 'flow endpoint' } },
	};
	return {
		list: [trigger, respond],
		connections: {
			[trigger.name]: {
				main: [[{ node: respond.name, type: NodeConnectionTypes.Main, index: 0 }]],
			},
		},
	};
}

export async function createFlowHarness(options: FlowHarnessOptions): Promise<FlowHarness> {
	const loader = await loadPackage();
	await ensureBinaryData();
	const nodeTypes = new PackageNodeTypes(loader);
	const { list, connections } = nodes(options);
	const credentials = {
		[FLOW_CREDENTIAL]: options.credential,
		[CREDENTIAL_TYPE]: { apiKey: 'unused', baseUrl: options.baseUrl ?? 'http://127.0.0.1:9' },
	};
	const workflow = () =>
		new Workflow({ id: 'flow-wf', nodes: list, connections, nodeTypes, active: true });
	const trigger = list[0];
	const triggerType = nodeTypes.getByNameAndVersion(trigger.type, 1) as INodeType;

	return {
		async post(body) {
			const logs: string[] = [];
			const answer: TriggerAnswer = { status: 200, logs };
			const res = {
				status(code: number) {
					answer.status = code;
					return res;
				},
				type(value: string) {
					answer.contentType = value;
					return res;
				},
				json(value: unknown) {
					answer.body = value;
					return res;
				},
				send(value: unknown) {
					answer.body = value;
					return res;
				},
				end() {
					return res;
				},
			};
			const req = {
				headers: { 'content-type': 'application/json' },
				body,
				query: {},
				params: {},
				method: 'POST',
			};
			const additionalData = makeAdditionalData(loader, credentials);
			const webhookData = {
				httpMethod: 'POST',
				node: trigger.name,
				path: 'flow',
				webhookDescription: triggerType.description.webhooks![0],
				workflowId: 'flow-wf',
				workflowExecuteAdditionalData: additionalData,
				webhookId: trigger.webhookId,
			} as unknown as IWebhookData;
			const context = new WebhookContext(
				workflow(),
				trigger,
				{ ...additionalData, httpRequest: req, httpResponse: res } as never,
				'webhook',
				webhookData,
				[],
				null,
			);
			const record = (level: string) => (message: string) => logs.push(`${level} ${message}`);
			Object.defineProperty(context, 'logger', {
				value: {
					debug: record('debug'),
					info: record('info'),
					warn: record('warn'),
					error: record('error'),
				},
			});
			const result = await triggerType.webhook!.call(context);
			answer.items = result.workflowData?.[0];
			return answer;
		},

		async respond(items) {
			let response: IExecuteResponsePromiseData | undefined;
			const hooks = new ExecutionLifecycleHooks('webhook', 'flow-execution', {
				id: 'flow-wf',
				name: 'flow',
				nodes: list,
				connections,
				active: true,
				activeVersionId: null,
				isArchived: false,
				createdAt: new Date(),
				updatedAt: new Date(),
			} as never);
			hooks.addHandler('sendResponse', (given) => {
				response = given;
			});
			const finished = new Promise<IRun>((resolve) =>
				hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
			);
			const additionalData = makeAdditionalData(loader, credentials, { hooks });
			const runData: IRunExecutionData = {
				version: 1,
				startData: {},
				resultData: { runData: {} },
				executionData: {
					contextData: {},
					metadata: {},
					nodeExecutionStack: [{ node: trigger, data: { main: [items] }, source: null }],
					waitingExecution: {},
					waitingExecutionSource: {},
				},
			} as unknown as IRunExecutionData;
			const wf = workflow();
			await new WorkflowExecute(additionalData, 'webhook', runData).processRunExecutionData(wf);
			return { response, run: await finished };
		},
	};
}
