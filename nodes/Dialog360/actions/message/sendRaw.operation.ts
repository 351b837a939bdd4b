import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { buildRawMessage } from '../../../shared/whatsapp/messages/raw';
import { withItemError } from '../helpers/itemError';
import { postMessage, readRecipient, readSendOptions } from '../helpers/send';
import type { PreparedSend } from '../operation';
import { executePrepared } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Message JSON',
		name: 'messageJson',
		type: 'json',
		default: '{\n  "type": "text",\n  "text": { "body": "Hello" }\n}',
		required: true,
		description:
			'The message body as the WhatsApp Cloud API documents it, posted to /messages. "messaging_product" is added when missing; without "to" or "recipient" the message goes to the recipient above. It needs a "type" and an object of that name.',
	},
];

export const recipient = 'optional';

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendRaw'] } },
	properties,
);

export function prepare(this: IExecuteFunctions, i: number): PreparedSend {
	const options = readSendOptions.call(this, i);
	const body = withItemError(this, i, () =>
		buildRawMessage(this.getNodeParameter('messageJson', i), readRecipient.call(this, i), options),
	);
	return { send: async () => await postMessage.call(this, i, body, options.includeRawResponse) };
}

export const execute = executePrepared(prepare);
