import type { INodeProperties } from 'n8n-workflow';

import { recipientProperties, sendOptionsProperty } from '../common';
import type { OperationModule } from '../operation';
import * as sendText from './sendText.operation';

export const operations: Record<string, OperationModule> = {
	sendText,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Send Text',
				value: 'sendText',
				action: 'Send a text message',
				description: 'Send a text message, optionally as a reply, with a link preview',
			},
		],
		default: 'sendText',
	},
	...recipientProperties,
	...sendText.description,
	sendOptionsProperty,
];
