/* eslint-disable n8n-nodes-base/node-filename-against-convention -- one version of the trigger; n8n loads it through Dialog360Trigger.node.ts */
import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../shared/credentialType';

import {
	includeRawOption,
	messageTypesProperty,
	replaceExistingWebhookOption,
	statusesPropertyV1,
	verifySecretOption,
	WEBHOOK,
} from './description';
import { receiveWebhook, triggerWebhookMethods } from './webhookMethods';

/** Version 1, as saved workflows know it: two outputs, and only delivered, read and failed by default. */
export class Dialog360TriggerV1 implements INodeType {
	description: INodeTypeDescription = {
		displayName: '360dialog Trigger',
		name: 'dialog360Trigger',
		icon: { light: 'file:360dialog.svg', dark: 'file:360dialog.dark.svg' },
		group: ['trigger'],
		description:
			'Starts the workflow when a WhatsApp message or a delivery status arrives through 360dialog',
		version: 1,
		subtitle: '=Messages and statuses',
		defaults: { name: '360dialog Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Message', 'Status'],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [WEBHOOK],
		properties: [
			{
				displayName:
					"360dialog keeps one webhook URL per WhatsApp number. Activating this workflow registers its URL for the credential's number, and deactivating it puts back the one that was there before.",
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

	webhookMethods = triggerWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook.call(this);
	}
}
