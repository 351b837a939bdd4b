// @ts-check
'use strict';
/**
 * The Cloud API as 360dialog serves it (waba-v2): authentication by D360-API-KEY, injected faults, routing.
 */
const { readBody, parseJson, sendJson, sendBytes } = require('./http-io');
const { ApiError, metaError, invalidApiKey, dialogError, invalidParameter } = require('./errors');
const { decideFault } = require('./faults');
const { handleMessagesPost } = require('./messages');
const { handleMarketingMessagesPost } = require('./marketing');
const { readUpload, parseUpload, summarizeUpload } = require('./media');
const { isObject, parseHttpUrl } = require('./validation');
const { ACCOUNT_ROUTES, isRawUploadPath } = require('./account');
const { FLOW_ROUTES } = require('./flows');
const { applyMultiWebhook, describeMultiWebhook } = require('./multi-webhook');
const { GROUP_ROUTES } = require('./groups');
const { CALLING_ROUTES } = require('./calling');
const { CONVERSATIONAL_ROUTES } = require('./conversational');
const { TEMPLATE_ANALYTICS_ROUTES } = require('./template-analytics');

/** A path segment percent-decoded; as it is when it is not valid percent-encoding. @param {string} segment */
function decodeSegment(segment) {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/** @typedef {import('./context').Context} Context */
/** @typedef {import('./options').NumberConfig} NumberConfig */
/** @typedef {import('./store').RequestRecord} RequestRecord */

/**
 * @typedef {object} CallContext
 * @property {NumberConfig} number
 * @property {URL} url
 * @property {RegExpExecArray} match
 * @property {Buffer} raw
 * @property {{ ok: true, value: unknown } | { ok: false, error: string } | undefined} json
 * @property {import('./media').UploadForm | undefined} form the multipart form, when the body is one
 * @property {string | undefined} contentType
 * @property {import('node:http').IncomingHttpHeaders} headers
 */

/** @typedef {{ status?: number, body?: unknown, bytes?: Buffer, contentType?: string, headers?: Record<string, string> }} Answer */
/** @typedef {(ctx: Context, call: CallContext) => Answer} Handler */

/** The JSON body of a call, or the Meta error for junk. @param {CallContext} call */
function jsonBody(call) {
	if (!call.json) throw invalidParameter('The request body is empty; a JSON object is required');
	if (!call.json.ok)
		throw metaError(
			400,
			100,
			'(#100) Invalid JSON in request body',
			`The request body is not valid JSON: ${call.json.error}`,
		);
	return call.json.value;
}

/** The platform's URL rules: HTTPS, no port, no "_" in the host. @param {URL} url */
function cloudWebhookRuleViolation(url) {
	if (url.protocol !== 'https:') return 'the webhook URL must use https';
	if (url.port !== '') return 'the webhook URL must not name a port';
	if (url.hostname.includes('_')) return 'the webhook URL host must not contain "_"';
	return undefined;
}

/** @type {Handler} */
function postWebhookConfig(ctx, call) {
	const body = jsonBody(call);
	// An empty URL clears the slot: that is how a number stops sending webhooks.
	if (isObject(body) && body.url === '') {
		ctx.store.webhooks.delete(call.number.phoneNumberId);
		return { body: { url: '' } };
	}
	if (!isObject(body) || typeof body.url !== 'string')
		throw dialogError(400, 'url must be a valid http(s) URL');
	const parsed = parseHttpUrl(body.url);
	if ('problem' in parsed) throw dialogError(400, 'url must be a valid http(s) URL');
	if (
		body.headers !== undefined &&
		(!isObject(body.headers) ||
			Object.values(body.headers).some((value) => typeof value !== 'string'))
	) {
		throw dialogError(400, 'headers must be an object of string values');
	}
	const violation = ctx.options.enforceCloudWebhookRules
		? cloudWebhookRuleViolation(parsed.url)
		: undefined;
	if (violation) throw dialogError(400, violation);
	const config = ctx.store.setWebhook(
		call.number.phoneNumberId,
		body.url,
		/** @type {Record<string, string>} */ (body.headers ?? {}),
	);
	return { body: config };
}

/**
 * GET /v1/configs/webhook. With nothing registered the answer is `{ "url": "" }`: the platform keeps one URL
 * slot per number and reports it empty rather than answering 404.
 * @type {Handler}
 */
function getWebhookConfig(ctx, call) {
	return { body: ctx.store.webhooks.get(call.number.phoneNumberId) ?? { url: '' } };
}

/** POST /multi_webhook: the number's extra destinations, replaced as a whole. @type {Handler} */
function postMultiWebhook(ctx, call) {
	const phoneNumberId = call.number.phoneNumberId;
	const config = applyMultiWebhook(
		ctx.store.multiWebhooks.get(phoneNumberId),
		jsonBody(call),
		ctx.store.webhooks.get(phoneNumberId)?.url,
	);
	ctx.store.multiWebhooks.set(phoneNumberId, config);
	return { body: describeMultiWebhook(config) };
}

/** The platform's answer above a number's throughput. @param {number} retryAfterSeconds */
function throttled(retryAfterSeconds) {
	return metaError(
		429,
		130429,
		'(#130429) Rate limit hit',
		'Cloud API message throughput has been reached.',
		{ headers: { 'retry-after': String(retryAfterSeconds) } },
	);
}

/**
 * The fault `recipientFaults` chose for this call, when it is a POST /messages naming a recipient.
 * @param {Context} ctx @param {string} method @param {URL} url @param {CallContext['json']} json
 */
function recipientFault(ctx, method, url, json) {
	if (method !== 'POST' || !MESSAGES_PATH.test(url.pathname) || !json?.ok) return null;
	return ctx.recipientFaults.decide(ctx.options.recipientFaults, json.value);
}

const MESSAGES_PATH = /^\/(?:v1\/)?messages\/?$/;

/** POST /messages, within the number's throughput: above it 429 / 130429, before the body is even read. @type {Handler} */
function postMessages(ctx, call) {
	if (!ctx.limiter.admit(call.number.phoneNumberId, ctx.options.throughputPerSecond)) {
		throw throttled(1);
	}
	return { body: handleMessagesPost(ctx, call.number, jsonBody(call)) };
}

/** @type {Handler} */
function postMedia(ctx, call) {
	const upload = parseUpload(call.form ?? readUpload(call.raw, call.contentType));
	const item = ctx.media.add(
		call.number.phoneNumberId,
		upload.bytes,
		upload.mimeType,
		upload.filename,
	);
	return { body: { id: item.id } };
}

/** @type {Handler} */
function downloadMedia(ctx, call) {
	const item = ctx.media.download(call.number.phoneNumberId, call.url.searchParams);
	/** @type {Record<string, string>} */
	const headers = {};
	if (item.filename)
		headers['content-disposition'] = `attachment; filename="${item.filename.replace(/"/g, '')}"`;
	return { bytes: item.bytes, contentType: item.mimeType, headers };
}

/** Graph-style GET /message_templates: `{ data, paging }`. @type {Handler} */
function graphTemplates(ctx, call) {
	const query = call.url.searchParams;
	const name = query.get('name');
	const all = ctx.templates
		.all(call.number.wabaId)
		.filter((template) => !name || template.name === name);
	const limit = Math.max(1, Number(query.get('limit') ?? 100) || 100);
	const offset =
		Number(
			query.get('after') ? Buffer.from(String(query.get('after')), 'base64url').toString() : 0,
		) || 0;
	const page = all.slice(offset, offset + limit);
	/** @type {Record<string, unknown>} */
	const cursors = {
		before: Buffer.from(String(offset)).toString('base64url'),
		after: Buffer.from(String(offset + page.length)).toString('base64url'),
	};
	/** @type {Record<string, unknown>} */
	const paging = { cursors };
	if (offset + page.length < all.length)
		paging.next = `/message_templates?limit=${limit}&after=${cursors.after}`;
	return { body: { data: structuredClone(page), paging } };
}

/** @type {[string, RegExp, Handler][]} */
const ROUTES = [
	['POST', MESSAGES_PATH, postMessages],
	[
		'POST',
		/^\/marketing_messages\/?$/,
		(ctx, call) => ({ body: handleMarketingMessagesPost(ctx, call.number, jsonBody(call)) }),
	],
	['POST', /^\/media\/?$/, postMedia],
	['GET', /^\/whatsapp_business\/attachments\/?$/, downloadMedia],
	...ACCOUNT_ROUTES,
	...FLOW_ROUTES,
	...GROUP_ROUTES,
	...CALLING_ROUTES,
	...CONVERSATIONAL_ROUTES,
	...TEMPLATE_ANALYTICS_ROUTES,
	['GET', /^\/v1\/configs\/webhook\/?$/, getWebhookConfig],
	['POST', /^\/v1\/configs\/webhook\/?$/, postWebhookConfig],
	[
		'GET',
		/^\/multi_webhook\/?$/,
		(ctx, call) => ({
			body: describeMultiWebhook(ctx.store.multiWebhooks.get(call.number.phoneNumberId)),
		}),
	],
	['POST', /^\/multi_webhook\/?$/, postMultiWebhook],
	[
		'GET',
		/^\/v1\/configs\/templates\/?$/,
		(ctx, call) => ({ body: ctx.templates.list(call.number.wabaId, call.url.searchParams) }),
	],
	[
		'POST',
		/^\/v1\/configs\/templates\/?$/,
		(ctx, call) => ({
			body: ctx.templates.create(call.number.wabaId, jsonBody(call), ctx.options.newTemplateStatus),
		}),
	],
	[
		'DELETE',
		/^\/v1\/configs\/templates\/([^/]+)\/?$/,
		(ctx, call) => {
			// A segment that is not valid percent-encoding names no template: it is looked up as sent, and not found.
			const name = decodeSegment(call.match[1]);
			ctx.templates.remove(call.number.wabaId, name);
			return {
				body: {
					meta: {
						success: true,
						http_code: 200,
						developer_message: `template name=${name} was deleted`,
					},
				},
			};
		},
	],
	['GET', /^\/message_templates\/?$/, graphTemplates],
	[
		'GET',
		/^\/(\d+)\/?$/,
		(ctx, call) => ({ body: ctx.media.describe(call.number.phoneNumberId, call.match[1]) }),
	],
	[
		'DELETE',
		/^\/(\d+)\/?$/,
		(ctx, call) => {
			ctx.media.remove(call.number.phoneNumberId, call.match[1]);
			return { body: { success: true } };
		},
	],
];

/** @param {string} method @param {string} path */
function findRoute(method, path) {
	const byPath = ROUTES.filter(([, pattern]) => pattern.test(path));
	if (byPath.length === 0) {
		throw metaError(
			404,
			100,
			`Unknown path components: ${path}`,
			`No Cloud API endpoint at ${method} ${path}`,
			{ subcode: 2500 },
		);
	}
	const route = byPath.find(([routeMethod]) => routeMethod === method);
	if (!route) {
		throw metaError(
			400,
			100,
			`Unsupported ${method.toLowerCase()} request.`,
			`${path} does not support ${method}`,
			{ subcode: 33, type: 'GraphMethodException' },
		);
	}
	return { handler: route[2], match: /** @type {RegExpExecArray} */ (route[1].exec(path)) };
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {RequestRecord} record
 * @param {Answer} answer
 */
function respond(res, record, answer) {
	const status = answer.status ?? 200;
	record.status = status;
	if (answer.bytes) {
		record.response = { bytes: answer.bytes.length, contentType: answer.contentType };
		sendBytes(
			res,
			status,
			answer.bytes,
			answer.contentType ?? 'application/octet-stream',
			answer.headers,
		);
		return;
	}
	record.response = answer.body;
	sendJson(res, status, answer.body, answer.headers);
}

/** @param {unknown} error @returns {Answer} */
function answerForError(error) {
	if (error instanceof ApiError)
		return { status: error.status, body: error.body, headers: error.headers };
	return {
		status: 500,
		body: metaError(
			500,
			131000,
			'(#131000) Something went wrong',
			`Unexpected error: ${error instanceof Error ? error.message : String(error)}`,
		).body,
	};
}

/**
 * What the request log keeps of the body.
 * @param {Buffer} raw
 * @param {CallContext['json']} json
 * @param {CallContext['form']} form
 */
function recordedBody(raw, json, form) {
	if (raw.length === 0) return undefined;
	if (form) return summarizeUpload(form, raw.length);
	if (json?.ok) return json.value;
	return { unparsed: raw.toString('utf8').slice(0, 4096) };
}

/**
 * @param {Context} ctx
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 */
async function handleCloudRequest(ctx, req, res, url) {
	const method = req.method ?? 'GET';
	const record = ctx.store.addRequest({
		method,
		path: url.pathname,
		query: Object.fromEntries(url.searchParams),
		headers: { ...req.headers },
		status: null,
		at: ctx.now(),
	});
	try {
		const contentType = req.headers['content-type'];
		const isMultipart = /^multipart\//i.test(contentType ?? '');
		// A resumable upload's body is the file itself: media-sized, and not JSON.
		const isFile = isMultipart || isRawUploadPath(url.pathname);
		const limit = isFile ? ctx.options.maxMediaBytes : ctx.options.maxJsonBytes;
		const { buffer: raw, size, tooLarge } = await readBody(req, limit);
		if (tooLarge) {
			record.body = { tooLarge: true, size };
			const detail = `The request body (${size} bytes) is larger than the limit of ${limit} bytes`;
			respond(
				res,
				record,
				answerForError(metaError(413, 100, '(#100) Request entity too large', detail)),
			);
			return;
		}
		const json = raw.length > 0 && !isFile ? parseJson(raw) : undefined;
		const form = isMultipart ? readUpload(raw, contentType) : undefined;
		record.body = isRawUploadPath(url.pathname)
			? { bytes: raw.length }
			: recordedBody(raw, json, form);

		if (ctx.options.latencyMs > 0) await ctx.requestTimers.sleep(ctx.options.latencyMs);
		if (ctx.closed) return;
		const fault = decideFault(ctx.options, ctx.random) ?? recipientFault(ctx, method, url, json);
		if (fault === 'drop') {
			record.dropped = true;
			req.socket.destroy();
			return;
		}
		if (fault === 'throttle') throw throttled(ctx.options.recipientFaults?.retryAfterSeconds ?? 1);
		if (fault === 'fail')
			throw metaError(
				500,
				131000,
				'(#131000) Something went wrong',
				'Something went wrong. Please try again later.',
			);

		const number = ctx.store.numberByApiKey(req.headers['d360-api-key']);
		if (!number) throw invalidApiKey();
		record.phoneNumberId = number.phoneNumberId;

		const { handler, match } = findRoute(method, url.pathname);
		respond(
			res,
			record,
			handler(ctx, { number, url, match, raw, json, form, contentType, headers: req.headers }),
		);
	} catch (error) {
		if (!(error instanceof ApiError))
			ctx.log(`API call failed: ${error instanceof Error ? error.stack : String(error)}`);
		respond(res, record, answerForError(error));
	}
	ctx.log(`${method} ${url.pathname}${url.search} → ${record.status ?? 'dropped'}`);
}

module.exports = { handleCloudRequest };
