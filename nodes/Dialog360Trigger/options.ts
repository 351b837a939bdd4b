import type { INodePropertyOptions } from 'n8n-workflow';

export const MESSAGE_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Audio and Voice Notes', value: 'audio' },
	{ name: 'Button (Template Quick Reply)', value: 'button' },
	{ name: 'Contacts', value: 'contacts' },
	{ name: 'Deleted Message', value: 'revoke', description: 'The user deleted a message' },
	{ name: 'Document', value: 'document' },
	{ name: 'Edited Message', value: 'edit', description: 'The user edited a message' },
	{ name: 'Image', value: 'image' },
	{ name: 'Interactive Reply (Button, List, Flow)', value: 'interactive' },
	{ name: 'Location', value: 'location' },
	{ name: 'Order', value: 'order' },
	{ name: 'Reaction', value: 'reaction' },
	{ name: 'Sticker', value: 'sticker' },
	{ name: 'System (e.g. Number Changed)', value: 'system' },
	{ name: 'Text', value: 'text' },
	{ name: 'Unsupported', value: 'unsupported' },
	{ name: 'Video', value: 'video' },
];

export const STATUS_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Call Accepted',
		value: 'ACCEPTED',
		description: 'A call the business placed was answered',
	},
	{
		name: 'Call Rejected',
		value: 'REJECTED',
		description: 'A call the business placed was declined',
	},
	{ name: 'Call Ringing', value: 'RINGING', description: 'A call the business placed is ringing' },
	{ name: 'Deleted', value: 'deleted' },
	{ name: 'Delivered', value: 'delivered' },
	{
		name: 'Failed',
		value: 'failed',
		description: 'Includes errors such as 131047 (24-hour window closed)',
	},
	{ name: 'Played', value: 'played', description: 'A voice message was played' },
	{ name: 'Read', value: 'read' },
	{ name: 'Sent', value: 'sent' },
];
