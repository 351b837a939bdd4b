// @ts-check
'use strict';
/**
 * The number's account endpoints: messaging health (GET /health_status), the number itself
 * (GET /v1/configs/phone_number), the business profile with its photo handle from the Resumable Upload API
 * (POST /uploads, GET and POST /upload:{session}), and the block list (GET, POST, DELETE /block_users).
 */
const crypto = require('node:crypto');
const {
	ApiError,
	metaError,
	invalidParameter,
	requiredParameter,
	dialogError,
} = require('./errors');
const { digitsOf } = require('./ids');
const { isObject, ownEntry } = require('./validation');

/** @typedef {import('./context').Context} Context */
/** @typedef {import('./cloud-api').CallContext} CallContext */
/** @typedef {import('./cloud-api').Answer} Answer */

const HEALTH_ENTITIES = ['PHONE_NUMBER', 'WABA', 'BUSINESS', 'APP'];
const HEALTH_LEVELS = ['AVAILABLE', 'LIMITED', 'BLOCKED'];

const PROFILE_FIELDS = [
	'about',
	'address',
	'description',
	'email',
	'profile_picture_url',
	'websites',
	'vertical',
];
const VERTICALS = [
	'UNDEFINED',
	'OTHER',
	'AUTO',
	'BEAUTY',
	'APPAREL',
	'EDU',
	'ENTERTAIN',
	'EVENT_PLAN',
	'FINANCE',
	'GROCERY',
	'GOVT',
	'HOTEL',
	'HEALTH',
	'NONPROFIT',
	'PROF_SERVICES',
	'RETAIL',
	'TRAVEL',
	'RESTAURANT',
	'NOT_A_BIZ',
];
/** What the Resumable Upload API takes (Meta's list for uploads). */
const UPLOAD_TYPES = ['image/jpeg', 'image/jpg', 'image/png', 'video/mp4', 'application/pdf'];
const PROFILE_PHOTO_TYPES = ['image/jpeg', 'image/jpg', 'image/png'];
const MAX_BLOCK_USERS_PER_CALL = 1000;
const DEFAULT_BLOCKED_PAGE = 25;

/**
 * @typedef {object} HealthEntity
 * @property {string} canSendMessage
 * @property {{ error_code: number, error_description: string, possible_solution: string }[]} [errors]
 * @property {string[]} [additionalInfo]
 */

/**
 * @typedef {object} UploadSession
 * @property {string} fileName
 * @property {number} fileLength
 * @property {string} fileType
 * @property {Buffer[]} chunks
 * @property {number} offset
 */

/**
 * @typedef {object} AccountState
 * @property {Record<string, HealthEntity>} health entity type → its state
 * @property {boolean} uploadsAllowed whether the number's key may use the Resumable Upload API
 * @property {Map<string, { input: string, wa_id: string }>} blocked wa_id → entry, in the order blocked
 * @property {Map<string, UploadSession>} uploads session id (without "upload:") → session
 * @property {Map<string, { fileType: string, bytes: number }>} handles finished uploads
 */

function createAccountStore() {
	/** @type {Map<string, AccountState>} phoneNumberId → state */
	const byNumber = new Map();

	/** @param {string} phoneNumberId @returns {AccountState} */
	function of(phoneNumberId) {
		let state = byNumber.get(phoneNumberId);
		if (!state) {
			state = {
				health: Object.fromEntries(
					HEALTH_ENTITIES.map((entity) => [entity, { canSendMessage: 'AVAILABLE' }]),
				),
				uploadsAllowed: true,
				blocked: new Map(),
				uploads: new Map(),
				handles: new Map(),
			};
			byNumber.set(phoneNumberId, state);
		}
		return state;
	}

	return { of, reset: () => byNumber.clear() };
}

/** @typedef {ReturnType<typeof createAccountStore>} AccountStore */

// ---- health ------------------------------------------------------------------------------------------------

/** The ids Meta gives the entities behind a number, derived from its ids so that they stay stable. */
function entityIds(/** @type {import('./options').NumberConfig} */ number) {
	return {
		PHONE_NUMBER: number.phoneNumberId,
		WABA: number.wabaId,
		BUSINESS: `3${number.wabaId.slice(1)}`,
		APP: '4000000000000001',
	};
}

/** GET /health_status: each entity's state, and overall the worst of them. @type {(ctx: Context, call: CallContext) => Answer} */
function healthStatus(ctx, call) {
	const state = ctx.account.of(call.number.phoneNumberId);
	const ids = entityIds(call.number);
	const entities = HEALTH_ENTITIES.map((type) => {
		const entity = state.health[type];
		/** @type {Record<string, unknown>} */
		const answer = {
			entity_type: type,
			id: ids[/** @type {keyof typeof ids} */ (type)],
			can_send_message: entity.canSendMessage,
		};
		if (entity.additionalInfo?.length) answer.additional_info = [...entity.additionalInfo];
		if (entity.errors?.length) answer.errors = structuredClone(entity.errors);
		return answer;
	});
	const worst = Math.max(
		...HEALTH_ENTITIES.map((type) => HEALTH_LEVELS.indexOf(state.health[type].canSendMessage)),
	);
	return {
		body: {
			health_status: { can_send_message: HEALTH_LEVELS[worst], entities },
			id: call.number.phoneNumberId,
		},
	};
}

// ---- phone number ------------------------------------------------------------------------------------------

/** GET /v1/configs/phone_number: the number the key belongs to. @type {(ctx: Context, call: CallContext) => Answer} */
function phoneNumber(_ctx, call) {
	const digits = digitsOf(call.number.displayPhoneNumber);
	return {
		body: {
			id: call.number.phoneNumberId,
			phone_number: digits,
			display_phone_number: call.number.displayPhoneNumber,
			verified_name: 'Emulator Business',
			quality_rating: 'GREEN',
			code_verification_status: 'VERIFIED',
			name_status: 'APPROVED',
			platform_type: 'CLOUD_API',
			throughput: { level: 'STANDARD' },
		},
	};
}

// ---- business profile --------------------------------------------------------------------------------------

/** @param {Context} ctx @param {string} phoneNumberId */
function profileOf(ctx, phoneNumberId) {
	let profile = ctx.store.profiles.get(phoneNumberId);
	if (!profile) {
		profile = {
			about: 'Hello from WhatsApp',
			address: '',
			description: '',
			email: '',
			profile_picture_url: '',
			websites: [],
			vertical: 'OTHER',
		};
		ctx.store.profiles.set(phoneNumberId, profile);
	}
	return profile;
}

/** @type {(ctx: Context, call: CallContext) => Answer} */
function getBusinessProfile(ctx, call) {
	const profile = profileOf(ctx, call.number.phoneNumberId);
	const requested = (call.url.searchParams.get('fields') ?? '')
		.split(',')
		.map((field) => field.trim())
		.filter(Boolean);
	const fields = requested.length
		? requested.filter((field) => PROFILE_FIELDS.includes(field))
		: PROFILE_FIELDS;
	const picked = Object.fromEntries(fields.map((field) => [field, profile[field]]));
	return { body: { data: [{ ...picked, messaging_product: 'whatsapp' }] } };
}

/** @param {unknown} value @param {string} field @param {number} max @param {number} [min] */
function checkProfileText(value, field, max, min = 0) {
	if (value === undefined) return;
	if (typeof value !== 'string' || [...value].length > max || [...value].length < min) {
		throw invalidParameter(
			`Parameter '${field}' must be a string of ${min > 0 ? `${min} to ` : 'at most '}${max} characters`,
		);
	}
}

/** @param {Record<string, any>} body */
function validateProfileUpdate(body) {
	if (body.messaging_product !== 'whatsapp')
		throw invalidParameter("Parameter 'messaging_product' must be 'whatsapp'");
	checkProfileText(body.about, 'about', 139, 1);
	checkProfileText(body.address, 'address', 256);
	checkProfileText(body.description, 'description', 512);
	checkProfileText(body.email, 'email', 128);
	if (
		typeof body.email === 'string' &&
		body.email !== '' &&
		!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email)
	)
		throw invalidParameter("Parameter 'email' must be a valid email address");
	if (body.websites !== undefined) {
		if (!Array.isArray(body.websites) || body.websites.length > 2)
			throw invalidParameter("Parameter 'websites' must be an array of at most 2 URLs");
		body.websites.forEach((site, index) => {
			if (typeof site !== 'string' || site.length > 256 || !/^https?:\/\/\S+$/i.test(site))
				throw invalidParameter(
					`Parameter 'websites[${index}]' must be a URL starting with http:// or https://, at most 256 characters`,
				);
		});
	}
	if (body.vertical !== undefined && body.vertical !== '' && !VERTICALS.includes(body.vertical))
		throw invalidParameter(`Parameter 'vertical' must be one of ${VERTICALS.join(', ')}`);
}

/** POST /whatsapp_business_profile: only the fields given change. @type {(ctx: Context, call: CallContext) => Answer} */
function postBusinessProfile(ctx, call) {
	const body = call.json?.ok ? call.json.value : undefined;
	if (!isObject(body)) throw invalidParameter('The request body must be a JSON object');
	validateProfileUpdate(body);
	const state = ctx.account.of(call.number.phoneNumberId);
	const handle = body.profile_picture_handle;
	const upload = typeof handle === 'string' ? state.handles.get(handle) : undefined;
	if (handle !== undefined && !upload) {
		throw metaError(
			400,
			100,
			'(#100) Invalid parameter',
			"Parameter 'profile_picture_handle' is not a handle this number uploaded",
			{
				userTitle: 'Invalid profile picture handle',
				userMessage:
					'Upload the photo with the Resumable Upload API and use the handle it answered.',
			},
		);
	}
	if (upload && !PROFILE_PHOTO_TYPES.includes(upload.fileType))
		throw invalidParameter(
			`Parameter 'profile_picture_handle' names a ${upload.fileType} upload; a profile photo must be a JPEG or PNG image`,
		);
	const profile = profileOf(ctx, call.number.phoneNumberId);
	for (const field of PROFILE_FIELDS)
		if (field !== 'profile_picture_url' && body[field] !== undefined) profile[field] = body[field];
	if (typeof handle === 'string') {
		const digest = crypto.createHash('sha256').update(handle).digest('hex').slice(0, 16);
		profile.profile_picture_url = `https://pps.whatsapp.net/v/t61/emulator-${digest}.jpg`;
	}
	return { body: { success: true } };
}

// ---- resumable upload (profile photos) ----------------------------------------------------------------------

/** POST /uploads?file_name=&file_length=&file_type= → { id: "upload:…" }. @type {(ctx: Context, call: CallContext) => Answer} */
function createUploadSession(ctx, call) {
	const state = ctx.account.of(call.number.phoneNumberId);
	if (!state.uploadsAllowed)
		throw dialogError(403, 'Endpoint is blocked for this API key: /uploads');
	const query = call.url.searchParams;
	const fileName = query.get('file_name');
	const fileType = query.get('file_type');
	const fileLength = Number(query.get('file_length'));
	if (!fileName) throw requiredParameter('file_name');
	if (!fileType) throw requiredParameter('file_type');
	if (!UPLOAD_TYPES.includes(fileType))
		throw invalidParameter(`Parameter 'file_type' must be one of ${UPLOAD_TYPES.join(', ')}`);
	if (!Number.isSafeInteger(fileLength) || fileLength <= 0)
		throw invalidParameter("Parameter 'file_length' must be the file size in bytes (> 0)");
	const session = crypto.randomBytes(16).toString('hex');
	state.uploads.set(session, { fileName, fileLength, fileType, chunks: [], offset: 0 });
	return { body: { id: `upload:${session}` } };
}

/** @param {Context} ctx @param {CallContext} call */
function uploadSessionOf(ctx, call) {
	const state = ctx.account.of(call.number.phoneNumberId);
	if (!state.uploadsAllowed)
		throw dialogError(403, 'Endpoint is blocked for this API key: /upload');
	const session = state.uploads.get(call.match[1]);
	if (!session)
		throw metaError(
			400,
			100,
			'(#100) Invalid upload session',
			`No upload session upload:${call.match[1]}`,
		);
	return { state, session };
}

/** GET /upload:{session} → { id, file_offset }: where an interrupted upload resumes. @type {(ctx: Context, call: CallContext) => Answer} */
function uploadSessionStatus(ctx, call) {
	const { session } = uploadSessionOf(ctx, call);
	return { body: { id: `upload:${call.match[1]}`, file_offset: session.offset } };
}

/** POST /upload:{session} with header file_offset and the bytes; the last chunk answers the handle { h }. @type {(ctx: Context, call: CallContext) => Answer} */
function uploadToSession(ctx, call) {
	const { state, session } = uploadSessionOf(ctx, call);
	const offset = Number(call.headers['file_offset'] ?? 0);
	if (offset !== session.offset)
		throw invalidParameter(
			`file_offset ${offset} does not match the session's offset ${session.offset}; resume from ${session.offset}`,
		);
	if (call.raw.length === 0) throw invalidParameter('The upload carries no bytes');
	if (session.offset + call.raw.length > session.fileLength)
		throw invalidParameter(
			`The upload is longer than the session's file_length (${session.fileLength} bytes)`,
		);
	session.chunks.push(call.raw);
	session.offset += call.raw.length;
	if (session.offset < session.fileLength)
		return { body: { id: `upload:${call.match[1]}`, file_offset: session.offset } };
	const handle = `4:${Buffer.from(session.fileName).toString('base64url')}:${session.fileType}:${crypto.randomBytes(12).toString('base64url')}`;
	state.handles.set(handle, { fileType: session.fileType, bytes: session.fileLength });
	state.uploads.delete(call.match[1]);
	return { body: { h: handle } };
}

// ---- block list --------------------------------------------------------------------------------------------

/** @param {CallContext} call */
function blockUsersBody(call) {
	const body = call.json?.ok ? call.json.value : undefined;
	if (!isObject(body)) throw invalidParameter('The request body must be a JSON object');
	if (body.messaging_product !== 'whatsapp')
		throw invalidParameter("Parameter 'messaging_product' must be 'whatsapp'");
	if (!Array.isArray(body.block_users) || body.block_users.length === 0)
		throw requiredParameter('block_users');
	if (body.block_users.length > MAX_BLOCK_USERS_PER_CALL)
		throw invalidParameter(
			`Parameter 'block_users' names ${body.block_users.length} users; at most ${MAX_BLOCK_USERS_PER_CALL} per request`,
		);
	return body.block_users.map((entry, index) => {
		if (!isObject(entry) || typeof entry.user !== 'string' || entry.user === '')
			throw requiredParameter(`block_users[${index}].user`);
		return entry.user;
	});
}

/**
 * Answers a block-list change: 200 when every user went through, otherwise 400 / 139100 with the lists, as
 * the platform answers a partial failure.
 * @param {string} listName added_users or removed_users
 * @param {{ input: string, wa_id: string }[]} done
 * @param {Record<string, unknown>[]} failed
 * @returns {Answer}
 */
function blockListAnswer(listName, done, failed) {
	/** @type {Record<string, unknown>} */
	const lists = { [listName]: done };
	if (failed.length === 0) return { body: { messaging_product: 'whatsapp', block_users: lists } };
	lists.failed_users = failed;
	const verb = listName === 'added_users' ? 'block' : 'unblock';
	const error = metaError(
		400,
		139100,
		'(#139100) Failed to block/unblock users',
		`Failed to ${verb} some users, see the block_users response list for details`,
	);
	throw new ApiError(400, {
		messaging_product: 'whatsapp',
		block_users: lists,
		.../** @type {Record<string, unknown>} */ (error.body),
	});
}

/** @param {string} input */
function invalidUser(input) {
	return {
		input,
		errors: [
			{
				message: 'Invalid parameter',
				code: 131009,
				error_data: { details: `"${input}" is not a valid WhatsApp user phone number` },
			},
		],
	};
}

/** POST /block_users: only users who wrote in the last 24 hours can be blocked. @type {(ctx: Context, call: CallContext) => Answer} */
function blockUsers(ctx, call) {
	const users = blockUsersBody(call);
	const { phoneNumberId } = call.number;
	const state = ctx.account.of(phoneNumberId);
	/** @type {{ input: string, wa_id: string }[]} */ const added = [];
	/** @type {Record<string, unknown>[]} */ const failed = [];
	for (const input of users) {
		const waId = digitsOf(input);
		if (waId.length < 7 || waId.length > 15 || !/^\+?[\d\s\-().]+$/.test(input)) {
			failed.push(invalidUser(input));
		} else if (!state.blocked.has(waId) && !ctx.store.isWindowOpen(phoneNumberId, [waId])) {
			failed.push({
				input,
				wa_id: waId,
				errors: [
					{
						message: 'Re-engagement required',
						code: 131047,
						error_data: { details: 'User has not messaged in the last 24 hours' },
					},
				],
			});
		} else {
			state.blocked.set(waId, { input, wa_id: waId });
			added.push({ input, wa_id: waId });
		}
	}
	return blockListAnswer('added_users', added, failed);
}

/** DELETE /block_users. @type {(ctx: Context, call: CallContext) => Answer} */
function unblockUsers(ctx, call) {
	const users = blockUsersBody(call);
	const state = ctx.account.of(call.number.phoneNumberId);
	/** @type {{ input: string, wa_id: string }[]} */ const removed = [];
	/** @type {Record<string, unknown>[]} */ const failed = [];
	for (const input of users) {
		const waId = digitsOf(input);
		if (waId.length < 7 || waId.length > 15 || !/^\+?[\d\s\-().]+$/.test(input)) {
			failed.push(invalidUser(input));
			continue;
		}
		state.blocked.delete(waId);
		removed.push({ input, wa_id: waId });
	}
	return blockListAnswer('removed_users', removed, failed);
}

/** @param {string | null} cursor */
function offsetOfCursor(cursor) {
	if (!cursor) return 0;
	const offset = Number(Buffer.from(cursor, 'base64url').toString());
	if (!Number.isSafeInteger(offset) || offset < 0)
		throw invalidParameter(`The cursor "${cursor}" is not one this endpoint gave`);
	return offset;
}

const cursorOf = (/** @type {number} */ offset) =>
	Buffer.from(String(offset)).toString('base64url');

/** GET /block_users?limit=&after=&before=: a page of the block list, with Graph-style cursors. @type {(ctx: Context, call: CallContext) => Answer} */
function getBlockedUsers(ctx, call) {
	const query = call.url.searchParams;
	const limitText = query.get('limit');
	const limit = limitText === null ? DEFAULT_BLOCKED_PAGE : Number(limitText);
	if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_BLOCK_USERS_PER_CALL)
		throw invalidParameter(
			`Parameter 'limit' must be an integer from 1 to ${MAX_BLOCK_USERS_PER_CALL}`,
		);
	const all = [...ctx.account.of(call.number.phoneNumberId).blocked.values()];
	const before = query.get('before');
	const start = before
		? Math.max(0, offsetOfCursor(before) - limit)
		: offsetOfCursor(query.get('after'));
	const page = all.slice(start, start + limit);
	/** @type {Record<string, unknown>} */
	const paging = { cursors: { before: cursorOf(start), after: cursorOf(start + page.length) } };
	if (start + page.length < all.length)
		paging.next = `/block_users?limit=${limit}&after=${cursorOf(start + page.length)}`;
	if (start > 0) paging.previous = `/block_users?limit=${limit}&before=${cursorOf(start)}`;
	return { body: { data: [{ block_users: structuredClone(page) }], paging } };
}

// ---- control -----------------------------------------------------------------------------------------------

/**
 * Sets what the account endpoints answer for a number: an entity's health (with the reasons the platform gives)
 * and whether its key may use the Resumable Upload API.
 * @param {Context} ctx
 * @param {Record<string, any>} input
 */
function configureAccount(ctx, input) {
	if (!isObject(input)) throw invalidParameter('the account settings must be an object');
	const number =
		input.phoneNumberId === undefined
			? ctx.store.numbers[0]
			: ctx.store.numberById(input.phoneNumberId);
	if (!number) throw dialogError(404, `no number ${input.phoneNumberId}`);
	const state = ctx.account.of(number.phoneNumberId);
	if (input.uploadsAllowed !== undefined) state.uploadsAllowed = input.uploadsAllowed === true;
	for (const [entity, setting] of Object.entries(input.health ?? {})) {
		if (!ownEntry(state.health, entity))
			throw dialogError(400, `health: the entities are ${HEALTH_ENTITIES.join(', ')}`);
		if (!isObject(setting) || !HEALTH_LEVELS.includes(setting.canSendMessage))
			throw dialogError(
				400,
				`health.${entity}.canSendMessage must be one of ${HEALTH_LEVELS.join(', ')}`,
			);
		state.health[entity] = {
			canSendMessage: setting.canSendMessage,
			...(Array.isArray(setting.errors) ? { errors: structuredClone(setting.errors) } : {}),
			...(Array.isArray(setting.additionalInfo)
				? { additionalInfo: setting.additionalInfo.map(String) }
				: {}),
		};
	}
	return {
		phoneNumberId: number.phoneNumberId,
		uploadsAllowed: state.uploadsAllowed,
		health: structuredClone(state.health),
	};
}

/** @type {[string, RegExp, (ctx: Context, call: CallContext) => Answer][]} */
const ACCOUNT_ROUTES = [
	['GET', /^\/health_status\/?$/, healthStatus],
	['GET', /^\/v1\/configs\/phone_number\/?$/, phoneNumber],
	['GET', /^\/whatsapp_business_profile\/?$/, getBusinessProfile],
	['POST', /^\/whatsapp_business_profile\/?$/, postBusinessProfile],
	['POST', /^\/uploads\/?$/, createUploadSession],
	['GET', /^\/upload:([A-Za-z0-9_-]+)\/?$/, uploadSessionStatus],
	['POST', /^\/upload:([A-Za-z0-9_-]+)\/?$/, uploadToSession],
	['GET', /^\/block_users\/?$/, getBlockedUsers],
	['POST', /^\/block_users\/?$/, blockUsers],
	['DELETE', /^\/block_users\/?$/, unblockUsers],
];

/** Paths whose body is a file's bytes rather than JSON. @param {string} path */
const isRawUploadPath = (path) => /^\/upload:/.test(path);

module.exports = {
	ACCOUNT_ROUTES,
	createAccountStore,
	configureAccount,
	isRawUploadPath,
};
