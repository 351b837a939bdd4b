/**
 * The one place that talks HTTP to 360dialog. Every call goes through `dialog360Request`: the credential's
 * `authenticate` adds the API key, failed calls become `NodeApiError`s that say what to do next, and throttling,
 * server errors and dropped connections are retried with bounded exponential backoff and jitter. What a node
 * run asks of its sends (their pace, their timeout) comes with each request, as its `policy`.
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

import { readCredential } from './credentialRead';
import { CREDENTIAL_TYPE } from './credentialType';
import type { SendPace } from './sendRate';
import { describeApiError, extractApiError, isRetryableStatus } from './whatsapp/errors';

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
	/** The send policy of the node run the call belongs to; none outside a run that follows one. */
	policy?: SendPolicy;
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

/**
 * How the sends of one node run behave at volume: the number's shared pace and the cap this run keeps to,
 * and how long one request may take. Without a policy a throttle counts as a failed attempt and requests
 * keep n8n's own timeout.
 */
export interface SendPolicy {
	pace: SendPace;
	/** This run's cap, in messages per second. */
	messagesPerSecond: number;
	/** Milliseconds one request may take before it counts as failed. */
	timeoutMs: number;
}

/** Media transfers can be large: they get n8n's own five minutes whatever the policy says. */
const TRANSFER_TIMEOUT_MS = 300_000;

/**
 * Throttled attempts of one request in a row during which no message of its number got through. While
 * others still get through, a throttle is back-pressure and the request waits its turn; this many throttles
 * with no progress at all mean the number is blocked, and the request fails.
 */
export const MAX_THROTTLES_WITHOUT_PROGRESS = 8;

/** The platform's "too many messages" answer: HTTP 429, or code 130429 in another status. */
function isThrottle(statusCode: number, body: unknown): boolean {
	if (statusCode === 429) return true;
	return extractApiError(statusCode, body).code === 130429;
}

/**
 * The calls the number's throughput limit counts: every message, read receipt and typing indicator, through
 * the Cloud API (`/messages`) or the Marketing Messages API (`/marketing_messages`), which send from the same number.
 */
function isMessageCall(path: string): boolean {
	return /\/(marketing_)?messages\/?$/.test(path.split('?')[0]);
}

function connectionFailure(
	node: INode,
	error: unknown,
	baseUrl: string,
	apiKey: string | undefined,
	attempts: number,
	timeoutMs: number | undefined,
	itemIndex: number | undefined,
): NodeApiError {
	const timedOut =
		timeoutMs !== undefined && /timeout|ETIMEDOUT|ECONNABORTED/i.test(errorText(error));
	const reason = timedOut
		? `360dialog did not answer within ${timeoutMs / 1000} s`
		: isConnectionError(error)
			? 'The connection to 360dialog failed'
			: 'The request to 360dialog could not be sent';
	const text = redactSecret(errorText(error), apiKey);
	return new NodeApiError(
		node,
		{ message: text },
		{
			message: `${reason}: ${text}`,
			description: `Check the credential's base URL (${baseUrl}) and this machine's network, then try again.${attempts > 1 ? ` Tried ${attempts} times.` : ''}`,
			itemIndex,
		},
	);
}

function errorText(error: unknown): string {
	const seen = new Set<unknown>();
	const parts: string[] = [];
	let current = error as { message?: unknown; code?: unknown; cause?: unknown } | undefined;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		if (typeof current.message === 'string' && !parts.includes(current.message))
			parts.push(current.message);
		current = current.cause as typeof current;
	}
	return parts[0] ?? String(error);
}

/** Sends one request to 360dialog and answers its body and status, or throws a `NodeApiError`. */
export async function dialog360Request<T = IDataObject>(
	this: Dialog360Context,
	request: Dialog360Request,
): Promise<Dialog360Response<T>> {
	const { baseUrl, apiKey, decrypted } = await readCredential(this);
	const retry = request.retry ?? DEFAULT_RETRY_POLICY;
	const sendPolicy = request.policy;
	const pace = sendPolicy && isMessageCall(request.path) ? sendPolicy.pace : undefined;
	const isTransfer = request.binary === true || Buffer.isBuffer(request.body);
	const timeoutMs = sendPolicy
		? isTransfer
			? Math.max(TRANSFER_TIMEOUT_MS, sendPolicy.timeoutMs)
			: sendPolicy.timeoutMs
		: undefined;
	const options: IHttpRequestOptions = {
		method: request.method,
		url: resolveUrl(baseUrl, request.path),
		qs: request.qs,
		headers: { Accept: request.binary ? '*/*' : 'application/json', ...request.headers },
		body: request.body,
		json: !request.binary && !Buffer.isBuffer(request.body),
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		...(timeoutMs !== undefined ? { timeout: timeoutMs } : {}),
		// A message is never redirected: a redirect would mean the base URL is wrong, and following one could
		// post the message elsewhere. Saying so also spares each send n8n's redirect-following layer, a tenth
		// of the CPU a send costs inside n8n.
		...(pace ? { disableFollowRedirect: true } : {}),
		...(request.binary ? { encoding: 'arraybuffer' as const } : {}),
	};

	let failures = 0;
	let throttlesWithoutProgress = 0;
	let acceptedAtLastThrottle = -1;
	for (let attempt = 1; ; attempt++) {
		if (pace) await pace.acquire(sendPolicy?.messagesPerSecond ?? 0);
		let response: RawResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				{ ...options, headers: { ...options.headers } },
				{ credentialsDecrypted: decrypted },
			)) as RawResponse;
		} catch (error) {
			if (failures < retry.retries && isConnectionError(error)) {
				await sleep(backoffDelayMs(failures++, retry));
				continue;
			}
			throw connectionFailure(
				this.getNode(),
				error,
				baseUrl,
				apiKey,
				attempt,
				timeoutMs,
				request.itemIndex,
			);
		}

		const { statusCode } = response;
		const succeeded = statusCode >= 200 && statusCode < 300;
		if (succeeded || request.answerStatuses?.includes(statusCode)) {
			if (succeeded) pace?.recordAccepted();
			return { body: response.body as T, statusCode, headers: response.headers ?? {} };
		}
		const body = Buffer.isBuffer(response.body) ? response.body.toString('utf8') : response.body;
		if (pace && isThrottle(statusCode, body)) {
			throttlesWithoutProgress =
				pace.accepted === acceptedAtLastThrottle ? throttlesWithoutProgress + 1 : 1;
			acceptedAtLastThrottle = pace.accepted;
			if (throttlesWithoutProgress < MAX_THROTTLES_WITHOUT_PROGRESS) {
				// The pause applies to every sender of the number; the next acquire() waits it out.
				pace.recordThrottled(retryAfterMs(response.headers), retry.maxDelayMs);
				continue;
			}
		} else if (failures < retry.retries && isRetryableStatus(statusCode)) {
			await sleep(backoffDelayMs(failures++, retry, retryAfterMs(response.headers)));
			continue;
		}
		throw apiError(this.getNode(), statusCode, body, apiKey, request.itemIndex);
	}
}
