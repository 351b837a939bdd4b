/**
 * The number's webhook settings at 360dialog: the main URL (`/v1/configs/webhook`) and the extra
 * destinations (`/multi_webhook`, up to 3 webhooks per number in all).
 */
import type { IHookFunctions } from 'n8n-workflow';

import { dialog360Request } from '../../shared/transport';
import type { RetryPolicy } from '../../shared/transport';

/** How many webhooks one number may have, the main one included. */
export const MAX_WEBHOOKS_PER_NUMBER = 3;

const CONFIG_PATH = '/v1/configs/webhook';
const MULTI_PATH = '/multi_webhook';
const CONFIG_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 300, maxDelayMs: 3000 };

export interface WebhookConfig {
	url?: string;
	headers?: Record<string, string>;
}

export interface Destination {
	name?: string;
	url: string;
	headers?: Record<string, string>;
}

export interface MultiWebhookConfig {
	enabled: boolean;
	destinations: Destination[];
}

export function headerValue(
	headers: Record<string, string> | undefined,
	name: string,
): string | undefined {
	if (!headers) return undefined;
	const key = Object.keys(headers).find(
		(candidate) => candidate.toLowerCase() === name.toLowerCase(),
	);
	return key === undefined ? undefined : headers[key];
}

export function sameUrl(a: string | undefined, b: string | undefined): boolean {
	return a !== undefined && b !== undefined && a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

export async function readMainWebhook(this: IHookFunctions): Promise<WebhookConfig> {
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

export async function writeMainWebhook(
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

function asDestination(value: unknown): Destination | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const record = value as Record<string, unknown>;
	if (typeof record.url !== 'string' || record.url === '') return undefined;
	return {
		...(typeof record.name === 'string' ? { name: record.name } : {}),
		url: record.url,
		...(typeof record.headers === 'object' && record.headers !== null
			? { headers: record.headers as Record<string, string> }
			: {}),
	};
}

export async function readExtraDestinations(this: IHookFunctions): Promise<MultiWebhookConfig> {
	const { body } = await dialog360Request.call(this, {
		method: 'GET',
		path: MULTI_PATH,
		retry: CONFIG_RETRY,
	});
	const config = (body ?? {}) as { enabled?: unknown; destinations?: unknown };
	const destinations = Array.isArray(config.destinations)
		? config.destinations.map(asDestination).filter((d): d is Destination => d !== undefined)
		: [];
	return { enabled: config.enabled === true, destinations };
}

/** Writes the whole list: 360dialog keeps what the last write sent. */
export async function writeExtraDestinations(this: IHookFunctions, config: MultiWebhookConfig) {
	await dialog360Request.call(this, {
		method: 'POST',
		path: MULTI_PATH,
		body: {
			enabled: config.enabled,
			destinations: config.destinations.map((destination) => ({ ...destination })),
		},
		retry: CONFIG_RETRY,
	});
}
