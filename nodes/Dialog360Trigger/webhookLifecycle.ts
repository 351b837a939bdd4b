/**
 * Registering the trigger's URL with 360dialog without ever hijacking a number: a foreign webhook is
 * refused unless the user asks to replace it, the replaced one is kept and put back on deactivation,
 * and nothing is touched once someone else has taken the number over since.
 */
import { randomBytes } from 'crypto';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { dialog360Request, readCredential } from '../shared/transport';
import type { RetryPolicy } from '../shared/transport';
import { checkWebhookUrl, isCloudBaseUrl } from '../shared/whatsapp/webhookUrl';

/** The header 360dialog sends back with every delivery; no underscore, as 360dialog requires. */
export const VERIFICATION_HEADER = 'X-N8n-Webhook-Secret';

const CONFIG_PATH = '/v1/configs/webhook';
const CONFIG_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 300, maxDelayMs: 3000 };

export interface WebhookConfig {
	url?: string;
	headers?: Record<string, string>;
}

export interface TriggerStaticData extends IDataObject {
	webhookSecret?: string;
	registeredUrl?: string;
	/** The webhook that was registered before this workflow replaced it, to put back on deactivation. */
	previousWebhook?: { url: string; headers?: Record<string, string> } | null;
}

function staticData(this: IHookFunctions): TriggerStaticData {
	return this.getWorkflowStaticData('node') as TriggerStaticData;
}

function headerValue(
	headers: Record<string, string> | undefined,
	name: string,
): string | undefined {
	if (!headers) return undefined;
	const key = Object.keys(headers).find(
		(candidate) => candidate.toLowerCase() === name.toLowerCase(),
	);
	return key === undefined ? undefined : headers[key];
}

async function readConfig(this: IHookFunctions): Promise<WebhookConfig> {
	const { body } = await dialog360Request.call(this, {
		method: 'GET',
		path: CONFIG_PATH,
		retry: CONFIG_RETRY,
	});
	const config = (body ?? {}) as WebhookConfig;
	return {
		url: typeof config.url === 'string' && config.url !== '' ? config.url : undefined,
		headers: config.headers,
	};
}

async function writeConfig(
	this: IHookFunctions,
	config: { url: string; headers?: Record<string, string> },
) {
	await dialog360Request.call(this, {
		method: 'POST',
		path: CONFIG_PATH,
		body: config.headers ? { url: config.url, headers: config.headers } : { url: config.url },
		retry: CONFIG_RETRY,
	});
}

function sameUrl(a: string | undefined, b: string | undefined): boolean {
	return a !== undefined && b !== undefined && a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

/** Ours when it points at this node's URL and, where 360dialog shows headers, carries this node's secret. */
function isOurs(config: WebhookConfig, url: string, secret: string | undefined): boolean {
	if (!sameUrl(config.url, url)) return false;
	const registered = headerValue(config.headers, VERIFICATION_HEADER);
	return registered === undefined || registered === secret;
}

export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const data = staticData.call(this);
	if (!data.webhookSecret) return false;
	const config = await readConfig.call(this);
	const url = this.getNodeWebhookUrl('default') as string;
	return (
		sameUrl(config.url, url) &&
		headerValue(config.headers, VERIFICATION_HEADER) === data.webhookSecret
	);
}

export async function create(this: IHookFunctions): Promise<boolean> {
	const url = this.getNodeWebhookUrl('default') as string;
	const { baseUrl } = await readCredential(this);
	if (isCloudBaseUrl(baseUrl)) {
		const problem = checkWebhookUrl(url);
		if (problem) {
			throw new NodeOperationError(
				this.getNode(),
				`360dialog cannot deliver to this workflow: ${problem.problem}`,
				{
					description: problem.fix,
				},
			);
		}
	}

	const options = this.getNodeParameter('options', {}) as { replaceExistingWebhook?: boolean };
	const data = staticData.call(this);
	const current = await readConfig.call(this);
	if (current.url && !sameUrl(current.url, url)) {
		if (!options.replaceExistingWebhook) {
			throw new NodeOperationError(
				this.getNode(),
				`This WhatsApp number already sends its webhooks to ${current.url}`,
				{
					description:
						'360dialog keeps one webhook URL per number. To let this workflow take over, open the trigger\'s options and turn on "Replace Existing Webhook": the current URL is kept and put back when this workflow is deactivated.',
				},
			);
		}
		data.previousWebhook = {
			url: current.url,
			...(current.headers ? { headers: current.headers } : {}),
		};
	}

	const secret = randomBytes(32).toString('hex');
	await writeConfig.call(this, { url, headers: { [VERIFICATION_HEADER]: secret } });
	data.webhookSecret = secret;
	data.registeredUrl = url;
	return true;
}

export async function remove(this: IHookFunctions): Promise<boolean> {
	const data = staticData.call(this);
	const url = data.registeredUrl ?? (this.getNodeWebhookUrl('default') as string);
	const current = await readConfig.call(this);
	if (isOurs(current, url, data.webhookSecret)) {
		const previous = data.previousWebhook;
		await writeConfig.call(this, previous?.url ? previous : { url: '' });
	}
	delete data.webhookSecret;
	delete data.registeredUrl;
	delete data.previousWebhook;
	return true;
}
