/**
 * The message send path every send operation shares: who receives the message, the options of the envelope,
 * posting it to /messages, and turning 360dialog's answer into the node's output item.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { nodeRequest } from './nodeRequest';
import type { Dialog360Request, Dialog360Response } from '../../../shared/transport';
import { buildEnvelope } from '../../../shared/whatsapp/messages/envelope';
import type {
	EnvelopeOptions,
	MessageBody,
	Recipient,
} from '../../../shared/whatsapp/messages/envelope';
import type { PreparedSend } from '../operation';
import { withItemError } from './itemError';

/**
 * Each item's recipient, read once per node run: the router orders items by it and the send posts to it, and
 * n8n evaluates an expression field anew on every read (a large share of the cost of one message).
 */
const recipientReads = new WeakMap<IExecuteFunctions, Map<number, Recipient>>();

function readRecipientField(context: IExecuteFunctions, i: number): Recipient {
	const type = context.getNodeParameter('recipientType', i, 'phoneNumber') as string;
	if (type === 'userId') return { userId: String(context.getNodeParameter('userId', i, '')) };
	return { phoneNumber: String(context.getNodeParameter('phoneNumber', i, '')) };
}

export function readRecipient(this: IExecuteFunctions, i: number): Recipient {
	let reads = recipientReads.get(this);
	if (!reads) {
		reads = new Map();
		recipientReads.set(this, reads);
	}
	const known = reads.get(i);
	if (known) return { ...known };
	const recipient = readRecipientField(this, i);
	reads.set(i, recipient);
	return { ...recipient };
}

interface SendOptions extends EnvelopeOptions {
	includeRawResponse?: boolean;
}

export function readSendOptions(this: IExecuteFunctions, i: number): SendOptions {
	return this.getNodeParameter('sendOptions', i, {}) as SendOptions;
}

interface SendResponse {
	contacts?: Array<{ input?: string; wa_id?: string; user_id?: string }>;
	messages?: Array<{ id?: string; message_status?: string }>;
}

/** The output item of a send: the message id and who got it, plus the raw answer on request. */
function toSendResult(response: SendResponse, includeRaw: boolean | undefined): IDataObject {
	const contact = response.contacts?.[0] ?? {};
	const message = response.messages?.[0] ?? {};
	const result: IDataObject = {
		messageId: message.id,
		waId: contact.wa_id,
		input: contact.input,
		messageStatus: message.message_status ?? 'accepted',
	};
	if (contact.user_id) result.userId = contact.user_id;
	if (includeRaw) result.response = response as IDataObject;
	return result;
}

/** Posts one message body to `/messages` (or `path`) and answers the node's output for item `i`. */
export async function postMessage(
	this: IExecuteFunctions,
	i: number,
	body: MessageBody | IDataObject,
	includeRaw?: boolean,
	path = '/messages',
): Promise<INodeExecutionData[]> {
	const { body: response } = await nodeRequest.call<
		IExecuteFunctions,
		[Dialog360Request],
		Promise<Dialog360Response<SendResponse>>
	>(this, { method: 'POST', path, body: body as IDataObject, itemIndex: i });
	return [{ json: toSendResult(response, includeRaw), pairedItem: { item: i } }];
}

/**
 * A typical send, prepared: read recipient and options, let `build` make the message object of `type`, wrap
 * it in the envelope; posting it is left to `send()`. Builder errors become per-item errors.
 */
export function prepareMessage(
	this: IExecuteFunctions,
	i: number,
	type: string,
	build: () => unknown,
): PreparedSend {
	const options = readSendOptions.call(this, i);
	const body = withItemError(this, i, () =>
		buildEnvelope(readRecipient.call(this, i), type, build(), options),
	);
	return { send: async () => await postMessage.call(this, i, body, options.includeRawResponse) };
}

/** The whole of a typical send: `prepareMessage`, then post. */
export async function sendMessage(
	this: IExecuteFunctions,
	i: number,
	type: string,
	build: () => unknown,
): Promise<INodeExecutionData[]> {
	return await prepareMessage.call(this, i, type, build).send();
}
