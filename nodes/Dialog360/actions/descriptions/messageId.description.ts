import type { INodeProperties } from 'n8n-workflow';

/**
 * The field naming a message the user sent, for the operations that act on it. `description` says what the
 * message is for; it should end by pointing at the trigger's "messageId" field.
 */
export function messageIdProperty(operation: string, description: string): INodeProperties {
	return {
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'wamid.HBgL...',
		description,
		displayOptions: { show: { resource: ['message'], operation: [operation] } },
	};
}
