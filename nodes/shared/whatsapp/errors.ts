/**
 * The error catalogue: turns the three error shapes 360dialog answers with into one plain record, and
 * tells a person what happened and what to do next. Pure; shared by the action node (failed calls)
 * and the trigger (errors carried by status and message webhooks).
 */
import { asRecord, parseJsonText } from './json';

export interface ApiErrorInfo {
	httpStatus?: number;
	/** Meta's numeric code (131047, 100, ...) or 360dialog's own http code when that is all there is. */
	code?: number;
	subcode?: number;
	title?: string;
	/** The platform's own text, without any secret. */
	message: string;
	/** Meta's `error_data.details`: often names the offending field. */
	details?: string;
	traceId?: string;
}

export interface ErrorAdvice {
	/** One line: what went wrong. */
	message: string;
	/** What to do next, followed by the platform's own words. */
	description: string;
	/** Whether sending the same request again later can succeed. */
	retryable: boolean;
}

interface CatalogueEntry {
	what: string;
	next: string;
	retryable?: boolean;
	/** The advice when the error comes with a message a user sent, where it means something else. */
	inbound?: { what: string; next: string };
}

const CATALOGUE: Record<number, CatalogueEntry> = {
	0: {
		what: 'WhatsApp could not authenticate the request',
		next: 'Check that the 360dialog API key in the credential is current; regenerate it in the 360dialog Hub if needed.',
	},
	2: {
		what: 'The WhatsApp service is temporarily unavailable',
		next: 'Try again in a few minutes; the node already retried with backoff.',
		retryable: true,
	},
	100: {
		what: 'WhatsApp rejected a parameter of the request',
		next: 'Check the field named in the details below and correct its value in the node.',
	},
	190: {
		what: 'The access token behind this number has expired',
		next: 'Reconnect the number in the 360dialog Hub, then generate a new API key.',
	},
	131000: {
		what: 'WhatsApp hit an internal error',
		next: 'Try again later; if it keeps happening, contact 360dialog support with the trace id.',
		retryable: true,
	},
	131005: {
		what: 'This number is not allowed to do that',
		next: 'Check the permissions of the WhatsApp Business Account in the 360dialog Hub.',
	},
	131008: {
		what: 'A required parameter is missing',
		next: 'Fill in the field named in the details below.',
	},
	131009: {
		what: 'A parameter value is not valid',
		next: 'Check the value named in the details below (a stale business-scoped user id is a common cause).',
	},
	131021: {
		what: 'The recipient is the sending number itself',
		next: 'Send to a different WhatsApp number.',
	},
	131026: {
		what: 'The message could not be delivered to this recipient',
		next: 'Check that the number has WhatsApp, has accepted the latest terms, and runs a recent app version; do not retry blindly.',
	},
	131047: {
		what: 'More than 24 hours have passed since this customer last wrote to you (the customer service window is closed)',
		next: 'Send an approved template message instead (operation "Send Template"); free-form messages are allowed again once the customer replies.',
	},
	131048: {
		what: 'Sending is rate-limited because too many recent messages were blocked or reported as spam',
		next: 'Slow down and check the quality rating of your number in the 360dialog Hub before sending more.',
	},
	131049: {
		what: 'WhatsApp did not deliver this marketing message to keep the user experience healthy (per-user marketing limit)',
		next: 'Do not resend at once; try again later, or send a utility template if the message is transactional.',
	},
	131051: {
		what: 'This message type is not supported',
		next: 'Choose a message type WhatsApp supports, or use "Send Raw" with a payload from the current API documentation.',
		inbound: {
			what: 'The user sent a kind of message the API does not deliver (for example a poll or a view-once message)',
			next: 'Ask them to send it again as text, a photo, a file or a location.',
		},
	},
	131052: {
		what: 'The media of the inbound message could not be downloaded',
		next: 'Ask the user to send the file again.',
	},
	131053: {
		what: 'The media could not be uploaded or used',
		next: 'Check that the file type and size are supported by WhatsApp for this message type.',
	},
	131056: {
		what: 'Too many messages were sent to this same recipient in a short time (pair rate limit)',
		next: 'Wait a few seconds between messages to the same person (about one every 6 seconds), then try again.',
		retryable: true,
	},
	130429: {
		what: 'The number is sending faster than its throughput allows',
		next: "Lower the node's concurrency or spread the workflow over time; the node retried with backoff before giving up.",
		retryable: true,
	},
	130472: {
		what: 'The recipient is part of a WhatsApp experiment and did not receive this marketing message',
		next: 'Nothing to fix on your side; do not resend.',
	},
	132000: {
		what: 'The number of template parameters does not match the template',
		next: 'Give exactly as many body/header parameters as the approved template has placeholders.',
	},
	132001: {
		what: 'The template does not exist for this name and language',
		next: 'Check the template name and language code, and that the template is approved, in the 360dialog Hub.',
	},
	132005: {
		what: 'The filled-in template text is too long',
		next: 'Shorten the parameter values.',
	},
	132007: {
		what: 'The template content breaks WhatsApp policy',
		next: "Edit the template or its parameters to comply with WhatsApp's commerce and business policies.",
	},
	132012: {
		what: 'A template parameter has the wrong format',
		next: "Match each parameter's type (text, currency, date_time, media) to what the template expects.",
	},
	132015: {
		what: 'The template is paused because of low quality',
		next: 'Use another template or improve this one; check its status in the 360dialog Hub.',
	},
	132016: {
		what: 'The template is disabled because of low quality',
		next: 'Create a new template; this one can no longer be sent.',
	},
	133010: {
		what: 'The phone number is not registered on the WhatsApp Business Platform',
		next: "Finish the number's registration in the 360dialog Hub.",
	},
	139100: {
		what: 'Some users could not be blocked or unblocked',
		next: 'Only users who wrote to this number in the last 24 hours can be blocked; check each number named below.',
	},
	139101: {
		what: 'The block list is full (WhatsApp keeps at most 64,000 blocked users)',
		next: 'Unblock users you no longer need to block, then try again.',
	},
	139102: {
		what: 'Too many block or unblock requests in a short time',
		next: 'Wait a minute, then try again with fewer items at a time.',
		retryable: true,
	},
	368: {
		what: 'The account is temporarily blocked for policy violations',
		next: 'Check the account status and notifications in the 360dialog Hub.',
	},
};

/** Template management answers code 100 with a subcode that says what is wrong; these are the ones to act on. */
const SUBCODE_CATALOGUE: Record<number, CatalogueEntry> = {
	2388023: {
		what: 'This template name was deleted less than 4 weeks ago and cannot be used again yet in this language',
		next: 'Choose another name, or wait until 4 weeks have passed since the deletion.',
	},
	2388024: {
		what: 'A template with this name already exists in this language',
		next: 'Choose another name, or create the template in another language. To replace it, edit it in the 360dialog Hub (deleting it blocks the name for 4 weeks).',
	},
	2388299: {
		what: 'The template body starts or ends with a variable, which WhatsApp does not approve',
		next: 'Put some text before the first and after the last {{…}} of the body.',
	},
};

const HTTP_CATALOGUE: Record<number, CatalogueEntry> = {
	401: {
		what: 'The 360dialog API key was rejected',
		next: 'Open the 360dialog credential and paste a valid API key from the 360dialog Hub (the number → API key); sandbox keys only work with the sandbox base URL.',
	},
	403: {
		what: '360dialog refused access to this endpoint',
		next: 'Check that your 360dialog plan and number are allowed to use this feature.',
	},
	404: {
		what: 'The resource was not found on 360dialog',
		next: "Check the id you used (media ids expire 30 days after last use) and the credential's base URL.",
	},
	413: {
		what: 'The request is too large',
		next: 'Send a smaller file (WhatsApp media is limited to 100 MB, and less for most types).',
	},
	429: {
		what: '360dialog is throttling this number (too many requests)',
		next: "Lower the node's concurrency or spread the workflow over time; the node retried with backoff before giving up.",
		retryable: true,
	},
	500: {
		what: '360dialog answered with a server error',
		next: 'Try again in a few minutes; the node already retried with backoff.',
		retryable: true,
	},
	502: {
		what: 'The WhatsApp Business API behind 360dialog is unavailable',
		next: 'Try again in a few minutes; the node already retried with backoff.',
		retryable: true,
	},
	503: {
		what: '360dialog is temporarily over capacity',
		next: 'Try again in a few minutes; the node already retried with backoff.',
		retryable: true,
	},
	504: {
		what: '360dialog did not answer in time',
		next: 'Try again in a few minutes; the node already retried with backoff.',
		retryable: true,
	},
};

/**
 * What to do next for a WhatsApp error code, when the code is a known one. `inbound`: the error came with a
 * message a user sent (a webhook's message), not with one this workflow sent.
 */
export function errorHint(
	code: number | undefined,
	origin: 'outbound' | 'inbound' = 'outbound',
): string | undefined {
	if (code === undefined) return undefined;
	const entry = CATALOGUE[code];
	if (!entry) return undefined;
	const advice = (origin === 'inbound' && entry.inbound) || entry;
	return `${advice.what}. ${advice.next}`;
}

/** Whether a failed HTTP call may succeed when sent again: throttling, server errors, never other 4xx. */
export function isRetryableStatus(httpStatus: number | undefined): boolean {
	if (httpStatus === undefined) return true;
	return httpStatus === 429 || httpStatus >= 500;
}

function asNumber(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
	return undefined;
}

function asText(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * Reads any of the three error shapes (Meta's also inside `{detail: ...}`): Meta's `{error:{code,message,error_data:{details}}}`,
 * 360dialog's `{meta:{http_code,developer_message}}` (or the older camelCase), and a plain `{error:"..."}`.
 */
export function extractApiError(httpStatus: number | undefined, rawBody: unknown): ApiErrorInfo {
	const body = parseJsonText(rawBody);
	const outer = asRecord(body);
	// The Marketing Messages API wraps Meta's error: { "detail": { "error": { ... } } }.
	const detail = asRecord(outer?.detail);
	const record = detail && asRecord(detail.error) ? detail : outer;
	const metaError = asRecord(record?.error);
	if (metaError) {
		const data = asRecord(metaError.error_data);
		return {
			httpStatus,
			code: asNumber(metaError.code),
			subcode: asNumber(metaError.error_subcode),
			title: asText(metaError.error_user_title) ?? asText(metaError.type),
			message: asText(metaError.message) ?? asText(metaError.error_user_msg) ?? 'Unknown error',
			details: asText(data?.details) ?? asText(metaError.error_user_msg),
			traceId: asText(metaError.fbtrace_id),
		};
	}
	const meta = asRecord(record?.meta);
	if (meta) {
		const developerMessage = asText(meta.developer_message) ?? asText(meta.developerMessage);
		return {
			httpStatus: httpStatus ?? asNumber(meta.http_code) ?? asNumber(meta.httpCode),
			message: developerMessage ?? 'Unknown error',
		};
	}
	const plain = asText(record?.error) ?? asText(record?.message) ?? asText(record?.detail);
	if (plain) return { httpStatus, message: plain };
	if (typeof body === 'string' && body.trim() !== '') {
		return { httpStatus, message: body.trim().slice(0, 300) };
	}
	return { httpStatus, message: httpStatus ? `HTTP ${httpStatus}` : 'No answer from 360dialog' };
}

/** Reads an error carried inside a webhook (`statuses[].errors[]`, `messages[].errors[]`, `value.errors[]`). */
export function extractWebhookError(raw: unknown): ApiErrorInfo | undefined {
	const record = asRecord(raw);
	if (!record) return undefined;
	const data = asRecord(record.error_data);
	return {
		code: asNumber(record.code),
		title: asText(record.title),
		message: asText(record.message) ?? asText(record.title) ?? 'Unknown error',
		details: asText(data?.details),
	};
}

/** What happened and what to do next, for a person reading an n8n error. */
export function describeApiError(info: ApiErrorInfo): ErrorAdvice {
	const entry =
		(info.subcode !== undefined ? SUBCODE_CATALOGUE[info.subcode] : undefined) ??
		(info.code !== undefined ? CATALOGUE[info.code] : undefined) ??
		(info.httpStatus !== undefined ? HTTP_CATALOGUE[info.httpStatus] : undefined);
	const codeLabel = info.code !== undefined ? ` (#${info.code})` : '';
	const platformWords = [info.message, info.details].filter(
		(part, index, parts) => part && parts.indexOf(part) === index,
	);
	const platform = `360dialog said: ${platformWords.join(' — ')}${info.traceId ? ` [trace ${info.traceId}]` : ''}`;
	if (entry) {
		return {
			message: `${entry.what}${codeLabel}`,
			description: `${entry.next}\n${platform}`,
			retryable: entry.retryable ?? isRetryableStatus(info.httpStatus),
		};
	}
	const status = info.httpStatus ? `HTTP ${info.httpStatus}` : 'no answer';
	return {
		message: `360dialog rejected the request${codeLabel}: ${info.message}`,
		description: `${info.details ? `Details: ${info.details}. ` : ''}Check the node's parameters against the 360dialog documentation (${status}).\n${platform}`,
		retryable: isRetryableStatus(info.httpStatus),
	};
}
