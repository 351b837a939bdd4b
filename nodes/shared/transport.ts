/**
 * The one place that talks HTTP to 360dialog. Every call goes through `dialog360Request`: the credential's
 * `authenticate` adds the API key, failed calls become `NodeApiError`s that say what to do next, and throttling,
 * server errors and dropped connections are retried with bounded exponential backoff and jitter.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { describeApiError, extractApiError, isRetryableStatus } from './whatsapp/errors';

export const CREDENTIAL_TYPE = 'dialog360Api';
export const DEFAULT_BASE_URL = 'https://waba-v2.360dialog.io';

export type Dialog360Context =
	| IExecuteFunctions
	| IHookFunctions
	| ILoadOptionsFunctions
	| IWebhookFunctions;

export interface RetryPolicy {
	/** Further attempts after the first one. */
	retries: number;
	/** The first backoff; doubles each attempt. */
	baseDelayMs: number;
	/** No single wait is longer than this, Retry-After included. */
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	retries: 4,
	baseDelayMs: 500,
	maxDelayMs: 20_000,
};
export const NO_RETRY: RetryPolicy = { retries: 0, baseDelayMs: 0, maxDelayMs: 0 };

export interface Dialog360Request {
	method: IHttpRequestMethods;
	/** A path on the credential's base URL (`/messages`), or a full URL on the same host. */
	path: string;
	body?: IDataObject | IDataObject[] | Buffer;
	qs?: IDataObject;
	headers?: Record<string, string>;
	/** Answer the raw bytes (media downloads). */
	binary?: boolean;
	retry?: RetryPolicy;
	/** The item the call is made for, so that n8n shows the error on it. */
	itemIndex?: number;
	/**
	 * Error statuses whose body is answered rather than thrown: answers that carry results next to their
	 * error, such as a block-list change that went through for some users only (400 / 139100).
	 */
	answerStatuses?: number[];
}

export interface Dialog360Response<T> {
	body: T;
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
}

interface RawResponse {
	body: unknown;
	statusCode: number;
	headers?: Record<string, string | string[] | undefined>;
}

/** Whether a thrown transport error means no HTTP answer came back (refused, reset, timed out). */
function isConnectionError(error: unknown): boolean {
	const seen = new Set<unknown>();
	let current = error as { code?: unknown; cause?: unknown; httpCode?: unknown } | undefined;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const code = typeof current.code === 'string' ? current.code : '';
		if (
			/^(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|ECONNABORTED|EAI_AGAIN|UND_ERR_SOCKET|ERR_SOCKET)/.test(
				code,
			)
		) {
			return true;
		}
		current = current.cause as typeof current;
	}
	const message = error instanceof Error ? error.message : String(error);
	return /socket hang up|ECONNRESET|ECONNREFUSED|network error|timeout/i.test(message);
}

/** Milliseconds the server asked us to wait, from a Retry-After header in seconds or as an HTTP date. */
export function retryAfterMs(
	headers: RawResponse['headers'],
	now = Date.now(),
): number | undefined {
	const raw = headers?.['retry-after'];
	const value = Array.isArray(raw) ? raw[0] : raw;
	if (value === undefined || value === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before attempt `attempt + 1`: the server's Retry-After when it gave one (it knows its
 * own load), otherwise exponential backoff with "equal jitter" so that parallel items do not retry in step.
 */
export function backoffDelayMs(
	attempt: number,
	policy: RetryPolicy,
	serverDelayMs?: number,
	random: () => number = Math.random,
): number {
	if (serverDelayMs !== undefined) return Math.min(policy.maxDelayMs, Math.max(0, serverDelayMs));
	const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
	return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** Replaces every occurrence of a secret in a text, so that no key reaches an error, an output or a log. */
export function redactSecret(text: string, secret: string | undefined): string {
	if (!secret || secret.length < 4) return text;
	return text.split(secret).join('[redacted]');
}

function normaliseBaseUrl(value: unknown): string {
	const text = typeof value === 'string' && value.trim() !== '' ? value.trim() : DEFAULT_BASE_URL;
	return text.replace(/\/+$/, '');
}

function resolveUrl(baseUrl: string, path: string): string {
	if (/^https?:\/\//i.test(path)) return path;
	return `${baseUrl}${path.startsWith('/') ? path : `/${path}`}`;
}

function apiError(
	node: INode,
	statusCode: number | undefined,
	body: unknown,
	secret: string | undefined,
	itemIndex: number | undefined,
): NodeApiError {
	const info = extractApiError(statusCode, body);
	const advice = describeApiError(info);
	const errorResponse: JsonObject = {
		message: redactSecret(info.message, secret),
		...(statusCode !== undefined ? { httpCode: String(statusCode) } : {}),
		...(info.code !== undefined ? { code: info.code } : {}),
		...(info.details ? { details: redactSecret(info.details, secret) } : {}),
		...(info.traceId ? { fbtrace_id: info.traceId } : {}),
	};
	return new NodeApiError(node, errorResponse, {
		message: redactSecret(advice.message, secret),
		description: redactSecret(advice.description, secret),
		httpCode: statusCode !== undefined ? String(statusCode) : undefined,
		itemIndex,
	});
}

/** Reads the credential's base URL and key once; the key is only used to redact it from errors. */
export async function readCredential(
	context: Dialog360Context,
): Promise<{ baseUrl: string; apiKey: string | undefined }> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	return {
		baseUrl: normaliseBaseUrl(credentials.baseUrl),
		apiKey: typeof credentials.apiKey === 'string' ? credentials.apiKey : undefined,
	};
}

/** Sends one request to 360dialog and answers its body and status, or throws a `NodeApiError`. */
export async function dialog360Request<T = IDataObject>(
	this: Dialog360Context,
	request: Dialog360Request,
): Promise<Dialog360Response<T>> {
	const { baseUrl, apiKey } = await readCredential(this);
	const policy = request.retry ?? DEFAULT_RETRY_POLICY;
	const options: IHttpRequestOptions = {
		method: request.method,
		url: resolveUrl(baseUrl, request.path),
		qs: request.qs,
		headers: { Accept: request.binary ? '*/*' : 'application/json', ...request.headers },
		body: request.body,
		json: !request.binary && !Buffer.isBuffer(request.body),
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		...(request.binary ? { encoding: 'arraybuffer' as const } : {}),
	};

	for (let attempt = 0; ; attempt++) {
		let response: RawResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
				...options,
			})) as RawResponse;
		} catch (error) {
			if (attempt < policy.retries && isConnectionError(error)) {
				await sleep(backoffDelayMs(attempt, policy));
				continue;
			}
			const reason = isConnectionError(error)
				? 'The connection to 360dialog failed'
				: 'The request to 360dialog could not be sent';
			const text = redactSecret(error instanceof Error ? error.message : String(error), apiKey);
			throw new NodeApiError(
				this.getNode(),
				{ message: text },
				{
					message: `${reason}: ${text}`,
					description: `Check the credential's base URL (${baseUrl}) and this machine's network, then try again.${attempt > 0 ? ` Tried ${attempt + 1} times.` : ''}`,
					itemIndex: request.itemIndex,
				},
			);
		}

		const { statusCode } = response;
		if ((statusCode >= 200 && statusCode < 300) || request.answerStatuses?.includes(statusCode)) {
			return { body: response.body as T, statusCode, headers: response.headers ?? {} };
		}
		if (attempt < policy.retries && isRetryableStatus(statusCode)) {
			await sleep(backoffDelayMs(attempt, policy, retryAfterMs(response.headers)));
			continue;
		}
		const body = Buffer.isBuffer(response.body) ? response.body.toString('utf8') : response.body;
		throw apiError(this.getNode(), statusCode, body, apiKey, request.itemIndex);
	}
}
