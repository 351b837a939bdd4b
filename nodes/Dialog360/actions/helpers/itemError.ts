/** Errors of the pure builders and checks, as the per-item error n8n shows. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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
