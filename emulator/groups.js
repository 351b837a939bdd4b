// @ts-check
'use strict';
/**
 * The Groups API as 360dialog serves it (360dialog docs messaging-api/api-reference/groups, paths under
 * /groups; Meta, "Groups API" › Group management and Webhooks for Groups API): Official Business Accounts,
 * invite-only, at most eight participants besides the business. Creation, deletion and setting changes answer
 * at once and report their outcome in group webhooks, as the platform does; a control route makes a user ask
 * to join, which posts the `group_participants_update` join-request webhook.
 */
const crypto = require('node:crypto');
const { metaError, invalidParameter, requiredParameter, controlError } = require('./errors');
const { createNumericId, digitsOf } = require('./ids');
const { webhookBody, unixSeconds } = require('./envelopes');
const { isObject, optionalString, requireString, checkOneOf } = require('./field-checks');

/** @typedef {import('./context').Context} Context */
/** @typedef {import('./options').NumberConfig} NumberConfig */
/** @typedef {import('./cloud-api').Handler} Handler */

const MAX_PARTICIPANTS = 8;
const JOIN_APPROVAL_MODES = ['approval_required', 'auto_approve'];
/** Group messaging takes text, media and templates (360dialog docs messaging/groups › Limitations). */
const GROUP_MESSAGE_TYPES = ['text', 'image', 'video', 'audio', 'document', 'sticker', 'template'];

/**
 * @typedef {object} Participant
 * @property {string} wa_id
 * @property {string} [user_id]
 *
 * @typedef {object} JoinRequest
 * @property {string} join_request_id
 * @property {string} wa_id
 * @property {number} creation_timestamp
 *
 * @typedef {object} Group
 * @property {string} id
 * @property {string} phoneNumberId
 * @property {string} subject
 * @property {string} [description]
 * @property {string} join_approval_mode
 * @property {number} creation_timestamp
 * @property {boolean} suspended
 * @property {Participant[]} participants
 * @property {Map<string, JoinRequest>} joinRequests
 * @property {string} inviteLink
 * @property {{ mime_type: string, sha256: string } | undefined} picture
 */

/** The invite links of the platform: chat.whatsapp.com and a random code. */
const newInviteLink = () =>
	`https://chat.whatsapp.com/${crypto.randomBytes(16).toString('base64url')}`;

/** Ids shaped like the platform's: base64 of "capi_group:<number>:<id>" (e.g. Y2FwaV9ncm91cDox…). @param {string} phoneNumberId */
const newGroupId = (phoneNumberId) =>
	Buffer.from(`capi_group:${phoneNumberId}:${createNumericId()}`).toString('base64url');

function createGroupStore() {
	/** @type {Map<string, Group>} */
	const groups = new Map();
	return {
		groups,
		/** The group, when it belongs to this number; 131041 otherwise. @param {string} phoneNumberId @param {string} id */
		owned(phoneNumberId, id) {
			const group = groups.get(id);
			if (!group || group.phoneNumberId !== phoneNumberId)
				throw metaError(
					404,
					131041,
					'(#131041) Group unknown',
					`The group ${id} was not found, either because it does not exist or you are not a member.`,
				);
			return group;
		},
		/** @param {string} phoneNumberId */
		of: (phoneNumberId) => [...groups.values()].filter((g) => g.phoneNumberId === phoneNumberId),
		clear: () => groups.clear(),
	};
}

/** @param {NumberConfig} number @param {string} field @param {Record<string, unknown>} group */
function groupWebhook(number, field, group) {
	return webhookBody(number, [
		[
			{
				value: {
					messaging_product: 'whatsapp',
					metadata: {
						display_phone_number: number.displayPhoneNumber,
						phone_number_id: number.phoneNumberId,
					},
					groups: [group],
				},
				field,
			},
		],
	]);
}

/** Posts a group webhook once the answer to the call has gone. @param {Context} ctx @param {NumberConfig} number @param {string} field @param {Record<string, unknown>} group */
function deliverLater(ctx, number, field, group) {
	const body = groupWebhook(number, field, {
		timestamp: unixSeconds(ctx.now()),
		...group,
	});
	ctx.timers.after(ctx.options.statusGapMs, () => {
		if (ctx.store.webhooks.get(number.phoneNumberId))
			ctx.webhooks.enqueue(number.phoneNumberId, 'inbound', body);
	});
}

/** @param {import('./cloud-api').CallContext} call */
function requireJson(call) {
	if (!call.json) throw invalidParameter('The request body is empty; a JSON object is required');
	if (!call.json.ok)
		throw invalidParameter(`The request body is not valid JSON: ${call.json.error}`);
	const body = call.json.value;
	if (!isObject(body)) throw invalidParameter('The request body must be a JSON object');
	return body;
}

/** @param {Record<string, any>} body */
function requireMessagingProduct(body) {
	if (body.messaging_product === undefined) throw requiredParameter('messaging_product');
	if (body.messaging_product !== 'whatsapp')
		throw invalidParameter("Parameter 'messaging_product' must be 'whatsapp'");
}

/** Meta trims the subject and refuses an empty one. @param {Record<string, any>} body */
function requireSubject(body) {
	const subject = requireString(body, 'subject', 'subject', 128).trim();
	if (subject === '') throw invalidParameter("Parameter 'subject' must not be blank");
	return subject;
}

/** POST /groups (Meta: the answer carries a request_id; the group id comes in group_lifecycle_update). @type {Handler} */
function createGroup(ctx, call) {
	const body = requireJson(call);
	requireMessagingProduct(body);
	const subject = requireSubject(body);
	const description = optionalString(body, 'description', 'description', 2048);
	const mode = body.join_approval_mode ?? 'auto_approve';
	checkOneOf(mode, 'join_approval_mode', JOIN_APPROVAL_MODES);
	const requestId = crypto.randomBytes(8).toString('hex');
	/** @type {Group} */
	const group = {
		id: newGroupId(call.number.phoneNumberId),
		phoneNumberId: call.number.phoneNumberId,
		subject,
		description,
		join_approval_mode: mode,
		creation_timestamp: Math.floor(ctx.now() / 1000),
		suspended: false,
		participants: [],
		joinRequests: new Map(),
		inviteLink: newInviteLink(),
		picture: undefined,
	};
	ctx.groups.groups.set(group.id, group);
	deliverLater(ctx, call.number, 'group_lifecycle_update', {
		group_id: group.id,
		type: 'group_create',
		request_id: requestId,
		subject,
		invite_link: group.inviteLink,
		join_approval_mode: mode,
	});
	return { body: { messaging_product: 'whatsapp', request_id: requestId } };
}

/** GET /groups: `data.groups[]` of `{ id, subject, created_at }` and cursor paging (limit 1–1024, default 25). @type {Handler} */
function listGroups(ctx, call) {
	const query = call.url.searchParams;
	const limit = Number(query.get('limit') ?? 25);
	if (!Number.isInteger(limit) || limit < 1 || limit > 1024)
		throw invalidParameter("Parameter 'limit' must be an integer from 1 to 1024");
	const all = ctx.groups.of(call.number.phoneNumberId);
	return {
		body: page(
			all,
			query,
			limit,
			(group) => ({
				id: group.id,
				subject: group.subject,
				created_at: group.creation_timestamp,
			}),
			(entries) => ({ groups: entries }),
		),
	};
}

/**
 * A cursor page over `all`: offsets as base64url cursors, `next` only when more follow.
 * @template T, U
 * @param {T[]} all @param {URLSearchParams} query @param {number} limit
 * @param {(entry: T) => U} describe @param {(entries: U[]) => unknown} wrap
 */
function page(all, query, limit, describe, wrap) {
	const after = query.get('after');
	const offset = after ? Number(Buffer.from(after, 'base64url').toString()) || 0 : 0;
	const entries = all.slice(offset, offset + limit);
	const cursors = {
		before: Buffer.from(String(offset)).toString('base64url'),
		after: Buffer.from(String(offset + entries.length)).toString('base64url'),
	};
	/** @type {Record<string, unknown>} */
	const paging = { cursors };
	if (offset + entries.length < all.length) paging.next = `?limit=${limit}&after=${cursors.after}`;
	return { data: wrap(entries.map(describe)), paging };
}

const GROUP_FIELDS = [
	'subject',
	'description',
	'suspended',
	'creation_timestamp',
	'participants',
	'total_participant_count',
	'join_approval_mode',
];

/** GET /groups/{id}?fields=…: only the id without `fields`, as Graph answers. @type {Handler} */
function getGroup(ctx, call) {
	const group = ctx.groups.owned(call.number.phoneNumberId, call.match[1]);
	const asked = (call.url.searchParams.get('fields') ?? '').split(',').filter(Boolean);
	const unknown = asked.find((field) => !GROUP_FIELDS.includes(field) && field !== 'id');
	if (unknown)
		throw invalidParameter(`Tried accessing nonexisting field (${unknown}) on node type (Group)`);
	/** @type {Record<string, unknown>} */
	const all = {
		subject: group.subject,
		description: group.description,
		suspended: group.suspended,
		creation_timestamp: group.creation_timestamp,
		participants: group.participants.map((participant) => ({ ...participant })),
		total_participant_count: group.participants.length,
		join_approval_mode: group.join_approval_mode,
	};
	/** @type {Record<string, unknown>} */
	const answer = { messaging_product: 'whatsapp', id: group.id };
	for (const field of asked)
		if (field !== 'id' && all[field] !== undefined) answer[field] = all[field];
	return { body: answer };
}

/** A square JPEG or PNG larger than 192 px a side (131209, 131210). @param {Buffer} bytes @param {string} type */
function checkPicture(bytes, type) {
	if (!['image/jpeg', 'image/png'].includes(type))
		throw invalidParameter("Parameter 'profile_picture_file' must be a JPEG or PNG image");
	const size = imageSize(bytes);
	if (!size) throw invalidParameter("Parameter 'profile_picture_file' is not a readable image");
	if (size.width !== size.height)
		throw metaError(
			400,
			131209,
			'(#131209) Invalid profile picture aspect ratio',
			'Width and height of the image must be equal.',
		);
	if (size.width <= 192)
		throw metaError(
			400,
			131210,
			'(#131210) Image too small',
			'Image width and height must be greater than 192px.',
		);
}

/** Width and height from a PNG's IHDR or a JPEG's start-of-frame segment. @param {Buffer} bytes */
function imageSize(bytes) {
	if (bytes.subarray(1, 4).toString('latin1') === 'PNG' && bytes.length >= 24)
		return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
	if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
	let at = 2;
	while (at + 9 < bytes.length && bytes[at] === 0xff) {
		const marker = bytes[at + 1];
		if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
			return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
		at += 2 + bytes.readUInt16BE(at + 2);
	}
	return undefined;
}

/**
 * POST /groups/{id}: subject, description and profile_picture_file (a form when a picture goes along, JSON
 * otherwise); the outcome comes as a group_settings_update webhook.
 * @type {Handler}
 */
function updateGroup(ctx, call) {
	const group = ctx.groups.owned(call.number.phoneNumberId, call.match[1]);
	if (group.suspended)
		throw metaError(
			400,
			131207,
			'(#131207) Group suspended',
			'The group violates platform policies.',
		);
	/** @type {Record<string, any>} */
	let fields;
	/** @type {{ data: Buffer, contentType?: string } | undefined} */
	let picture;
	if (call.form) {
		if (!call.form.ok) throw call.form.error;
		fields = call.form.value.fields;
		picture = call.form.value.parts.find(
			(part) => part.name === 'profile_picture_file' && part.filename !== undefined,
		);
	} else fields = requireJson(call);
	requireMessagingProduct(fields);
	const subject = fields.subject !== undefined ? requireSubject(fields) : undefined;
	const description = optionalString(fields, 'description', 'description', 2048);
	if (subject === undefined && description === undefined && !picture)
		throw invalidParameter('Nothing to update: give subject, description or profile_picture_file');
	if (picture)
		checkPicture(picture.data, (picture.contentType ?? '').split(';')[0].trim().toLowerCase());
	/** @type {Record<string, unknown>} */
	const change = { group_id: group.id, type: 'group_settings_update' };
	if (subject !== undefined) {
		group.subject = subject;
		change.group_subject = { text: subject, update_successful: true };
	}
	if (description !== undefined) {
		group.description = description;
		change.group_description = { text: description, update_successful: true };
	}
	if (picture) {
		const sha256 = crypto.createHash('sha256').update(picture.data).digest('base64');
		group.picture = { mime_type: String(picture.contentType), sha256 };
		change.profile_picture = { ...group.picture, update_successful: true };
	}
	deliverLater(ctx, call.number, 'group_settings_update', change);
	return { body: { success: true } };
}

/** DELETE /groups/{id}: every participant goes; group_lifecycle_update reports it. @type {Handler} */
function deleteGroup(ctx, call) {
	const group = ctx.groups.owned(call.number.phoneNumberId, call.match[1]);
	ctx.groups.groups.delete(group.id);
	deliverLater(ctx, call.number, 'group_lifecycle_update', {
		group_id: group.id,
		type: 'group_delete',
		request_id: crypto.randomBytes(8).toString('hex'),
	});
	return { body: { success: true } };
}

/** GET /groups/{id}/invite_link. @type {Handler} */
function getInviteLink(ctx, call) {
	const group = ctx.groups.owned(call.number.phoneNumberId, call.match[1]);
	return { body: { messaging_product: 'whatsapp', invite_link: group.inviteLink } };
}

/** POST /groups/{id}/invite_link: a new link; the old one stops working. @type {Handler} */
function resetInviteLink(ctx, call) {
	const group = ctx.groups.owned(call.number.phoneNumberId, call.match[1]);
	requireMessagingProduct(requireJson(call));
	group.inviteLink = newInviteLink();
	return { body: { messaging_product: 'whatsapp', invite_link: group.inviteLink } };
}

/** GET /groups/{id}/join_requests: `data[]` of `{ join_request_id, wa_id, creation_timestamp }`. @type {Handler} */
function listJoinRequests(ctx, call) {
	const group = ctx.groups.owned(call.number.phoneNumberId, call.match[1]);
	const query = call.url.searchParams;
	const limit = Number(query.get('limit') ?? 25);
	return {
		body: page(
			[...group.joinRequests.values()],
			query,
			limit > 0 ? limit : 25,
			(request) => ({ ...request }),
			(entries) => entries,
		),
	};
}

/** The join request ids of an approve or reject call. @param {Record<string, any>} body */
function requireJoinRequestIds(body) {
	requireMessagingProduct(body);
	if (!Array.isArray(body.join_requests) || body.join_requests.length === 0)
		throw invalidParameter(
			"Parameter 'join_requests' must be a non-empty array of join request ids",
		);
	return body.join_requests.map((/** @type {unknown} */ id, /** @type {number} */ index) => {
		if (typeof id !== 'string' || id === '')
			throw invalidParameter(`Parameter 'join_requests[${index}]' must be a join request id`);
		return id;
	});
}

/**
 * POST (approve) or DELETE (reject) /groups/{id}/join_requests: per request, done or failed with 131213;
 * approval stops at the eight-participant limit (131204).
 * @param {'approve' | 'reject'} decision
 * @returns {Handler}
 */
function answerJoinRequests(decision) {
	return (ctx, call) => {
		const group = ctx.groups.owned(call.number.phoneNumberId, call.match[1]);
		const ids = requireJoinRequestIds(requireJson(call));
		/** @type {string[]} */ const done = [];
		/** @type {Record<string, unknown>[]} */ const failed = [];
		for (const id of ids) {
			const request = group.joinRequests.get(id);
			if (!request) {
				failed.push({
					join_request_id: id,
					errors: [{ code: 131213, message: 'Group join request does not exist.' }],
				});
				continue;
			}
			if (decision === 'approve' && group.participants.length >= MAX_PARTICIPANTS) {
				failed.push({
					join_request_id: id,
					errors: [{ code: 131204, message: 'Group participant size exceeds limit.' }],
				});
				continue;
			}
			group.joinRequests.delete(id);
			done.push(id);
			if (decision === 'approve') {
				group.participants.push({ wa_id: request.wa_id });
				deliverLater(ctx, call.number, 'group_participants_update', {
					group_id: group.id,
					type: 'group_participants_add',
					reason: 'join_request_approved',
					added_participants: [{ wa_id: request.wa_id }],
					initiated_by: 'business',
				});
			}
		}
		const list = decision === 'approve' ? 'approved_join_requests' : 'rejected_join_requests';
		/** @type {Record<string, unknown>} */
		const answer = { messaging_product: 'whatsapp', [list]: done };
		if (failed.length > 0) answer.failed_join_requests = failed;
		return { body: answer };
	};
}

/** DELETE /groups/{id}/participants: `participants[]` of `{ user }` or `{ user_id }`, at most eight. @type {Handler} */
function removeParticipants(ctx, call) {
	const group = ctx.groups.owned(call.number.phoneNumberId, call.match[1]);
	const body = requireJson(call);
	requireMessagingProduct(body);
	if (!Array.isArray(body.participants) || body.participants.length === 0)
		throw invalidParameter("Parameter 'participants' must be a non-empty array");
	if (body.participants.length > MAX_PARTICIPANTS)
		throw invalidParameter(`Parameter 'participants' takes at most ${MAX_PARTICIPANTS} entries`);
	const keys = body.participants.map(
		(/** @type {unknown} */ entry, /** @type {number} */ index) => {
			if (!isObject(entry) || (typeof entry.user !== 'string' && typeof entry.user_id !== 'string'))
				throw invalidParameter(
					`Parameter 'participants[${index}]' must be { "user": "<phone>" } or { "user_id": "<id>" }`,
				);
			return typeof entry.user === 'string' ? digitsOf(entry.user) : String(entry.user_id);
		},
	);
	if (new Set(keys).size !== keys.length)
		throw metaError(
			400,
			131202,
			'(#131202) Duplicate participant',
			'Duplicate participants in the participant array input.',
		);
	/** @type {Record<string, unknown>[]} */ const failed = [];
	/** @type {Participant[]} */ const removed = [];
	for (const key of keys) {
		const at = group.participants.findIndex((p) => p.wa_id === key || p.user_id === key);
		if (at < 0)
			failed.push({
				user: key,
				errors: [{ code: 131212, message: 'Participant is not a part of the group.' }],
			});
		else removed.push(...group.participants.splice(at, 1));
	}
	if (removed.length > 0)
		deliverLater(ctx, call.number, 'group_participants_update', {
			group_id: group.id,
			type: 'group_participants_remove',
			removed_participants: removed.map((p) => ({ ...p })),
			initiated_by: 'business',
		});
	/** @type {Record<string, unknown>} */
	const answer = { messaging_product: 'whatsapp', success: failed.length === 0 };
	if (failed.length > 0) answer.failed_participants = failed;
	return { body: answer };
}

/**
 * A send to a group: the group must be this number's and have a participant (131020), and the type one that
 * groups take (130501). Answers the recipient id the record keeps.
 * @param {Context} ctx @param {NumberConfig} number @param {Record<string, any>} body @param {string} type
 */
function checkGroupSend(ctx, number, body, type) {
	const group = ctx.groups.owned(number.phoneNumberId, String(body.to));
	if (!GROUP_MESSAGE_TYPES.includes(type))
		throw metaError(
			400,
			130501,
			'(#130501) Message type is not currently supported',
			`Groups do not take ${type} messages.`,
		);
	if (group.participants.length === 0)
		throw metaError(
			400,
			131020,
			'(#131020) Bad group',
			'Cannot send messages to single member groups.',
		);
	return group.id;
}

/**
 * POST /_emulator/groups/join: a user opens the invite link. With approval required the platform posts a
 * `group_participants_update` of type `group_join_request_created` (Meta, Webhooks for Groups API); otherwise
 * the user joins at once (`group_participants_add`).
 * @param {Context} ctx @param {Record<string, any>} input
 */
function requestToJoin(ctx, input) {
	if (!isObject(input) || typeof input.groupId !== 'string')
		throw controlError(400, 'groupId is required');
	const waId = input.waId !== undefined ? digitsOf(input.waId) : '';
	if (!waId) throw controlError(400, 'waId (the user asking to join) is required');
	const group = ctx.groups.groups.get(input.groupId);
	if (!group) throw controlError(404, `no group ${input.groupId}`);
	const number = ctx.store.numberById(group.phoneNumberId);
	if (!number) throw controlError(404, `no number ${group.phoneNumberId}`);
	if (!ctx.store.webhooks.get(number.phoneNumberId))
		throw controlError(409, `no webhook is registered for phone number ${number.phoneNumberId}`);
	const timestamp = unixSeconds(ctx.now());
	if (group.join_approval_mode === 'approval_required') {
		const request = {
			join_request_id: createNumericId(),
			wa_id: waId,
			creation_timestamp: Math.floor(ctx.now() / 1000),
		};
		group.joinRequests.set(request.join_request_id, request);
		const body = groupWebhook(number, 'group_participants_update', {
			timestamp,
			group_id: group.id,
			type: 'group_join_request_created',
			join_request_id: request.join_request_id,
			wa_id: waId,
		});
		ctx.webhooks.enqueue(number.phoneNumberId, 'inbound', body);
		return { joinRequestId: request.join_request_id, envelope: body };
	}
	if (group.participants.length >= MAX_PARTICIPANTS) throw controlError(409, 'the group is full');
	group.participants.push({ wa_id: waId });
	const body = groupWebhook(number, 'group_participants_update', {
		timestamp,
		group_id: group.id,
		type: 'group_participants_add',
		reason: 'invite_link',
		added_participants: [{ wa_id: waId }],
		initiated_by: 'participant',
	});
	ctx.webhooks.enqueue(number.phoneNumberId, 'inbound', body);
	return { joined: true, envelope: body };
}

/** The groups of every number as control calls show them. @param {Context} ctx */
function describeGroups(ctx) {
	return [...ctx.groups.groups.values()].map((group) => ({
		id: group.id,
		phoneNumberId: group.phoneNumberId,
		subject: group.subject,
		joinApprovalMode: group.join_approval_mode,
		inviteLink: group.inviteLink,
		participants: group.participants.map((p) => ({ ...p })),
		joinRequests: [...group.joinRequests.values()].map((r) => ({ ...r })),
	}));
}

/** Group ids are base64url text; the path names them after /groups/. */
const GROUP = '([A-Za-z0-9_=-]+)';

/** @type {[string, RegExp, Handler][]} */
const GROUP_ROUTES = [
	['POST', /^\/groups\/?$/, createGroup],
	['GET', /^\/groups\/?$/, listGroups],
	['GET', new RegExp(`^/groups/${GROUP}/?$`), getGroup],
	['POST', new RegExp(`^/groups/${GROUP}/?$`), updateGroup],
	['DELETE', new RegExp(`^/groups/${GROUP}/?$`), deleteGroup],
	['GET', new RegExp(`^/groups/${GROUP}/invite_link/?$`), getInviteLink],
	['POST', new RegExp(`^/groups/${GROUP}/invite_link/?$`), resetInviteLink],
	['GET', new RegExp(`^/groups/${GROUP}/join_requests/?$`), listJoinRequests],
	['POST', new RegExp(`^/groups/${GROUP}/join_requests/?$`), answerJoinRequests('approve')],
	['DELETE', new RegExp(`^/groups/${GROUP}/join_requests/?$`), answerJoinRequests('reject')],
	['DELETE', new RegExp(`^/groups/${GROUP}/participants/?$`), removeParticipants],
];

module.exports = { GROUP_ROUTES, createGroupStore, checkGroupSend, requestToJoin, describeGroups };
