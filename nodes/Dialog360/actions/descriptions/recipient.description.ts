/** Who receives the message: shown on every operation that sends one. */
import type { INodeProperties } from 'n8n-workflow';

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
		{
			displayName: 'Group ID',
			name: 'groupId',
			type: 'string',
			default: '',
			required,
			placeholder: 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD',
			description: required
				? 'The group to send to, from Group → List Active Groups or a group webhook. Groups take text, media and templates.'
				: 'The group to send to, used when the JSON names no "to"',
			displayOptions: { show: { ...show, recipientType: ['group'] } },
		},
	];
}

/**
 * The recipient fields of the message operations that send: required on `required`, optional on `optional`
 * (whose message body can name its own recipient).
 */
export function recipientProperties(required: string[], optional: string[]): INodeProperties[] {
	return [
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
				{
					name: 'Group',
					value: 'group',
					description: 'A WhatsApp group this number created with the Group resource',
				},
			],
			default: 'phoneNumber',
			displayOptions: { show: { resource: ['message'], operation: [...required, ...optional] } },
		},
		...recipientValueFields(required, true),
		...recipientValueFields(optional, false),
	];
}
