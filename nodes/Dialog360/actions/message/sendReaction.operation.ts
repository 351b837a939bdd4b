import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { buildReactionMessage } from '../../../shared/whatsapp/messages/reaction';
import { messageIdProperty } from '../descriptions/messageId.description';
import { prepareMessage } from '../helpers/send';
import type { PreparedSend } from '../operation';
import { executePrepared } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Remove Reaction',
		name: 'removeReaction',
		type: 'boolean',
		default: false,
		description: 'Whether to take back the reaction you put on this message instead of adding one',
	},
	{
		displayName: 'Emoji',
		name: 'emoji',
		type: 'string',
		default: '',
		required: true,
		placeholder: '👍',
		description: 'One emoji. A new reaction replaces your earlier one on the same message.',
		displayOptions: { show: { removeReaction: [false] } },
	},
];

export const recipient = 'required';

export const description = [
	messageIdProperty(
		'sendReaction',
		'The message to react to. To react to a 360dialog Trigger message, map its "messageId" field.',
	),
	...updateDisplayOptions(
		{ show: { resource: ['message'], operation: ['sendReaction'] } },
		properties,
	),
];

export function prepare(this: IExecuteFunctions, i: number): PreparedSend {
	return prepareMessage.call(this, i, 'reaction', () =>
		buildReactionMessage({
			messageId: this.getNodeParameter('messageId', i) as string,
			remove: this.getNodeParameter('removeReaction', i, false) as boolean,
			emoji: this.getNodeParameter('emoji', i, '') as string,
		}),
	);
}

export const execute = executePrepared(prepare);
