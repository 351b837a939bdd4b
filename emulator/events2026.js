// @ts-check
'use strict';
/**
 * Webhooks beyond messages and message statuses, injected through POST /_emulator/events, each in the shape its
 * source documents (named beside each builder): Business App echoes, history and contact syncs of coexistence
 * numbers, calls and call statuses, group updates, and account-level changes (account, template, username,
 * user id). Each becomes one post of one change, queued like any other webhook.
 */
const { createWamid, digitsOf } = require('./ids');
const { controlError } = require('./errors');
const { numberChange, unixSeconds, webhookBody } = require('./envelopes');
const { isObject } = require('./validation');

/** @typedef {import('./options').NumberConfig} NumberConfig */
/** @typedef {{ number: NumberConfig, nowMs: number }} EventDeps */
/** @typedef {{ field: string, value: Record<string, unknown> }} BuiltChange */

/** @param {Record<string, any>} input @param {EventDeps} deps */
function timestampOf(input, deps) {
	return input.timestamp !== undefined ? String(input.timestamp) : unixSeconds(deps.nowMs);
}

/** @param {unknown} value @param {string} name */
function requireDigits(value, name) {
	const digits = digitsOf(value);
	if (!digits) throw controlError(400, `"${name}" (a phone number in digits) is required`);
	return digits;
}

/** A contacts[] profile for the customer a change is about. @param {string} waId @param {Record<string, any>} input */
function profileOf(waId, input) {
	/** @type {Record<string, unknown>} */
	const contact = {
		profile: { name: typeof input.name === 'string' ? input.name : 'WhatsApp User' },
	};
	contact.wa_id = waId;
	if (typeof input.userId === 'string') contact.user_id = input.userId;
	return contact;
}

/** The `<type>` object of an echoed or historic message: text from a string, anything else as given. @param {Record<string, any>} input */
function messageContent(input) {
	const type = typeof input.type === 'string' ? input.type : 'text';
	if (type === 'text') {
		const body = typeof input.text === 'string' ? input.text : input.text?.body;
		if (typeof body !== 'string')
			throw controlError(400, 'text must be a string, e.g. {"text":"hi"}');
		return { type, payload: { body } };
	}
	if (!isObject(input[type]))
		throw controlError(400, `"${type}" must be an object for type "${type}"`);
	return { type, payload: input[type] };
}

/**
 * A message a person at the business sent from the WhatsApp Business App (`smb_message_echoes`).
 * Source: 360dialog docs partner/waba-management/whatsapp-coexistence/coexistence-webhooks; Meta "Onboarding
 * WhatsApp Business app users: smb_message_echoes"; pywa tests/data/updates/outgoing_message.json.
 * @param {Record<string, any>} input @param {EventDeps} deps @returns {BuiltChange}
 */
function messageEcho(input, deps) {
	const to = requireDigits(input.to, 'to');
	const { type, payload } = messageContent(input);
	/** @type {Record<string, unknown>} */
	const echo = { from: deps.number.displayPhoneNumber, to };
	if (typeof input.userId === 'string') echo.to_user_id = input.userId;
	Object.assign(echo, {
		id: typeof input.id === 'string' ? input.id : createWamid(to),
		timestamp: timestampOf(input, deps),
		type,
		[type]: payload,
	});
	return {
		field: 'smb_message_echoes',
		value: { contacts: [profileOf(to, input)], message_echoes: [echo] },
	};
}

/**
 * Past chats shared when a number joins coexistence (`history`): chunks of threads, one per customer.
 * Source: 360dialog docs partner/waba-management/whatsapp-coexistence/coexistence-webhooks (history: metadata
 * phase, chunk_order, progress; threads[].id and messages[] with history_context.status; declined: errors[]).
 * @param {Record<string, any>} input @param {EventDeps} deps @returns {BuiltChange}
 */
function history(input, deps) {
	if (input.declined === true)
		return {
			field: 'history',
			value: {
				history: [
					{
						errors: [
							{
								code: 2593109,
								title: 'History sharing is turned off by the business',
								message: 'History sharing is turned off by the business',
								error_data: { details: 'The business declined to share its chat history' },
							},
						],
					},
				],
			},
		};
	if (!Array.isArray(input.threads) || input.threads.length === 0)
		throw controlError(
			400,
			'threads must be a non-empty array, e.g. {"threads":[{"waId":"4915112345678","messages":[{"text":"hi"}]}]}, or {"declined":true}',
		);
	const threads = input.threads.map((/** @type {Record<string, any>} */ thread) => {
		const waId = requireDigits(thread?.waId, 'threads[].waId');
		if (!Array.isArray(thread.messages))
			throw controlError(400, 'threads[].messages must be an array');
		return {
			id: waId,
			messages: thread.messages.map((/** @type {Record<string, any>} */ message) => {
				const fromBusiness = message?.fromBusiness === true;
				const { type, payload } = messageContent(message ?? {});
				/** @type {Record<string, unknown>} */
				const entry = { from: fromBusiness ? deps.number.displayPhoneNumber : waId };
				if (fromBusiness) entry.to = waId;
				Object.assign(entry, {
					id: typeof message.id === 'string' ? message.id : createWamid(waId),
					timestamp: timestampOf(message, deps),
					type,
					[type]: payload,
					history_context: { status: message.status ?? (fromBusiness ? 'DELIVERED' : 'READ') },
				});
				return entry;
			}),
		};
	});
	const metadata = {
		phase: input.phase ?? 0,
		chunk_order: input.chunkOrder ?? 1,
		progress: input.progress ?? 100,
	};
	return { field: 'history', value: { history: [{ metadata, threads }] } };
}

/**
 * Contacts added to or removed from the Business App (`smb_app_state_sync`).
 * Source: 360dialog docs partner/waba-management/whatsapp-coexistence/coexistence-webhooks (state_sync[]: type
 * contact, contact { full_name, first_name, phone_number }, action add|remove, metadata.timestamp).
 * @param {Record<string, any>} input @param {EventDeps} deps @returns {BuiltChange}
 */
function contactSync(input, deps) {
	if (!Array.isArray(input.contacts) || input.contacts.length === 0)
		throw controlError(
			400,
			'contacts must be a non-empty array, e.g. {"contacts":[{"phoneNumber":"4915112345678","fullName":"Jane Doe","action":"add"}]}',
		);
	const stateSync = input.contacts.map((/** @type {Record<string, any>} */ change) => {
		const action = change?.action ?? 'add';
		if (action !== 'add' && action !== 'remove')
			throw controlError(400, 'contacts[].action must be add or remove');
		/** @type {Record<string, unknown>} */
		const contact = {};
		if (typeof change.fullName === 'string') contact.full_name = change.fullName;
		if (typeof change.firstName === 'string') contact.first_name = change.firstName;
		contact.phone_number = requireDigits(change.phoneNumber, 'contacts[].phoneNumber');
		return { type: 'contact', contact, action, metadata: { timestamp: timestampOf(change, deps) } };
	});
	return { field: 'smb_app_state_sync', value: { state_sync: stateSync } };
}

const CALL_EVENTS = ['connect', 'terminate'];
const CALL_DIRECTIONS = ['USER_INITIATED', 'BUSINESS_INITIATED'];

/**
 * A call connecting or ending (`calls`): the user's number on the side the direction says.
 * Source: Meta "Calling API reference: webhooks"; pywa tests/data/updates/call_connect.json and
 * call_terminate.json (id wacid…, from, to, event, direction, timestamp, session { sdp, sdp_type }, status,
 * start_time, end_time, duration, biz_opaque_callback_data); 360dialog docs messaging/calling.
 * @param {Record<string, any>} input @param {EventDeps} deps @returns {BuiltChange}
 */
function call(input, deps) {
	const waId = requireDigits(input.waId, 'waId');
	const event = input.event ?? 'connect';
	const direction = input.direction ?? 'USER_INITIATED';
	if (!CALL_EVENTS.includes(event)) throw controlError(400, 'event must be connect or terminate');
	if (!CALL_DIRECTIONS.includes(direction))
		throw controlError(400, `direction must be one of ${CALL_DIRECTIONS.join(', ')}`);
	const business = deps.number.displayPhoneNumber;
	const userInitiated = direction === 'USER_INITIATED';
	const timestamp = timestampOf(input, deps);
	/** @type {Record<string, unknown>} */
	const entry = {
		id:
			typeof input.id === 'string' ? input.id : `wacid.${createWamid(waId).slice('wamid.'.length)}`,
		from: userInitiated ? waId : business,
		to: userInitiated ? business : waId,
		event,
		timestamp,
		direction,
	};
	if (event === 'connect')
		entry.session = {
			sdp:
				typeof input.sdp === 'string'
					? input.sdp
					: 'v=0\r\no=- 0 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n',
			sdp_type: input.sdpType ?? (userInitiated ? 'offer' : 'answer'),
		};
	if (event === 'terminate') {
		const duration = Number(input.duration ?? 0);
		entry.status = input.status ?? (duration > 0 ? 'COMPLETED' : 'FAILED');
		entry.start_time = String(Number(timestamp) - duration);
		entry.end_time = timestamp;
		entry.duration = duration;
	}
	if (typeof input.bizOpaqueCallbackData === 'string')
		entry.biz_opaque_callback_data = input.bizOpaqueCallbackData;
	return { field: 'calls', value: { contacts: [profileOf(waId, input)], calls: [entry] } };
}

const CALL_STATUSES = ['RINGING', 'ACCEPTED', 'REJECTED'];

/**
 * The status of a call the business placed (`calls` with statuses[].type "call").
 * Source: Meta "Business-initiated calls: call status webhooks"; pywa tests/data/updates/call_status.json.
 * @param {Record<string, any>} input @param {EventDeps} deps @returns {BuiltChange}
 */
function callStatus(input, deps) {
	const waId = requireDigits(input.waId, 'waId');
	if (typeof input.callId !== 'string') throw controlError(400, 'callId (wacid.…) is required');
	if (!CALL_STATUSES.includes(input.status))
		throw controlError(400, `status must be one of ${CALL_STATUSES.join(', ')}`);
	/** @type {Record<string, unknown>} */
	const status = {
		id: input.callId,
		timestamp: timestampOf(input, deps),
		type: 'call',
		status: input.status,
		recipient_id: waId,
	};
	if (typeof input.bizOpaqueCallbackData === 'string')
		status.biz_opaque_callback_data = input.bizOpaqueCallbackData;
	return { field: 'calls', value: { contacts: [profileOf(waId, input)], statuses: [status] } };
}

/**
 * A user asking to join a group that needs approval (`group_participants_update`, type
 * group_join_request_created). Source: Meta "Webhooks for Groups API: user accepts or cancels join request"
 * (groups[]: timestamp, group_id, type, join_request_id, wa_id).
 * @param {Record<string, any>} input @param {EventDeps} deps @returns {BuiltChange}
 */
function groupJoinRequest(input, deps) {
	if (typeof input.groupId !== 'string') throw controlError(400, 'groupId is required');
	const waId = requireDigits(input.waId, 'waId');
	/** @type {Record<string, unknown>} */
	const entry = {
		timestamp: timestampOf(input, deps),
		group_id: input.groupId,
		type: input.revoked === true ? 'group_join_request_revoked' : 'group_join_request_created',
		join_request_id:
			typeof input.joinRequestId === 'string'
				? input.joinRequestId
				: createWamid(waId).slice(6, 30),
		wa_id: waId,
	};
	if (typeof input.userId === 'string') entry.user_id = input.userId;
	return { field: 'group_participants_update', value: { groups: [entry] } };
}

/**
 * Changes a number's webhook receives as given under `value` (validated to be an object), for fields whose
 * payload is short and documented: Meta "Webhooks for Groups API" (group_lifecycle_update,
 * group_participants_update, group_settings_update, group_status_update: value.groups[]); Meta
 * "Business-scoped user IDs" (user_id_update, business_username_updates).
 */
const NUMBER_FIELDS = [
	'group_lifecycle_update',
	'group_participants_update',
	'group_settings_update',
	'group_status_update',
	'user_id_update',
	'business_username_updates',
];

/**
 * WABA-level changes, posted without messaging_product and metadata as Meta sends them: pywa
 * tests/data/updates/account_update.json, template_status_update.json, template_quality_update.json,
 * template_category_update.json; Meta "account_update" and "message_template_status_update" references.
 */
const ACCOUNT_FIELDS = [
	'account_update',
	'message_template_status_update',
	'message_template_quality_update',
	'template_category_update',
	'phone_number_quality_update',
	'phone_number_name_update',
];

/** @type {Record<string, (input: Record<string, any>, deps: EventDeps) => BuiltChange>} */
const BUILDERS = { messageEcho, history, contactSync, call, callStatus, groupJoinRequest };

/**
 * The webhook body of one event: a named kind, or `{ field, value }` for the documented fields above.
 * @param {Record<string, any>} input @param {EventDeps} deps
 */
function buildEvent(input, deps) {
	if (!isObject(input)) throw controlError(400, 'the body must be a JSON object');
	const builder =
		typeof input.kind === 'string' && Object.prototype.hasOwnProperty.call(BUILDERS, input.kind)
			? BUILDERS[input.kind]
			: undefined;
	if (builder) {
		const { field, value } = builder(input, deps);
		return numberChange(deps.number, field, value);
	}
	if (input.kind !== undefined)
		throw controlError(
			400,
			`kind must be one of ${Object.keys(BUILDERS).join(', ')}, or give field and value`,
		);
	if (!isObject(input.value))
		throw controlError(400, 'value must be an object (the change value as Meta posts it)');
	if (NUMBER_FIELDS.includes(input.field))
		return numberChange(deps.number, input.field, input.value);
	if (ACCOUNT_FIELDS.includes(input.field)) {
		// `time` lets two changes share one second, as Meta's batches do.
		const time = typeof input.time === 'number' ? input.time : Math.floor(deps.nowMs / 1000);
		const body = webhookBody(deps.number, [[{ value: input.value, field: input.field }]]);
		return { ...body, entry: body.entry.map((entry) => ({ ...entry, time })) };
	}
	throw controlError(
		400,
		`field must be one of ${[...NUMBER_FIELDS, ...ACCOUNT_FIELDS].join(', ')}, or give a kind (${Object.keys(BUILDERS).join(', ')})`,
	);
}

module.exports = { buildEvent };
