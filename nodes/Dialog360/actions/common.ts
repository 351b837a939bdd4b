/**
 * What every send operation shares: who receives the message, the options of the envelope, and turning
 * 360dialog's answer into the node's output item. Defined once, shown on every send operation.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { dialog360Request } from '../../shared/transport';
import type { Dialog360Request, Dialog360Response } from '../../shared/transport';
import { buildEnvelope } from '../../shared/whatsapp/messages/envelope';
import type {
	EnvelopeOptions,
	MessageBody,
	Recipient,
} from '../../shared/whatsapp/messages/envelope';
import { PayloadError } from '../../shared/whatsapp/validation';

export const SEND_OPERATIONS = [
	'sendText',
	'sendTemplate',
	'sendMedia',
	'sendLocation',
	'sendContacts',
	'sendReaction',
	'sendInteractive',
	'sendRaw',
];

const showOnSend = { show: { resource: ['message'], operation: SEND_OPERATIONS } };

/** Operations whose message body can name its own recipient, so the fields below may stay empty. */
const RECIPIENT_OPTIONAL = ['sendRaw'];

function recipientValueFields(operations: string[], required: boolean): INodeProperties[] {
	const show = { resource: ['message'], operation: operations };
	return [
		{
			displayName: 'Phone Number',
			name: 'phoneNumber',
			type: 'string',
			default: '',
			required,
			placeholder: '+49 151 12345678',
			description: required
				? 'The recipient\'s number with country code. Spaces, dashes, parentheses and a leading + are removed. To answer a 360dialog Trigger message, map its "from" field.'
				: 'The recipient\'s number with country code, used when the JSON names no "to" or "recipient". Spaces, dashes, parentheses and a leading + are removed.',
			displayOptions: { show: { ...show, recipientType: ['phoneNumber'] } },
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			required,
			placeholder: 'US.13491208655302741918',
			description: required
				? 'The business-scoped user ID. To answer a 360dialog Trigger message, map its "fromUserId" field.'
				: 'The business-scoped user ID, used when the JSON names no "to" or "recipient".',
			displayOptions: { show: { ...show, recipientType: ['userId'] } },
		},
	];
}

export const recipientProperties: INodeProperties[] = [
	{
		displayName: 'Send To',
		name: 'recipientType',
		type: 'options',
		options: [
			{
				name: 'Phone Number',
				value: 'phoneNumber',
				description: "The recipient's WhatsApp number with country code",
			},
			{
				name: 'User ID',
				value: 'userId',
				description:
					'The business-scoped user ID (BSUID) a webhook gave, for users who hide their phone number',
			},
		],
		default: 'phoneNumber',
		displayOptions: showOnSend,
	},
	...recipientValueFields(
		SEND_OPERATIONS.filter((operation) => !RECIPIENT_OPTIONAL.includes(operation)),
		true,
	),
	...recipientValueFields(RECIPIENT_OPTIONAL, false),
];

export const sendOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'sendOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: showOnSend,
	options: [
		{
			displayName: 'Callback Data',
			name: 'bizOpaqueCallbackData',
			type: 'string',
			default: '',
			description:
				'Any text up to 512 characters (e.g. an order ID). WhatsApp returns it in every status webhook of this message, so the 360dialog Trigger can match statuses to your records.',
		},
		{
			displayName: 'Include Raw Response',
			name: 'includeRawResponse',
			type: 'boolean',
			default: false,
			description: 'Whether to add 360dialog\'s full answer to the output item, under "response"',
		},
		{
			displayName: 'Reply To Message ID',
			name: 'replyToMessageId',
			type: 'string',
			default: '',
			placeholder: 'wamid.HBgL...',
			description:
				'Quote an earlier message: the new message shows as a reply to it. To quote a 360dialog Trigger message, map its "messageId" field.',
		},
	],
};

export function readRecipient(this: IExecuteFunctions, i: number): Recipient {
	const type = this.getNodeParameter('recipientType', i, 'phoneNumber') as string;
	if (type === 'userId') return { userId: String(this.getNodeParameter('userId', i, '')) };
	return { phoneNumber: String(this.getNodeParameter('phoneNumber', i, '')) };
}

interface SendOptions extends EnvelopeOptions {
	includeRawResponse?: boolean;
}

export function readSendOptions(this: IExecuteFunctions, i: number): SendOptions {
	return this.getNodeParameter('sendOptions', i, {}) as SendOptions;
}

/** Turns a `PayloadError` from a pure builder into the per-item error n8n shows. */
export function asNodeError(this: IExecuteFunctions, error: unknown, i: number): Error {
	if (error instanceof PayloadError) {
		return new NodeOperationError(this.getNode(), error.message, {
			itemIndex: i,
			description: `${error.fix} (parameter: ${error.field})`,
		});
	}
	return error as Error;
}

/** Runs a pure builder or check for item `i`; its `PayloadError` becomes the error n8n shows on the item. */
export function checked<T>(context: IExecuteFunctions, i: number, check: () => T): T {
	try {
		return check();
	} catch (error) {
		throw asNodeError.call(context, error, i);
	}
}

/** `{ success }` answers (status updates, deletes): an answer without the field counts as success. */
export function successOf(body: unknown): boolean {
	const success = (body as { success?: unknown } | undefined)?.success;
	return success === undefined ? true : success === true;
}

/** The rows of a fixedCollection, e.g. `group` = a section's `rows` and `key` = 'row'; none when it is empty. */
export function collectionRows(group: unknown, key: string): IDataObject[] {
	return ((group as IDataObject | undefined)?.[key] as IDataObject[] | undefined) ?? [];
}

interface SendResponse {
	contacts?: Array<{ input?: string; wa_id?: string; user_id?: string }>;
	messages?: Array<{ id?: string; message_status?: string }>;
}

/** The output item of a send: the message id and who got it, plus the raw answer on request. */
export function toSendResult(response: SendResponse, includeRaw: boolean | undefined): IDataObject {
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

/** Posts one message body to `/messages` and answers the node's output for item `i`. */
export async function postMessage(
	this: IExecuteFunctions,
	i: number,
	body: MessageBody | IDataObject,
	includeRaw?: boolean,
): Promise<INodeExecutionData[]> {
	const { body: response } = await dialog360Request.call<
		IExecuteFunctions,
		[Dialog360Request],
		Promise<Dialog360Response<SendResponse>>
	>(this, { method: 'POST', path: '/messages', body: body as IDataObject, itemIndex: i });
	return [{ json: toSendResult(response, includeRaw), pairedItem: { item: i } }];
}

/**
 * The whole of a typical send: read recipient and options, let `build` make the typed message object,
 * wrap it in the envelope, post it. Builder errors become per-item errors.
 */
export async function sendTyped(
	this: IExecuteFunctions,
	i: number,
	type: string,
	build: () => unknown,
): Promise<INodeExecutionData[]> {
	const options = readSendOptions.call(this, i);
	const body = checked(this, i, () =>
		buildEnvelope(readRecipient.call(this, i), type, build(), options),
	);
	return await postMessage.call(this, i, body, options.includeRawResponse);
}
