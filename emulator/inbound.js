// @ts-check
'use strict';
/**
 * Inbound messages injected through the control API, built into the exact Cloud API webhook envelope.
 */
const { createWamid, createBusinessScopedUserId, digitsOf } = require('./ids');
const { controlError } = require('./errors');
const { messagesChange, unixSeconds } = require('./envelopes');
const { isObject, MEDIA_TYPES } = require('./validation');

/** @typedef {import('./options').NumberConfig} NumberConfig */
/** @typedef {import('./media').MediaItem} MediaItem */

const INBOUND_TYPES = [
	'text',
	...MEDIA_TYPES,
	'location',
	'contacts',
	'interactive',
	'button',
	'reaction',
	'order',
	'system',
	'unsupported',
	'revoke',
	'edit',
];
const INTERACTIVE_REPLY_TYPES = [
	'button_reply',
	'list_reply',
	'nfm_reply',
	'call_permission_reply',
];

/**
 * @typedef {object} InboundInput
 * @property {string} [from]
 * @property {string} [name]
 * @property {string} [type]
 * @property {string} [phoneNumberId]
 * @property {string} [apiKey]
 * @property {Record<string, any>} [context]
 * @property {Record<string, any>} [referral]
 * @property {string} [fromUserId]
 * @property {boolean} [hidePhone]
 * @property {string} [groupId] a message sent in this group (group_id)
 * @property {string} [username] the sender's WhatsApp username (contacts[].profile.username)
 * @property {string} [originalMessageId] revoke and edit: the message deleted or edited
 * @property {number | string} [timestamp] unix seconds (or ms)
 * @property {string} [id] a message id to use instead of a generated one
 * @property {{ base64?: string, mimeType?: string, filename?: string }} [media]
 * @property {boolean} [deliver] false: build and record the message, but leave posting the envelope to the caller
 */

/** @param {Record<string, any>} input */
function inferType(input) {
	if (typeof input.type === 'string') return input.type;
	return INBOUND_TYPES.find((type) => input[type] !== undefined) ?? 'text';
}

/** @param {unknown} value @param {number} fallback @returns {number} ms epoch */
function timestampMs(value, fallback) {
	if (value === undefined || value === null || value === '') return fallback;
	const number = Number(value);
	if (!Number.isFinite(number) || number < 0)
		throw controlError(400, 'timestamp must be unix seconds (or milliseconds)');
	return number > 1e11 ? number : number * 1000;
}

/**
 * @param {Record<string, any>} input
 * @param {string} type
 */
function requirePayload(input, type) {
	const payload = input[type];
	if (!isObject(payload)) throw controlError(400, `"${type}" must be an object for type "${type}"`);
	return payload;
}

/**
 * The message's `<type>` object.
 * @param {Record<string, any>} input
 * @param {string} type
 * @param {(type: string) => MediaItem} storeMedia
 */
function payloadFor(input, type, storeMedia) {
	if (type === 'text') {
		const text = typeof input.text === 'string' ? { body: input.text } : input.text;
		if (!isObject(text) || typeof text.body !== 'string')
			throw controlError(400, 'text.body must be a string, e.g. {"text":{"body":"hi"}}');
		return text;
	}
	if (MEDIA_TYPES.includes(type)) {
		const given = input[type] === undefined ? {} : requirePayload(input, type);
		const item = storeMedia(type);
		/** @type {Record<string, unknown>} */
		const media = {
			...given,
			mime_type: item.mimeType,
			sha256: Buffer.from(item.sha256Hex, 'hex').toString('base64'),
			id: item.id,
		};
		if (type === 'document' && media.filename === undefined)
			media.filename = item.filename ?? 'document.pdf';
		if (type === 'audio' && media.voice === undefined) media.voice = false;
		return media;
	}
	if (type === 'contacts') {
		if (!Array.isArray(input.contacts) || input.contacts.length === 0)
			throw controlError(400, 'contacts must be a non-empty array');
		return input.contacts;
	}
	if (type === 'interactive') return interactivePayload(requirePayload(input, type));
	if (type === 'location') {
		const location = requirePayload(input, type);
		if (typeof location.latitude !== 'number' || typeof location.longitude !== 'number') {
			throw controlError(400, 'location.latitude and location.longitude must be numbers');
		}
		return location;
	}
	if (type === 'button') {
		const button = requirePayload(input, type);
		return {
			payload: button.payload ?? button.text ?? '',
			text: button.text ?? button.payload ?? '',
		};
	}
	if (type === 'reaction') {
		const reaction = requirePayload(input, type);
		if (typeof reaction.message_id !== 'string')
			throw controlError(400, 'reaction.message_id must be a string');
		return { message_id: reaction.message_id, emoji: reaction.emoji ?? '' };
	}
	if (type === 'system')
		return {
			type: 'user_changed_number',
			body: 'User changed their number',
			...(input.system ?? {}),
		};
	if (type === 'unsupported') return input.unsupported ?? { type: 'unknown' };
	if (type === 'revoke') return revokePayload(input);
	if (type === 'edit') return editPayload(input);
	return requirePayload(input, type); // order
}

/** @param {Record<string, any>} input @param {'revoke' | 'edit'} type @returns {string} */
function originalIdOf(input, type) {
	const id = input[type]?.original_message_id ?? input.originalMessageId;
	if (typeof id !== 'string' || id === '')
		throw controlError(
			400,
			`originalMessageId (the wamid of the message to ${type === 'edit' ? 'edit' : 'delete'}) is required`,
		);
	return id;
}

/**
 * A user deleting one of their messages. Source: Meta "Messages webhook reference: revoke"; pywa
 * tests/data/updates/deleted_message.json.
 * @param {Record<string, any>} input
 */
function revokePayload(input) {
	return { original_message_id: originalIdOf(input, 'revoke') };
}

/**
 * A user editing one of their messages: the edit holds the whole new message. Source: Meta "Messages webhook
 * reference: edit"; pywa tests/data/updates/edited_message.json.
 * @param {Record<string, any>} input
 */
function editPayload(input) {
	const original_message_id = originalIdOf(input, 'edit');
	const given = input.edit?.message;
	if (isObject(given) && typeof given.type === 'string')
		return { original_message_id, message: given };
	if (typeof input.text !== 'string')
		throw controlError(
			400,
			'an edit needs its new message: "text" (a string) or edit.message { type, <type> }',
		);
	return { original_message_id, message: { type: 'text', text: { body: input.text } } };
}

/** @param {Record<string, any>} interactive */
function interactivePayload(interactive) {
	if (!INTERACTIVE_REPLY_TYPES.includes(interactive.type)) {
		throw controlError(
			400,
			`interactive.type must be one of ${INTERACTIVE_REPLY_TYPES.join(', ')}`,
		);
	}
	const reply = interactive[interactive.type];
	if (!isObject(reply))
		throw controlError(400, `interactive.${interactive.type} must be an object`);
	// A call permission reply: pywa tests/data/updates/call_permission_update.json (response accept|reject,
	// expiration_timestamp when accepted, response_source).
	if (
		interactive.type === 'call_permission_reply' &&
		!['accept', 'reject'].includes(reply.response)
	)
		throw controlError(400, 'interactive.call_permission_reply.response must be accept or reject');
	if (interactive.type !== 'nfm_reply')
		return { type: interactive.type, [interactive.type]: reply };
	// The platform sends the flow's answers as a JSON string.
	const responseJson =
		typeof reply.response_json === 'string'
			? reply.response_json
			: JSON.stringify(reply.response_json ?? {});
	return {
		type: 'nfm_reply',
		nfm_reply: { body: 'Sent', name: 'flow', ...reply, response_json: responseJson },
	};
}

/**
 * @param {Record<string, any>} context
 * @param {NumberConfig} number
 */
function contextFor(context, number) {
	const { message_id: messageId, ...rest } = context;
	return { from: number.displayPhoneNumber, id: context.id ?? messageId, ...rest };
}

/**
 * Builds the message, its contact and the envelope.
 * @param {InboundInput & Record<string, any>} input
 * @param {{ number: NumberConfig, nowMs: number, storeMedia: (type: string, given: InboundInput['media']) => MediaItem }} deps
 */
function buildInbound(input, deps) {
	if (!isObject(input))
		throw controlError(
			400,
			'the body must be a JSON object, e.g. {"from":"4915112345678","type":"text","text":{"body":"hi"}}',
		);
	const type = inferType(input);
	if (!INBOUND_TYPES.includes(type))
		throw controlError(400, `type must be one of ${INBOUND_TYPES.join(', ')}`);
	const hidePhone = input.hidePhone === true;
	const waId = digitsOf(input.from);
	if (!hidePhone && !waId)
		throw controlError(
			400,
			'"from" (the sender\'s phone number) is required unless "hidePhone" is true',
		);
	const userId =
		input.fromUserId ??
		(hidePhone ? createBusinessScopedUserId(waId || input.name || 'anonymous') : undefined);
	const atMs = timestampMs(input.timestamp, deps.nowMs);
	const messageId = typeof input.id === 'string' ? input.id : createWamid(waId || userId || '0');

	/** @type {Record<string, unknown>} */
	const message = {};
	if (!hidePhone) message.from = waId;
	if (userId) message.from_user_id = userId;
	message.id = messageId;
	message.timestamp = unixSeconds(atMs);
	message.type = type;
	// A message in a group names it: pywa types/chat.py (Chat.from_message); Meta "Groups API: messaging".
	if (typeof input.groupId === 'string') message.group_id = input.groupId;
	if (isObject(input.context)) message.context = contextFor(input.context, deps.number);
	if (isObject(input.referral)) message.referral = input.referral;
	message[type] = payloadFor(input, type, (mediaType) => deps.storeMedia(mediaType, input.media));
	if (type === 'unsupported') {
		message.errors = [
			{
				code: 131051,
				title: 'Message type unknown',
				message: 'Message type unknown',
				error_data: { details: 'Message type is currently not supported.' },
			},
		];
	}

	/** @type {Record<string, unknown>} */
	const contact = {
		profile: { name: typeof input.name === 'string' ? input.name : 'WhatsApp User' },
	};
	// A username rides in the profile: Meta "Business-scoped user IDs: webhooks".
	if (typeof input.username === 'string')
		/** @type {Record<string, unknown>} */ (contact.profile).username = input.username;
	if (!hidePhone) contact.wa_id = waId;
	if (userId) contact.user_id = userId;
	// A system message (e.g. user_changed_number) comes without contacts[].
	const value =
		type === 'system' ? { messages: [message] } : { contacts: [contact], messages: [message] };

	return {
		messageId,
		type,
		waId: hidePhone ? undefined : waId,
		userId,
		atMs,
		opensWindow: type !== 'system',
		envelope: messagesChange(deps.number, value),
	};
}

module.exports = { buildInbound };
