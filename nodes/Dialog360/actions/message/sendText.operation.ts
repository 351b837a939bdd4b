import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { buildTextMessage } from '../../../shared/whatsapp/messages/text';
import { prepareMessage } from '../helpers/send';
import type { PreparedSend } from '../operation';
import { executePrepared } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description:
			'The message, up to 4096 characters. WhatsApp formatting works: *bold*, _italic_, ~strike~, ```mono```.',
	},
	{
		displayName: 'Show Link Preview',
		name: 'previewUrl',
		type: 'boolean',
		default: false,
		description: 'Whether WhatsApp shows a preview of the first link in the text',
	},
];

export const recipient = 'required';

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendText'] } },
	properties,
);

export function prepare(this: IExecuteFunctions, i: number): PreparedSend {
	return prepareMessage.call(this, i, 'text', () =>
		buildTextMessage({
			body: this.getNodeParameter('text', i) as string,
			previewUrl: this.getNodeParameter('previewUrl', i, false) as boolean,
		}),
	);
}

export const execute = executePrepared(prepare);
