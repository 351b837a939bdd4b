// @ts-check
'use strict';
/**
 * The control API under /_emulator/: no key, no injected faults. For tests and for a person at a terminal.
 */
const { configureAccount } = require('./account');
const { readBody, parseJson, sendJson } = require('./http-io');
const { ApiError, controlError } = require('./errors');
const { buildInbound } = require('./inbound');
const { buildEvent } = require('./events2026');
const { emitStatus } = require('./statuses');
const { applyRuntimeOptions, describeRuntimeOptions, OptionError } = require('./options');
const { digitsOf } = require('./ids');
const { isObject } = require('./validation');
const { tapLink } = require('./link-taps');
const { describeMultiWebhook } = require('./multi-webhook');

/** @typedef {import('./context').Context} Context */
/** @typedef {import('./options').NumberConfig} NumberConfig */

const STATUSES = ['sent', 'delivered', 'read', 'played', 'failed', 'deleted'];

/**
 * The number a control call is about: by phoneNumberId, or apiKey, or the first one.
 * @param {Context} ctx
 * @param {Record<string, any>} selector
 * @returns {NumberConfig}
 */
function selectNumber(ctx, selector) {
	if (selector.phoneNumberId !== undefined && selector.phoneNumberId !== null) {
		const number = ctx.store.numberById(String(selector.phoneNumberId));
		if (!number) throw controlError(404, `no number with phoneNumberId ${selector.phoneNumberId}`);
		return number;
	}
	if (selector.apiKey !== undefined && selector.apiKey !== null) {
		const number = ctx.store.numberByApiKey(selector.apiKey);
		if (!number) throw controlError(404, 'no number with that apiKey');
		return number;
	}
	return ctx.store.numbers[0];
}

/** @param {NumberConfig} number */
function describeNumber(number) {
	return {
		apiKey: number.apiKey,
		phoneNumberId: number.phoneNumberId,
		displayPhoneNumber: number.displayPhoneNumber,
		wabaId: number.wabaId,
	};
}

/** A webhook post needs somewhere to go. @param {Context} ctx @param {NumberConfig} number */
function requireWebhook(ctx, number) {
	if (ctx.store.webhooks.get(number.phoneNumberId)) return;
	throw controlError(
		409,
		`no webhook is registered for phone number ${number.phoneNumberId}: register one first ` +
			'(POST /v1/configs/webhook with its D360-API-KEY, or POST /_emulator/webhook)',
	);
}

/**
 * POST /_emulator/events, and emu.injectEvent(): posts one webhook that is neither a message nor a message
 * status (an echo, history, a contact sync, a call or its status, a group or account change), see events2026.js.
 * @param {Context} ctx
 * @param {Record<string, any>} input
 */
function injectEvent(ctx, input) {
	if (!isObject(input)) throw controlError(400, 'the body must be a JSON object');
	const number = selectNumber(ctx, input);
	requireWebhook(ctx, number);
	const envelope = buildEvent(input, { number, nowMs: ctx.now() });
	ctx.webhooks.enqueue(number.phoneNumberId, 'event', envelope);
	return { envelope };
}

/**
 * POST /_emulator/inbound, and emu.injectInbound(). With `deliver: false` the message is received (its id known, the
 * window opened) but not posted: the caller posts the returned envelope itself, e.g. to time the answer.
 * @param {Context} ctx
 * @param {Record<string, any>} input
 */
function injectInbound(ctx, input) {
	if (!isObject(input)) throw controlError(400, 'the body must be a JSON object');
	const number = selectNumber(ctx, input);
	requireWebhook(ctx, number);
	const built = buildInbound(input, {
		number,
		nowMs: ctx.now(),
		storeMedia: (type, given) => ctx.media.addInbound(number.phoneNumberId, type, given),
	});
	ctx.store.rememberInboundId(number.phoneNumberId, built.messageId);
	if (built.opensWindow)
		ctx.store.setLastInbound(number.phoneNumberId, [built.waId, built.userId], built.atMs);
	ctx.store.addInbound({
		messageId: built.messageId,
		phoneNumberId: number.phoneNumberId,
		envelope: built.envelope,
		at: ctx.now(),
	});
	if (input.deliver !== false)
		ctx.webhooks.enqueue(number.phoneNumberId, 'inbound', built.envelope);
	return { messageId: built.messageId, envelope: built.envelope };
}

/**
 * POST /_emulator/contacts: sets when a contact last wrote (null: never), which opens or closes the window.
 * @param {Context} ctx
 * @param {Record<string, any>} input
 */
function setContactWindow(ctx, input) {
	if (!isObject(input)) throw controlError(400, 'the body must be a JSON object');
	const number = selectNumber(ctx, input);
	const waId = input.waId !== undefined ? digitsOf(input.waId) : undefined;
	const userId = typeof input.userId === 'string' ? input.userId : undefined;
	if (!waId && !userId) throw controlError(400, 'waId (or userId) is required');
	let lastInboundAt = input.lastInboundAt;
	if (typeof input.lastInboundHoursAgo === 'number')
		lastInboundAt = ctx.now() - input.lastInboundHoursAgo * 3600_000;
	if (lastInboundAt === undefined)
		throw controlError(
			400,
			'lastInboundAt (ms epoch, or null for never) or lastInboundHoursAgo is required',
		);
	if (
		lastInboundAt !== null &&
		(typeof lastInboundAt !== 'number' || !Number.isFinite(lastInboundAt))
	) {
		throw controlError(400, 'lastInboundAt must be a ms epoch number or null');
	}
	ctx.store.setLastInbound(number.phoneNumberId, [waId, userId], lastInboundAt);
	return {
		phoneNumberId: number.phoneNumberId,
		waId,
		userId,
		lastInboundAt,
		windowOpen: ctx.store.isWindowOpen(number.phoneNumberId, [waId, userId]),
	};
}

/**
 * POST /_emulator/webhook: registers a webhook for a number without its key.
 * @param {Context} ctx
 * @param {Record<string, any>} input
 */
function registerWebhook(ctx, input) {
	if (!isObject(input) || typeof input.url !== 'string') throw controlError(400, 'url is required');
	try {
		new URL(input.url);
	} catch {
		throw controlError(400, 'url must be a valid URL');
	}
	if (input.headers !== undefined && !isObject(input.headers))
		throw controlError(400, 'headers must be an object');
	const number = selectNumber(ctx, input);
	return {
		phoneNumberId: number.phoneNumberId,
		...ctx.store.setWebhook(number.phoneNumberId, input.url, input.headers ?? {}),
	};
}

/**
 * POST /_emulator/statuses: posts a status webhook for a sent message (e.g. a late `failed`).
 * @param {Context} ctx
 * @param {Record<string, any>} input
 */
function pushStatus(ctx, input) {
	if (!isObject(input) || typeof input.messageId !== 'string')
		throw controlError(400, 'messageId is required');
	if (!STATUSES.includes(input.status))
		throw controlError(400, `status must be one of ${STATUSES.join(', ')}`);
	const record = ctx.store.findSent(input.messageId);
	if (!record) throw controlError(404, `no sent message with id ${input.messageId}`);
	const errors =
		input.status === 'failed'
			? Array.isArray(input.errors)
				? input.errors
				: [
						{
							code: 131026,
							title: 'Message undeliverable',
							message: 'Message undeliverable',
							error_data: { details: 'Message could not be delivered.' },
						},
					]
			: undefined;
	return { status: emitStatus(ctx, record, input.status, errors) };
}

/**
 * @param {Context} ctx
 * @param {Record<string, any>} patch
 */
function updateOptions(ctx, patch) {
	if (!isObject(patch)) throw controlError(400, 'the body must be a JSON object of options');
	try {
		ctx.options = applyRuntimeOptions(ctx.options, patch);
	} catch (error) {
		if (error instanceof OptionError) throw controlError(400, error.message);
		throw error;
	}
	return describeRuntimeOptions(ctx.options);
}

/** @param {Context} ctx */
function describeWebhooks(ctx) {
	return ctx.store.numbers.map((number) => ({
		phoneNumberId: number.phoneNumberId,
		...(ctx.store.webhooks.get(number.phoneNumberId) ?? { url: null, headers: {} }),
	}));
}

/** The extra destinations of every number. @param {Context} ctx */
function describeExtraDestinations(ctx) {
	return ctx.store.numbers.map((number) => ({
		phoneNumberId: number.phoneNumberId,
		...describeMultiWebhook(ctx.store.multiWebhooks.get(number.phoneNumberId)),
	}));
}

/** @param {Context} ctx */
function describeContacts(ctx) {
	return ctx.store.numbers.flatMap((number) =>
		ctx.store.contactWindows(number.phoneNumberId).map(([id, lastInboundAt]) => ({
			phoneNumberId: number.phoneNumberId,
			id,
			lastInboundAt,
			windowOpen: ctx.store.isWindowOpen(number.phoneNumberId, [id]),
		})),
	);
}

/** GET /_emulator/requests?method=POST&path=/messages&phoneNumberId=... @param {Context} ctx @param {URLSearchParams} query */
function filterRequests(ctx, query) {
	const method = query.get('method')?.toUpperCase();
	const path = query.get('path');
	const phoneNumberId = query.get('phoneNumberId');
	return ctx.store.requests.filter(
		(record) =>
			(!method || record.method === method) &&
			(!path || record.path === path) &&
			(!phoneNumberId || record.phoneNumberId === phoneNumberId),
	);
}

/**
 * @typedef {{ status?: number, body: unknown }} ControlAnswer
 * @typedef {(ctx: Context, body: any, query: URLSearchParams) => ControlAnswer | Promise<ControlAnswer>} ControlHandler
 */

/** @type {Record<string, ControlHandler>} */
const CONTROL_ROUTES = {
	'GET /_emulator/health': (ctx) => ({
		body: {
			ok: true,
			numbers: ctx.store.numbers.map(describeNumber),
			options: describeRuntimeOptions(ctx.options),
		},
	}),
	'GET /_emulator/numbers': (ctx) => ({ body: ctx.store.numbers.map(describeNumber) }),
	'POST /_emulator/inbound': (ctx, body) => ({ body: injectInbound(ctx, body) }),
	'GET /_emulator/inbound': (ctx) => ({ body: ctx.store.inbound }),
	'POST /_emulator/events': (ctx, body) => ({ body: injectEvent(ctx, body) }),
	'POST /_emulator/contacts': (ctx, body) => ({ body: setContactWindow(ctx, body) }),
	'GET /_emulator/contacts': (ctx) => ({ body: describeContacts(ctx) }),
	'GET /_emulator/requests': (ctx, _body, query) => ({ body: filterRequests(ctx, query) }),
	'GET /_emulator/sent': (ctx) => ({ body: ctx.store.sent }),
	'GET /_emulator/deliveries': (ctx) => ({ body: ctx.store.deliveries }),
	'GET /_emulator/webhook': (ctx) => ({ body: describeWebhooks(ctx) }),
	'POST /_emulator/webhook': (ctx, body) => ({ body: registerWebhook(ctx, body) }),
	'GET /_emulator/multi_webhook': (ctx) => ({ body: describeExtraDestinations(ctx) }),
	'POST /_emulator/statuses': (ctx, body) => ({ body: pushStatus(ctx, body) }),
	'POST /_emulator/tap': async (ctx, body) => ({ body: await tapLink(ctx, body) }),
	'POST /_emulator/account': (ctx, body) => ({ body: configureAccount(ctx, body) }),
	'GET /_emulator/options': (ctx) => ({ body: describeRuntimeOptions(ctx.options) }),
	'POST /_emulator/options': (ctx, body) => ({ body: updateOptions(ctx, body) }),
	'POST /_emulator/reset': (ctx) => {
		ctx.reset();
		return { body: { ok: true } };
	},
};

/**
 * @param {Context} ctx
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 */
async function handleControlRequest(ctx, req, res, url) {
	try {
		const { buffer, tooLarge } = await readBody(req, ctx.options.maxMediaBytes * 2);
		if (tooLarge) throw controlError(413, 'the body is too large');
		let body = {};
		if (buffer.length > 0) {
			const parsed = parseJson(buffer);
			if (!parsed.ok) throw controlError(400, `the body is not valid JSON: ${parsed.error}`);
			body = /** @type {{}} */ (parsed.value);
		}
		const path = url.pathname.replace(/\/+$/, '');
		const handler = CONTROL_ROUTES[`${req.method} ${path}`];
		if (!handler)
			throw controlError(
				404,
				`no control endpoint ${req.method} ${path}; see ${Object.keys(CONTROL_ROUTES).join(', ')}`,
			);
		const answer = await handler(ctx, body, url.searchParams);
		sendJson(res, answer.status ?? 200, answer.body);
	} catch (error) {
		if (error instanceof ApiError) {
			sendJson(res, error.status, error.body);
			return;
		}
		ctx.log(`control call failed: ${error instanceof Error ? error.stack : String(error)}`);
		sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
	}
}

module.exports = {
	handleControlRequest,
	injectEvent,
	injectInbound,
	setContactWindow,
	registerWebhook,
	pushStatus,
	describeWebhooks,
	describeExtraDestinations,
};
