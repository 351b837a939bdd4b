import type { IHookFunctions, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { receive } from './receive';
import { checkExists, create, remove } from './webhookLifecycle';

/** What both versions do with n8n's webhook calls: register, unregister, receive. */
export const triggerWebhookMethods = {
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

export async function receiveWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	return await receive.call(this);
}
