import type { INodeProperties } from 'n8n-workflow';

import { recipientProperties } from '../descriptions/recipient.description';
import { sendOptionsProperty } from '../descriptions/sendOptions.description';
import type { OperationProperty, OperationTable } from '../operation';
import * as markAsRead from './markAsRead.operation';
import * as sendAndWait from './sendAndWait.operation';
import * as sendContacts from './sendContacts.operation';
import * as sendInteractive from './sendInteractive.operation';
import * as sendLocation from './sendLocation.operation';
import * as sendMedia from './sendMedia.operation';
import * as sendRaw from './sendRaw.operation';
import * as sendReaction from './sendReaction.operation';
import * as sendTemplate from './sendTemplate.operation';
import * as sendText from './sendText.operation';
import * as sendTypingIndicator from './sendTypingIndicator.operation';

export const operations: OperationTable<'message'> = {
	sendText,
	sendTemplate,
	sendMedia,
	sendLocation,
	sendContacts,
	sendReaction,
	sendInteractive,
	sendRaw,
	markAsRead,
	sendTypingIndicator,
	sendAndWait,
};

/** The operations that send a message to someone, with whether they need the recipient fields. */
function sendingOperations(recipient: 'required' | 'optional'): string[] {
	return Object.entries(operations)
		.filter(([, operation]) => operation.recipient === recipient)
		.map(([name]) => name);
}

const needRecipient = sendingOperations('required');
const mayNameRecipient = sendingOperations('optional');

const operationProperty: OperationProperty<'message'> = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['message'] } },
	options: [
		{
			name: 'Mark as Read',
			value: 'markAsRead',
			action: 'Mark a message as read',
			description: 'Show the blue ticks on a message the user sent',
		},
		{
			name: 'Send and Wait for Response',
			value: 'sendAndWait',
			action: 'Send a message and wait for a response',
			description:
				'Ask for an approval or an answer; the workflow waits until the person taps or replies',
		},
		{
			name: 'Send Contacts',
			value: 'sendContacts',
			action: 'Send contact cards',
			description: 'Send one or more contact cards',
		},
		{
			name: 'Send Interactive',
			value: 'sendInteractive',
			action: 'Send an interactive message',
			description:
				'Send reply buttons, a list, a call-to-action URL button, a flow, a location request, catalog products or a media carousel',
		},
		{
			name: 'Send Location',
			value: 'sendLocation',
			action: 'Send a location',
			description: 'Send a pin on the map, with an optional name and address',
		},
		{
			name: 'Send Media',
			value: 'sendMedia',
			action: 'Send an image or other media',
			description:
				'Send an image, video, audio, document or sticker by link, media ID or from binary data',
		},
		{
			name: 'Send Raw',
			value: 'sendRaw',
			action: 'Send any message as JSON',
			description: 'Send any message body the WhatsApp API accepts, for types not covered here',
		},
		{
			name: 'Send Reaction',
			value: 'sendReaction',
			action: 'React to a message',
			description: 'Put an emoji reaction on a message, or remove it',
		},
		{
			name: 'Send Template',
			value: 'sendTemplate',
			action: 'Send a template message',
			description: 'Send an approved template, the only message allowed outside the 24-hour window',
		},
		{
			name: 'Send Text',
			value: 'sendText',
			action: 'Send a text message',
			description: 'Send a text message, optionally as a reply, with a link preview',
		},
		{
			name: 'Send Typing Indicator',
			value: 'sendTypingIndicator',
			action: 'Show a typing indicator',
			description:
				'Mark the user\'s message as read and show "typing…" until you reply (at most 25 seconds)',
		},
	],
	default: 'sendText',
};

export const description: INodeProperties[] = [
	operationProperty,
	...recipientProperties(needRecipient, mayNameRecipient),
	...sendText.description,
	...sendTemplate.description,
	...sendMedia.description,
	...sendInteractive.description,
	...sendLocation.description,
	...sendContacts.description,
	...sendReaction.description,
	...markAsRead.description,
	...sendTypingIndicator.description,
	...sendRaw.description,
	...sendAndWait.description,
	sendOptionsProperty([...needRecipient, ...mayNameRecipient]),
];
