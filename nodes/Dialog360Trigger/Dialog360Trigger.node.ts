import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { checkExists, create, remove } from './webhookLifecycle';
import { receive } from './receive';
import { MESSAGE_TYPE_OPTIONS, STATUS_OPTIONS } from './options';

export class Dialog360Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: '360dialog Trigger',
		name: 'dialog360Trigger',
		icon: { light: 'file:360dialog.svg', dark: 'file:360dialog.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '=Messages and statuses',
		description:
			'Starts the workflow when a WhatsApp message or a delivery status arrives through 360dialog',
		defaults: { name: '360dialog Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Message', 'Status'],
		credentials: [{ name: 'dialog360Api', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// Empty: n8n then answers with webhook()'s own response, {"received":true}, instead of its
				// default for triggers, the literal text "firstEntryJson".
				responseData: '',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					"360dialog keeps one webhook URL per WhatsApp number. Activating this workflow registers its URL for the credential's number, and deactivating it puts back the one that was there before.",
				name: 'oneWebhookNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Message Types',
				name: 'messageTypes',
				type: 'multiOptions',
				options: MESSAGE_TYPE_OPTIONS,
				default: [],
				description: 'Which inbound messages go to the Message output. Leave empty for every type.',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: STATUS_OPTIONS,
				default: ['delivered', 'read', 'failed'],
				description:
					'Which delivery statuses of the messages you send go to the Status output. Leave empty to keep the Status output quiet.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include Raw Payload',
						name: 'includeRaw',
						type: 'boolean',
						default: false,
						description: 'Whether to add the original webhook object to each item, under "raw"',
					},
					{
						displayName: 'Replace Existing Webhook',
						name: 'replaceExistingWebhook',
						type: 'boolean',
						default: false,
						description:
							"Whether to take over the number's webhook when another URL is registered. The previous URL is kept and put back when this workflow is deactivated. Off: activation fails and names the URL in use.",
					},
					{
						displayName: 'Verify Webhook Secret',
						name: 'verifySecret',
						type: 'boolean',
						default: true,
						description:
							'Whether to accept only deliveries that carry the secret header registered at activation. Turn off only when the webhook URL was set up by hand outside n8n: then anyone who learns the URL can start this workflow with made-up messages.',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await remove.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receive.call(this);
	}
}
