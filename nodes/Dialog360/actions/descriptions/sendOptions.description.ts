import type { INodeProperties } from 'n8n-workflow';

/** The options of the envelope, shown on the message operations that send. */
export function sendOptionsProperty(operations: string[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'sendOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['message'], operation: operations } },
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
}
