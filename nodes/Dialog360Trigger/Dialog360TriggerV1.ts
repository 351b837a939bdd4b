import type { INodeType, INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { checkExists, create, remove } from './activation/lifecycle';
import {
	includeRawOption,
	messageTypesProperty,
	replaceExistingWebhookOption,
	statusesPropertyV1,
	sharedDescription,
	verifySecretOption,
} from './description';
import { receive } from './receive/receive';

/** Version 1, as saved workflows know it: two outputs, and only delivered, read and failed by default. */
export class Dialog360TriggerV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = {
			...sharedDescription(baseDescription),
			version: 1,
			outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
			outputNames: ['Message', 'Status'],
			properties: [
				{
					displayName:
						"360dialog keeps one webhook URL per WhatsApp number. Publishing this workflow registers its URL for the credential's number, and unpublishing it puts back the one that was there before.",
					name: 'oneWebhookNotice',
					type: 'notice',
					default: '',
				},
				messageTypesProperty,
				statusesPropertyV1,
				{
					displayName: 'Options',
					name: 'options',
					type: 'collection',
					placeholder: 'Add Option',
					default: {},
					options: [includeRawOption, replaceExistingWebhookOption, verifySecretOption],
				},
			],
		};
	}

	webhookMethods = { default: { checkExists, create, delete: remove } };

	webhook = receive;
}
