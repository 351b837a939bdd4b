import type { INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

export class Dialog360Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: '360dialog Trigger',
		name: 'dialog360Trigger',
		icon: { light: 'file:360dialog.svg', dark: 'file:360dialog.dark.svg' },
		group: ['trigger'],
		version: 1,
		description: 'Starts the workflow on WhatsApp messages and statuses',
		defaults: { name: '360dialog Trigger' },
		inputs: [],
		outputs: ['main', 'main'],
		properties: [],
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return { noWebhookResponse: true };
	}
}
