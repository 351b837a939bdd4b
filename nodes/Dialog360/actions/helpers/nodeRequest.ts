/**
 * How the action node calls 360dialog: through the one HTTP door, with the send policy of this node run (read
 * from the node's own parameters) handed to it as an argument of each request.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import type { Dialog360Request, Dialog360Response } from '../../../shared/transport';
import { readSendPolicy } from './sendPolicy';

/** Sends one request of this node run and answers its body and status, or throws a `NodeApiError`. */
export async function nodeRequest<T = IDataObject>(
	this: IExecuteFunctions,
	request: Dialog360Request,
): Promise<Dialog360Response<T>> {
	const policy = await readSendPolicy.call(this);
	return await dialog360Request.call<
		IExecuteFunctions,
		[Dialog360Request],
		Promise<Dialog360Response<T>>
	>(this, { ...request, policy });
}
