/**
 * Items in, operations out. Each item runs the operation chosen for it; items go out in parallel up to the
 * node's concurrency, except that items for the same recipient keep their order (WhatsApp shows messages in
 * the order they arrive, and a burst to one person hits the pair rate limit anyway). Output keeps input order,
 * every output item points back to its input item, and "Continue On Fail" turns a failure into an error item.
 * From node version 1.1 the run sends at the number's rate (helpers/sendPolicy) and, when it stops on an
 * error, names the items already accepted; and, for operations that post one message built from the item
 * alone, it first reads and checks every item (`prepare`), so that a malformed item stops the run before its
 * first message goes out, and the sends that follow cost little more than their requests.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Dialog360Resource } from '../node.type';
import type { AcceptedItem } from './helpers/acceptedItems';
import { reportAcceptedItems } from './helpers/acceptedItems';
import { forEachItem } from './helpers/itemPass';
import * as account from './account';
import { readRecipient } from './helpers/send';
import { applyNodeSendPolicy, hasSendPolicy } from './helpers/sendPolicy';
import { readSendSettings } from './helpers/sendSettings';
import * as media from './media';
import * as message from './message';
import * as template from './template';
import type { OperationModule, OperationTable, PreparedSend } from './operation';

type OperationExecute = OperationModule['execute'];

/** The operations of each resource, as the router runs them. */
export const resources: { [R in Dialog360Resource]: OperationTable<R> } = {
	message: message.operations,
	media: media.operations,
	template: template.operations,
	account: account.operations,
};

/** The module of `operation` in `resource`; own keys only, so that a name such as "constructor" finds nothing. */
function operationModule(resource: string, operation: string): OperationModule | undefined {
	if (!Object.prototype.hasOwnProperty.call(resources, resource)) return undefined;
	const table: Record<string, OperationModule> = resources[resource as Dialog360Resource];
	return Object.prototype.hasOwnProperty.call(table, operation) ? table[operation] : undefined;
}

function findOperationModule(this: IExecuteFunctions, i: number): OperationModule {
	const resource = this.getNodeParameter('resource', i) as string;
	const operation = this.getNodeParameter('operation', i) as string;
	const found = operationModule(resource, operation);
	if (!found) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
			{
				itemIndex: i,
				description: 'Choose another operation, or update the n8n-nodes-360dialog package.',
			},
		);
	}
	return found;
}

function findOperation(this: IExecuteFunctions, i: number): OperationExecute {
	return findOperationModule.call(this, i).execute;
}

/** Items that share a key run one after another; the key is the recipient when the item has one. */
function orderingKey(this: IExecuteFunctions, i: number): string {
	try {
		const recipient = readRecipient.call(this, i);
		const key = ('userId' in recipient ? recipient.userId : recipient.phoneNumber).replace(
			/[^\dA-Za-z.]/g,
			'',
		);
		return key === '' ? `item:${i}` : `to:${key}`;
	} catch {
		return `item:${i}`;
	}
}

interface ItemFailure {
	index: number;
	error: Error;
}

function errorItem(error: Error & { description?: string | null }, i: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	const httpCode = (error as { httpCode?: string | null }).httpCode;
	if (httpCode) json.httpCode = httpCode;
	return { json, pairedItem: { item: i } };
}

/**
 * Reads, builds and checks every item's message before any is sent (node version 1.1). Resource and
 * Operation take no expressions, so the first item's operation is every item's. An item that fails here
 * gets its error item under "Continue On Fail"; otherwise the run stops before it sends anything. Answers
 * no sends when the operation does not prepare (each item then runs whole at send time).
 */
async function prepareAll(
	this: IExecuteFunctions,
	count: number,
	results: INodeExecutionData[][],
): Promise<{ prepared?: Array<PreparedSend | undefined>; failed?: ItemFailure }> {
	let operation: OperationModule;
	try {
		operation = findOperationModule.call(this, 0);
	} catch {
		return {};
	}
	const { prepare } = operation;
	if (!prepare) return {};
	const prepared = new Array<PreparedSend | undefined>(count);
	let failed: ItemFailure | undefined;
	await forEachItem(count, async (i) => {
		try {
			prepared[i] = await prepare.call(this, i);
		} catch (error) {
			if (!this.continueOnFail()) {
				failed = { index: i, error: error as Error };
				return false;
			}
			results[i] = [errorItem(error as Error, i)];
		}
		return true;
	});
	return failed ? { failed } : { prepared };
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const concurrency = Math.max(1, Math.floor(readSendSettings(this, 0).concurrency));
	await applyNodeSendPolicy.call(this);
	const results: INodeExecutionData[][] = new Array(items.length);
	const accepted: AcceptedItem[] = [];
	const chains = new Map<string, number[]>();
	await forEachItem(items.length, (i) => {
		const key = orderingKey.call(this, i);
		const chain = chains.get(key);
		if (chain) chain.push(i);
		else chains.set(key, [i]);
		return true;
	});

	const { prepared, failed } = hasSendPolicy(this)
		? await prepareAll.call(this, items.length, results)
		: {};
	let firstError: ItemFailure | undefined = failed;
	const runItem = async (i: number) => {
		if (results[i]) return; // failed while being prepared, kept as its error item
		const send = prepared?.[i];
		if (prepared) prepared[i] = undefined;
		try {
			const output = send ? await send.send() : await findOperation.call(this, i).call(this, i);
			results[i] = output.map((item) => ({ ...item, pairedItem: item.pairedItem ?? { item: i } }));
			const messageId = output[0]?.json.messageId;
			accepted.push(typeof messageId === 'string' ? { item: i, messageId } : { item: i });
		} catch (error) {
			if (!this.continueOnFail()) {
				if (!firstError || i < firstError.index) firstError = { index: i, error: error as Error };
				return;
			}
			results[i] = [errorItem(error as Error, i)];
		}
	};

	const queue = [...chains.values()];
	let next = 0;
	const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
		for (let chain = queue[next++]; chain; chain = queue[next++]) {
			for (const i of chain) {
				if (firstError) return;
				await runItem(i);
			}
		}
	});
	await Promise.all(workers);

	if (firstError) {
		const { error, index } = firstError;
		const nodeError =
			error instanceof NodeOperationError || error instanceof NodeApiError
				? error
				: new NodeOperationError(this.getNode(), error, { itemIndex: index });
		// With one item and nothing sent there is nothing a rerun could send twice, and nothing to add.
		if (hasSendPolicy(this) && (items.length > 1 || accepted.length > 0))
			reportAcceptedItems(nodeError, accepted, items.length);
		throw nodeError;
	}
	return [results.flat()];
}
