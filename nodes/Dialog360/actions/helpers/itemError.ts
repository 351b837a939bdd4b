/** Errors of an item: those of the pure builders and checks as n8n shows them, and the error item of a failure. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { PayloadError } from '../../../shared/whatsapp/validation';

/** Turns a `PayloadError` from a pure builder into the per-item error n8n shows; other errors pass. */
export function toItemError(this: IExecuteFunctions, error: unknown, i: number): Error {
	if (error instanceof PayloadError) {
		return new NodeOperationError(this.getNode(), error.message, {
			itemIndex: i,
			description: `${error.fix} (parameter: ${error.field})`,
		});
	}
	return error as Error;
}

/** Runs a pure builder or check for item `i`; its `PayloadError` becomes the error n8n shows on the item. */
export function withItemError<T>(context: IExecuteFunctions, i: number, run: () => T): T {
	try {
		return run();
	} catch (error) {
		throw toItemError.call(context, error, i);
	}
}

/** An item that failed, and why. */
export interface ItemFailure {
	index: number;
	error: Error;
}

/** The output item that stands for a failed item under "Continue On Fail". */
export function errorItem(
	error: Error & { description?: string | null },
	i: number,
): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	const httpCode = (error as { httpCode?: string | null }).httpCode;
	if (httpCode) json.httpCode = httpCode;
	return { json, pairedItem: { item: i } };
}

/** The error the node stops with for `failure`: n8n's own errors as they are, any other wrapped for its item. */
export function nodeErrorOf(
	this: IExecuteFunctions,
	failure: ItemFailure,
): NodeOperationError | NodeApiError {
	const { error, index } = failure;
	return error instanceof NodeOperationError || error instanceof NodeApiError
		? error
		: new NodeOperationError(this.getNode(), error, { itemIndex: index });
}
