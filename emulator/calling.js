// @ts-check
'use strict';
/**
 * The Calling API's signalling as 360dialog serves it (360dialog docs messaging-api/api-reference/calling:
 * GET/POST /calling/settings, POST /calling/calls, GET /calling/permissions/{wa_id}; Meta, "Calling API
 * reference", "Call settings", "User call permissions"): settings are checked as Meta checks them, calls
 * follow their states (ringing → pre-accepted → accepted → ended) and each change posts a `calls` webhook.
 * Control routes make a user call in and set a user's permission.
 */
const crypto = require('node:crypto');
const { metaError, invalidParameter, requiredParameter, controlError } = require('./errors');
const { digitsOf } = require('./ids');
const { webhookBody, unixSeconds } = require('./envelopes');
const { isObject, checkOneOf } = require('./field-checks');

/** @typedef {import('./context').Context} Context */
/** @typedef {import('./options').NumberConfig} NumberConfig */
/** @typedef {import('./cloud-api').Handler} Handler */

const ON_OFF = ['ENABLED', 'DISABLED'];
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const PERMISSIONS = ['no_permission', 'temporary', 'permanent'];
/** A temporary permission lasts a week (Meta, "User call permissions"). */
const TEMPORARY_PERMISSION_SECONDS = 7 * 24 * 3600;

/**
 * @typedef {object} Call
 * @property {string} id
 * @property {string} phoneNumberId
 * @property {string} user
 * @property {'USER_INITIATED' | 'BUSINESS_INITIATED'} direction
 * @property {'ringing' | 'pre_accepted' | 'accepted' | 'ended'} state
 * @property {number} startedAt
 */

function createCallingStore() {
	/** @type {Map<string, Record<string, any>>} settings per number */
	const settings = new Map();
	/** @type {Map<string, { status: string, expiration_time?: number }>} per number and user */
	const permissions = new Map();
	/** @type {Map<string, Call>} */
	const calls = new Map();
	return {
		/** @param {string} phoneNumberId */
		settingsOf: (phoneNumberId) =>
			settings.get(phoneNumberId) ?? {
				status: 'DISABLED',
				call_icon_visibility: 'DEFAULT',
				callback_permission_status: 'DISABLED',
			},
		/** @param {string} phoneNumberId @param {Record<string, any>} next */
		setSettings: (phoneNumberId, next) => settings.set(phoneNumberId, next),
		/** @param {string} phoneNumberId @param {string} waId */
		permissionOf: (phoneNumberId, waId) =>
			permissions.get(`${phoneNumberId} ${waId}`) ?? { status: 'no_permission' },
		/** @param {string} phoneNumberId @param {string} waId @param {{ status: string, expiration_time?: number }} permission */
		setPermission: (phoneNumberId, waId, permission) =>
			permissions.set(`${phoneNumberId} ${waId}`, permission),
		calls,
		clear() {
			settings.clear();
			permissions.clear();
			calls.clear();
		},
	};
}

/** @param {import('./cloud-api').CallContext} call */
function requireJson(call) {
	if (!call.json?.ok || !isObject(call.json.value))
		throw invalidParameter('The request body must be a JSON object');
	return call.json.value;
}

/** @param {unknown} value @param {string} path */
function checkCallHours(value, path) {
	if (!isObject(value)) throw invalidParameter(`Parameter '${path}' must be an object`);
	checkOneOf(value.status, `${path}.status`, ON_OFF);
	if (value.status === 'DISABLED') return;
	if (typeof value.timezone_id !== 'string' || value.timezone_id === '')
		throw requiredParameter(`${path}.timezone_id`);
	const weekly = value.weekly_operating_hours;
	if (!Array.isArray(weekly) || weekly.length === 0)
		throw requiredParameter(`${path}.weekly_operating_hours`);
	weekly.forEach((/** @type {unknown} */ entry, /** @type {number} */ index) => {
		const at = `${path}.weekly_operating_hours[${index}]`;
		if (!isObject(entry)) throw invalidParameter(`Parameter '${at}' must be an object`);
		checkOneOf(entry.day_of_week, `${at}.day_of_week`, DAYS);
		for (const key of ['open_time', 'close_time'])
			if (typeof entry[key] !== 'string' || !/^([01]\d|2[0-3])[0-5]\d$/.test(entry[key]))
				throw invalidParameter(`Parameter '${at}.${key}' must be a time as HHMM`);
		if (entry.open_time >= entry.close_time)
			throw invalidParameter(`Parameter '${at}.open_time' must be before close_time`);
	});
}

/** @param {unknown} value */
function checkSip(value) {
	if (!isObject(value)) throw invalidParameter("Parameter 'calling.sip' must be an object");
	checkOneOf(value.status, 'calling.sip.status', ON_OFF);
	if (value.status === 'DISABLED') return;
	if (!Array.isArray(value.servers) || value.servers.length === 0)
		throw requiredParameter('calling.sip.servers');
	value.servers.forEach((/** @type {unknown} */ server, /** @type {number} */ index) => {
		const at = `calling.sip.servers[${index}]`;
		if (!isObject(server) || typeof server.hostname !== 'string' || server.hostname === '')
			throw requiredParameter(`${at}.hostname`);
		const port = Number(server.port);
		if (!Number.isInteger(port) || port < 1 || port > 65535)
			throw invalidParameter(`Parameter '${at}.port' must be a port number`);
	});
}

/** GET /calling/settings. @type {Handler} */
function getSettings(ctx, call) {
	return { body: { calling: structuredClone(ctx.calling.settingsOf(call.number.phoneNumberId)) } };
}

/**
 * POST /calling/settings: `calling` with any of its settings; enabling needs somewhere for calls to go, a
 * webhook or SIP (138018).
 * @type {Handler}
 */
function postSettings(ctx, call) {
	const body = requireJson(call);
	if (!isObject(body.calling)) throw requiredParameter('calling');
	const given = body.calling;
	if (given.status !== undefined) checkOneOf(given.status, 'calling.status', ON_OFF);
	if (given.call_icon_visibility !== undefined)
		checkOneOf(given.call_icon_visibility, 'calling.call_icon_visibility', [
			'DEFAULT',
			'DISABLE_ALL',
		]);
	if (given.callback_permission_status !== undefined)
		checkOneOf(given.callback_permission_status, 'calling.callback_permission_status', ON_OFF);
	if (given.call_hours !== undefined) checkCallHours(given.call_hours, 'calling.call_hours');
	if (given.sip !== undefined) checkSip(given.sip);
	const next = { ...ctx.calling.settingsOf(call.number.phoneNumberId), ...structuredClone(given) };
	const reachable =
		ctx.store.webhooks.get(call.number.phoneNumberId) !== undefined ||
		next.sip?.status === 'ENABLED';
	if (next.status === 'ENABLED' && !reachable)
		throw metaError(
			400,
			138018,
			'(#138018) Calling cannot be enabled',
			'Configure SIP or subscribe a webhook to the calls field before enabling calling.',
		);
	ctx.calling.setSettings(call.number.phoneNumberId, next);
	return { body: { success: true } };
}

/** GET /calling/permissions/{wa_id}: the permission and what the business may do with it. @type {Handler} */
function getPermission(ctx, call) {
	const waId = digitsOf(call.match[1]);
	const permission = ctx.calling.permissionOf(call.number.phoneNumberId, waId);
	const allowed = permission.status !== 'no_permission';
	return {
		body: {
			messaging_product: 'whatsapp',
			permission: { ...permission },
			actions: [
				{ action_name: 'send_call_permission_request', can_perform_action: !allowed },
				{ action_name: 'start_call', can_perform_action: allowed },
			],
		},
	};
}

/** An SDP must be RFC 8866 text; the platform checks its start. @param {Record<string, any>} body @param {'offer' | 'answer'} type */
function requireSession(body, type) {
	if (!isObject(body.session)) throw requiredParameter('session');
	checkOneOf(body.session.sdp_type, 'session.sdp_type', [type]);
	if (typeof body.session.sdp !== 'string' || !body.session.sdp.startsWith('v=0'))
		throw invalidParameter("Parameter 'session.sdp' must be an SDP (RFC 8866) starting with v=0");
}

/** @param {Context} ctx @param {NumberConfig} number @param {Record<string, unknown>} value */
function deliverCallsWebhook(ctx, number, value) {
	const body = webhookBody(number, [
		[
			{
				value: {
					messaging_product: 'whatsapp',
					metadata: {
						display_phone_number: number.displayPhoneNumber,
						phone_number_id: number.phoneNumberId,
					},
					...value,
				},
				field: 'calls',
			},
		],
	]);
	if (ctx.store.webhooks.get(number.phoneNumberId))
		ctx.webhooks.enqueue(number.phoneNumberId, 'inbound', body);
	return body;
}

/** @param {Context} ctx @param {NumberConfig} number @param {Call} call @param {string} status */
function callStatus(ctx, number, call, status) {
	ctx.timers.after(ctx.options.statusGapMs, () =>
		deliverCallsWebhook(ctx, number, {
			statuses: [
				{
					id: call.id,
					timestamp: unixSeconds(ctx.now()),
					type: 'call',
					status,
					recipient_id: call.user,
				},
			],
		}),
	);
}

/** @param {Context} ctx @param {NumberConfig} number @param {Call} call */
function terminated(ctx, number, call) {
	call.state = 'ended';
	const now = ctx.now();
	ctx.timers.after(ctx.options.statusGapMs, () =>
		deliverCallsWebhook(ctx, number, {
			calls: [
				{
					id: call.id,
					from: call.direction === 'USER_INITIATED' ? call.user : number.displayPhoneNumber,
					to: call.direction === 'USER_INITIATED' ? number.displayPhoneNumber : call.user,
					event: 'terminate',
					direction: call.direction,
					timestamp: unixSeconds(now),
					status: 'COMPLETED',
					start_time: unixSeconds(call.startedAt),
					end_time: unixSeconds(now),
					duration: Math.round((now - call.startedAt) / 1000),
				},
			],
		}),
	);
}

/** The call a call_id names, on this number. @param {Context} ctx @param {NumberConfig} number @param {Record<string, any>} body */
function existingCall(ctx, number, body) {
	if (typeof body.call_id !== 'string' || body.call_id === '') throw requiredParameter('call_id');
	const call = ctx.calling.calls.get(body.call_id);
	if (!call || call.phoneNumberId !== number.phoneNumberId)
		throw invalidParameter(
			`Parameter 'call_id' is invalid: no call ${body.call_id} on this number`,
		);
	if (call.state === 'ended') throw invalidParameter(`The call ${call.id} has already ended`);
	return call;
}

/** @param {Call} call @param {string} action */
function requireIncomingRinging(call, action) {
	if (call.direction !== 'USER_INITIATED' || !['ringing', 'pre_accepted'].includes(call.state))
		throw invalidParameter(
			`A ${action} needs an incoming call that is still ringing; ${call.id} is ${call.state}`,
		);
}

/** POST /calling/calls: connect, pre_accept, accept, reject or terminate. @type {Handler} */
function callAction(ctx, call) {
	const body = requireJson(call);
	if (body.messaging_product !== 'whatsapp') throw requiredParameter('messaging_product');
	checkOneOf(body.action, 'action', ['connect', 'pre_accept', 'accept', 'reject', 'terminate']);
	const number = call.number;
	if (body.action === 'connect') return { body: connect(ctx, number, body) };
	const existing = existingCall(ctx, number, body);
	if (body.action === 'pre_accept' || body.action === 'accept') {
		requireIncomingRinging(existing, body.action);
		requireSession(body, 'answer');
		existing.state = body.action === 'accept' ? 'accepted' : 'pre_accepted';
	} else if (body.action === 'reject') {
		requireIncomingRinging(existing, 'reject');
		terminated(ctx, number, existing);
	} else terminated(ctx, number, existing);
	return { body: { messaging_product: 'whatsapp', success: true } };
}

/**
 * A business-initiated call: calling on (138000), a permission from the user (138006), an SDP offer.
 * @param {Context} ctx @param {NumberConfig} number @param {Record<string, any>} body
 */
function connect(ctx, number, body) {
	if (typeof body.to !== 'string' || digitsOf(body.to) === '') throw requiredParameter('to');
	requireSession(body, 'offer');
	if (ctx.calling.settingsOf(number.phoneNumberId).status !== 'ENABLED')
		throw metaError(
			400,
			138000,
			'(#138000) Calling not enabled',
			'Calling is not enabled on the business phone number.',
		);
	const user = digitsOf(body.to);
	const permission = ctx.calling.permissionOf(number.phoneNumberId, user);
	const expired =
		permission.expiration_time !== undefined && permission.expiration_time * 1000 < ctx.now();
	if (permission.status === 'no_permission' || expired)
		throw metaError(
			400,
			138006,
			'(#138006) No approved call permission',
			'No approved call permission from the recipient.',
		);
	/** @type {Call} */
	const placed = {
		id: `wacid.${crypto.randomBytes(24).toString('base64url')}`,
		phoneNumberId: number.phoneNumberId,
		user,
		direction: 'BUSINESS_INITIATED',
		state: 'ringing',
		startedAt: ctx.now(),
	};
	ctx.calling.calls.set(placed.id, placed);
	callStatus(ctx, number, placed, 'RINGING');
	return { messaging_product: 'whatsapp', calls: [{ id: placed.id }] };
}

/**
 * POST /_emulator/calls/incoming: a user calls the number; the `calls` webhook carries the connect event with
 * the user's SDP offer (Meta, "User-initiated calls").
 * @param {Context} ctx @param {Record<string, any>} input
 */
function incomingCall(ctx, input) {
	if (!isObject(input)) throw controlError(400, 'the body must be a JSON object');
	const user = digitsOf(input.from ?? '');
	if (!user) throw controlError(400, 'from (the calling user) is required');
	const number =
		(input.phoneNumberId && ctx.store.numberById(String(input.phoneNumberId))) ||
		ctx.store.numbers[0];
	if (ctx.calling.settingsOf(number.phoneNumberId).status !== 'ENABLED')
		throw controlError(409, 'calling is not enabled on this number: POST /calling/settings first');
	/** @type {Call} */
	const incoming = {
		id: `wacid.${crypto.randomBytes(24).toString('base64url')}`,
		phoneNumberId: number.phoneNumberId,
		user,
		direction: 'USER_INITIATED',
		state: 'ringing',
		startedAt: ctx.now(),
	};
	ctx.calling.calls.set(incoming.id, incoming);
	const envelope = deliverCallsWebhook(ctx, number, {
		contacts: [{ profile: { name: input.name ?? 'Caller' }, wa_id: user }],
		calls: [
			{
				id: incoming.id,
				from: user,
				to: number.displayPhoneNumber,
				event: 'connect',
				timestamp: unixSeconds(ctx.now()),
				direction: 'USER_INITIATED',
				session: {
					sdp_type: 'offer',
					sdp: input.sdp ?? 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n',
				},
			},
		],
	});
	return { callId: incoming.id, envelope };
}

/** POST /_emulator/calls/permission: what a user answered to a call permission request. @param {Context} ctx @param {Record<string, any>} input */
function setPermission(ctx, input) {
	if (!isObject(input)) throw controlError(400, 'the body must be a JSON object');
	const waId = digitsOf(input.waId ?? '');
	if (!waId) throw controlError(400, 'waId is required');
	if (!PERMISSIONS.includes(input.status))
		throw controlError(400, `status must be one of ${PERMISSIONS.join(', ')}`);
	const number =
		(input.phoneNumberId && ctx.store.numberById(String(input.phoneNumberId))) ||
		ctx.store.numbers[0];
	/** @type {{ status: string, expiration_time?: number }} */
	const permission = { status: input.status };
	if (input.status === 'temporary')
		permission.expiration_time = Math.floor(ctx.now() / 1000) + TEMPORARY_PERMISSION_SECONDS;
	ctx.calling.setPermission(number.phoneNumberId, waId, permission);
	return { waId, permission };
}

/** @type {[string, RegExp, Handler][]} */
const CALLING_ROUTES = [
	['GET', /^\/calling\/settings\/?$/, getSettings],
	['POST', /^\/calling\/settings\/?$/, postSettings],
	['POST', /^\/calling\/calls\/?$/, callAction],
	['GET', /^\/calling\/permissions\/([^/]+)\/?$/, getPermission],
];

module.exports = { CALLING_ROUTES, createCallingStore, incomingCall, setPermission };
