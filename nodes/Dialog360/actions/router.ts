/**
 * Items in, operations out. Each item runs the operation chosen for it, scheduled by recipient on up to
 * Concurrency workers (scheduling/). Output keeps input order, every output item points back to its input
 * item, and "Continue On Fail" turns a failure into an error item. From node version 1.1 the run first
 * prepares every item (preparePass) and, when it stops on an error, names the items already accepted
 * (report/acceptedItems).
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Dialog360Resource } from '../node.type';
import * as account from './account';
import { errorItem, nodeErrorOf } from './helpers/itemError';
import type { ItemFailure } from './helpers/itemError';
import * as flow from './flow';
import * as call from './call';
import * as group from './group';
import { readSendSettings } from './helpers/sendSettings';
import * as media from './media';
import * as message from './message';
import { isVersion11OrLater } from './nodeVersion';
import type { OperationModule, OperationTable } from './operation';
import { prepareItems } from './preparePass';
import type { PrepareOutcome } from './preparePass';
import { acceptedItem, reportAcceptedItems } from './report/acceptedItems';
import type { AcceptedItem } from './report/acceptedItems';
import { chainByRecipient } from './scheduling/recipientChains';
import { runChains } from './scheduling/workerPool';
import * as template from './template';

/** The operations of each resource, as the router runs them. */
export const resources: { [R in Dialog360Resource]: OperationTable<R> } = {
	message: message.operations,
	media: media.operations,
	template: template.operations,
	account: account.operations,
	flow: flow.operations,
	group: group.operations,
	call: call.operations,
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

/**
 * Version 1.1's prepare pass. Resource and Operation take no expressions, so the first item's operation is
 * every item's; when it cannot be found, each item reports that at send time.
 */
async function prepareAll(
	this: IExecuteFunctions,
	count: number,
	results: INodeExecutionData[][],
): Promise<PrepareOutcome> {
	let operation: OperationModule;
	try {
		operation = findOperationModule.call(this, 0);
	} catch {
		return {};
	}
	return await prepareItems.call(this, operation, count, results);
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const concurrency = Math.max(1, Math.floor(readSendSettings(this, 0).concurrency));
	const version11 = isVersion11OrLater(this);
	const results: INodeExecutionData[][] = new Array(items.length);
	const accepted: AcceptedItem[] = [];
	const chains = await chainByRecipient.call(this, items.length);
	const { prepared, failed }: PrepareOutcome = version11
		? await prepareAll.call(this, items.length, results)
		: {};
	let firstError: ItemFailure | undefined = failed;

	const runItem = async (i: number) => {
		if (results[i]) return; // failed while being prepared, kept as its error item
		const send = prepared?.[i];
		if (prepared) prepared[i] = undefined;
		try {
			const output = send
				? await send.send()
				: await findOperationModule.call(this, i).execute.call(this, i);
			results[i] = output.map((item) => ({ ...item, pairedItem: item.pairedItem ?? { item: i } }));
			accepted.push(acceptedItem(i, output));
		} catch (error) {
			if (!this.continueOnFail()) {
				if (!firstError || i < firstError.index) firstError = { index: i, error: error as Error };
				return;
			}
			results[i] = [errorItem(error as Error, i)];
		}
	};
	await runChains(chains, concurrency, runItem, () => firstError !== undefined);

	if (firstError) {
		const nodeError = nodeErrorOf.call(this, firstError);
		if (version11) reportAcceptedItems(nodeError, accepted, items.length);
		throw nodeError;
	}
	return [results.flat()];
}
