/**
 * Runs workflows in-process through n8n-core's real `WorkflowExecute`, with the package loaded from `dist/`
 * by n8n-core's own `PackageDirectoryLoader` (the way n8n loads a community package), and credentials
 * injected by the same generic `authenticate` resolution n8n's server uses.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import {
	BinaryDataConfig,
	BinaryDataService,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PackageDirectoryLoader,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsHelper,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	Workflow as WorkflowType,
} from 'n8n-workflow';
import { isExpression, NodeHelpers, Workflow } from 'n8n-workflow';

// n8n-core keeps its own copy of the dependency-injection container: use that one, as n8n does.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Container } = require(
	require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] }),
) as typeof import('@n8n/di');

export const PACKAGE_ROOT = join(__dirname, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-360dialog';
export const ACTION_NODE_TYPE = `${PACKAGE_NAME}.dialog360`;
export const TRIGGER_NODE_TYPE = `${PACKAGE_NAME}.dialog360Trigger`;
export const CREDENTIAL_TYPE = 'dialog360Api';

let loaderPromise: Promise<PackageDirectoryLoader> | undefined;

/** The built package, loaded once per test file by n8n-core's own loader. */
export async function loadPackage(): Promise<PackageDirectoryLoader> {
	if (!existsSync(join(PACKAGE_ROOT, 'dist', 'nodes'))) {
		throw new Error('dist/ is missing: run `npm run build` before the engine tests');
	}
	loaderPromise ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
		await loader.loadAll();
		return loader;
	})();
	return await loaderPromise;
}

export class PackageNodeTypes implements INodeTypes {
	constructor(private readonly loader: PackageDirectoryLoader) {}

	getByName(type: string): INodeType | IVersionedNodeType {
		return this.loader.getNode(shortName(type)).type;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.loader.getNode(shortName(type)).type, version);
	}

	getKnownTypes() {
		return this.loader.known.nodes;
	}
}

function shortName(type: string): string {
	return type.startsWith(`${PACKAGE_NAME}.`) ? type.slice(PACKAGE_NAME.length + 1) : type;
}

/** The credential side of n8n's server, reduced to what executions use; `authenticate` resolves like n8n's. */
export class TestCredentialsHelper {
	constructor(
		private readonly loader: PackageDirectoryLoader,
		private readonly credentials: Record<string, ICredentialDataDecryptedObject>,
	) {}

	private type(name: string): ICredentialType {
		return this.loader.getCredential(name).type;
	}

	getParentTypes(name: string): string[] {
		return this.type(name).extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(name: string) {
		return this.type(name).properties;
	}

	async getDecrypted(_additionalData: unknown, _nodeCredentials: unknown, type: string) {
		const data = this.credentials[type];
		if (!data) throw new Error(`No credential of type ${type} in this test`);
		return { ...data };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: WorkflowType,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.type(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate?.type !== 'generic') return requestOptions;
		const resolve = (value: string) =>
			isExpression(value)
				? String(
						workflow.expression.getSimpleParameterValue(
							node,
							value,
							'internal',
							{ $credentials: credentials } as IDataObject,
							undefined,
							'',
						) ?? '',
					)
				: value;
		for (const [outerKey, entries] of Object.entries(authenticate.properties)) {
			const target = ((requestOptions as unknown as Record<string, IDataObject>)[outerKey] ??= {});
			for (const [key, value] of Object.entries(entries as IDataObject)) {
				target[resolve(key)] = resolve(String(value));
			}
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials() {
		throw new Error('not used by executions');
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getOAuth2Options() {
		return undefined;
	}
}

let binaryDataReady: Promise<void> | undefined;

/** n8n's binary data service in its default (in-memory) mode, as a fresh n8n uses it. */
export async function ensureBinaryData(): Promise<void> {
	binaryDataReady ??= (async () => {
		const config = Container.get(BinaryDataConfig);
		(config as unknown as { mode: string }).mode = 'default';
		await Container.get(BinaryDataService).init();
	})();
	await binaryDataReady;
}

/** What n8n's server hands an execution: hooks, the credentials helper and its URLs. */
export function makeAdditionalData(
	loader: PackageDirectoryLoader,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	extra: Partial<IWorkflowExecuteAdditionalData> & IDataObject = {},
): IWorkflowExecuteAdditionalData {
	return {
		executionId: 'engine-test-execution',
		credentialsHelper: new TestCredentialsHelper(
			loader,
			credentials,
		) as unknown as ICredentialsHelper,
		evalLlmMockHandler: undefined,
		currentNodeParameters: undefined,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		variables: {},
		setExecutionStatus: () => {},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('task runners are not used by this package');
		},
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface WorkflowRun {
	run: IRun;
	/** Output items of a node, per output index (first run). */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** The error a node stopped with, if any. */
	error(
		nodeName: string,
	): (Error & { description?: string; httpCode?: string; context?: IDataObject }) | undefined;
}

export interface RunOptions {
	nodes: INode[];
	/** The node the run starts at, and the items it receives. */
	start: { node: string; items: INodeExecutionData[] };
	credentials?: Record<string, ICredentialDataDecryptedObject>;
}

/** Runs a workflow through n8n-core's `WorkflowExecute`, starting at one node with the given items. */
export async function runWorkflow(options: RunOptions): Promise<WorkflowRun> {
	const loader = await loadPackage();
	await ensureBinaryData();
	const nodeTypes = new PackageNodeTypes(loader);
	const workflow = new Workflow({
		id: 'engine-test',
		nodes: options.nodes,
		connections: {},
		nodeTypes,
		active: false,
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'engine-test-execution', {
		id: 'engine-test',
		name: 'engine test',
		nodes: options.nodes,
		connections: {},
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	const finished = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (fullRunData) => resolve(fullRunData));
	});

	const additionalData = makeAdditionalData(loader, options.credentials ?? {}, { hooks });

	const startNode = workflow.getNode(options.start.node);
	if (!startNode) throw new Error(`No node named ${options.start.node}`);
	const runExecutionData: IRunExecutionData = {
		version: 1,
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [
				{ node: startNode, data: { main: [options.start.items] }, source: null },
			],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;

	const execute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	await execute.processRunExecutionData(workflow);
	const run = await finished;
	return {
		run,
		output(nodeName, outputIndex = 0) {
			const task = run.data.resultData.runData[nodeName]?.[0];
			return task?.data?.main?.[outputIndex] ?? [];
		},
		error(nodeName) {
			return run.data.resultData.runData[nodeName]?.[0]?.error as never;
		},
	};
}

/** A node of the action type, ready for `runWorkflow`. */
export function actionNode(parameters: IDataObject, extra: Partial<INode> = {}): INode {
	return {
		id: 'node-360dialog',
		name: '360dialog',
		type: ACTION_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { [CREDENTIAL_TYPE]: { id: 'cred-1', name: '360dialog test' } },
		...extra,
	} as INode;
}

/** Runs the action node alone on the given items against a 360dialog at `baseUrl`. */
export async function runActionNode(
	parameters: IDataObject,
	items: INodeExecutionData[],
	{
		baseUrl,
		apiKey = 'test-api-key',
		continueOnFail = false,
		typeVersion = 1,
	}: { baseUrl: string; apiKey?: string; continueOnFail?: boolean; typeVersion?: number },
): Promise<WorkflowRun & { items: INodeExecutionData[] }> {
	const node = actionNode(parameters, {
		typeVersion,
		...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	});
	const result = await runWorkflow({
		nodes: [node],
		start: { node: node.name, items },
		credentials: { [CREDENTIAL_TYPE]: { apiKey, baseUrl } },
	});
	return { ...result, items: result.output(node.name) };
}

/**
 * An editor-side context of the action node, as n8n's editor has when it loads options, searches a list or
 * maps a resource: n8n-core's own LoadOptionsContext over the node's current `parameters`, for parameter `path`.
 */
export async function editorContext(
	parameters: IDataObject,
	{
		baseUrl,
		apiKey = 'test-api-key',
		path,
		typeVersion = 1,
	}: { baseUrl: string; apiKey?: string; path: string; typeVersion?: number },
): Promise<{ context: ILoadOptionsFunctions; nodeType: INodeType }> {
	const loader = await loadPackage();
	const nodeTypes = new PackageNodeTypes(loader);
	const node = actionNode(parameters, { typeVersion });
	const workflow = new Workflow({
		id: 'editor-test',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: false,
	});
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(loader, {
			[CREDENTIAL_TYPE]: { apiKey, baseUrl },
		}) as unknown as ICredentialsHelper,
		currentNodeParameters: node.parameters,
	} as unknown as IWorkflowExecuteAdditionalData;
	return {
		context: new LoadOptionsContext(workflow, node, additionalData, path),
		nodeType: nodeTypes.getByNameAndVersion(node.type, typeVersion),
	};
}
