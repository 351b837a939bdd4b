/**
 * Node version 1.1 reads, builds and checks every item's message before any is sent, for operations that post
 * one message built from the item alone: a malformed item stops the run before its first message goes out,
 * and the sends that follow cost little more than their requests.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorItem } from './helpers/itemError';
import type { ItemFailure } from './helpers/itemError';
import { forEachItem } from './helpers/itemPass';
import type { OperationModule, PreparedSend } from './operation';

/** The prepared sends of a run, or the item that stopped the pass; nothing when there is nothing to prepare. */
export interface PrepareOutcome {
	prepared?: Array<PreparedSend | undefined>;
	failed?: ItemFailure;
}

/**
 * Prepares items 0 to count - 1 with `operation`. An item that fails here gets its error item in `results`
 * under "Continue On Fail"; otherwise the pass stops at it and answers it as `failed`. Answers no sends when
 * the operation does not prepare (each item then runs whole at send time).
 */
export async function prepareItems(
	this: IExecuteFunctions,
	operation: OperationModule,
	count: number,
	results: INodeExecutionData[][],
): Promise<PrepareOutcome> {
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
