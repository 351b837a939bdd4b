// @ts-check
'use strict';
/**
 * Validation of `POST /messages` bodies, the way the Cloud API rejects them: HTTP 400, code 100, and
 * `error_data.details` naming the offending field. Limits are the documented ones (body 4096 characters,
 * 3 reply buttons of 20 characters, 10 list rows of 24 characters, ...).
 */
const { invalidParameter, requiredParameter } = require('./errors');
const {
	isObject,
	ownEntry,
	isPresent,
	requireObject,
	requireString,
	optionalString,
	checkString,
	checkOneOf,
	parseHttpUrl,
	checkHttpUrl,
	checkMediaReference,
	forEachSection,
} = require('./field-checks');
const { COMMERCE_INTERACTIVE_TYPES } = require('./interactive-commerce');
const { validateContacts } = require('./contacts-validation');

const OUTBOUND_TYPES = [
	'text',
	'image',
	'audio',
	'video',
	'document',
	'sticker',
	'location',
	'contacts',
	'interactive',
	'template',
	'reaction',
];
const MEDIA_TYPES = ['image', 'audio', 'video', 'document', 'sticker'];
const MEDIA_WITHOUT_CAPTION = ['audio', 'sticker'];

/** @param {Record<string, any>} body @param {string} type */
function validateMedia(body, type) {
	const media = requireObject(body, type, type);
	checkMediaReference(media, type);
	if (MEDIA_WITHOUT_CAPTION.includes(type) && media.caption !== undefined) {
		throw invalidParameter(`Parameter '${type}.caption' is not allowed for ${type} messages`);
	}
	optionalString(media, 'caption', `${type}.caption`, 1024);
	if (type === 'document') optionalString(media, 'filename', 'document.filename', 240);
	// Meta, "Audio messages": `voice` marks an audio message as a voice note; no other media type takes it.
	if (media.voice !== undefined && type !== 'audio')
		throw invalidParameter(`Parameter '${type}.voice' is not allowed for ${type} messages`);
	if (media.voice !== undefined && typeof media.voice !== 'boolean')
		throw invalidParameter("Parameter 'audio.voice' must be a boolean");
}

/** @param {Record<string, any>} body */
function validateText(body) {
	const text = requireObject(body, 'text', 'text');
	requireString(text, 'body', 'text.body', 4096);
	if (text.preview_url !== undefined && typeof text.preview_url !== 'boolean') {
		throw invalidParameter("Parameter 'text.preview_url' must be a boolean");
	}
}

/** @param {Record<string, any>} body */
function validateLocation(body) {
	const location = requireObject(body, 'location', 'location');
	for (const [key, limit] of /** @type {const} */ ([
		['latitude', 90],
		['longitude', 180],
	])) {
		const value = location[key];
		if (value === undefined || value === null) throw requiredParameter(`location.${key}`);
		if (typeof value !== 'number' || !Number.isFinite(value))
			throw invalidParameter(`Parameter 'location.${key}' must be a number`);
		if (Math.abs(value) > limit)
			throw invalidParameter(`Parameter 'location.${key}' must be between -${limit} and ${limit}`);
	}
	optionalString(location, 'name', 'location.name');
	optionalString(location, 'address', 'location.address');
}

/** @param {Record<string, any>} body */
function validateReaction(body) {
	const reaction = requireObject(body, 'reaction', 'reaction');
	requireString(reaction, 'message_id', 'reaction.message_id');
	optionalString(reaction, 'emoji', 'reaction.emoji');
}

/** @param {Record<string, any>} body */
function validateTemplate(body) {
	const template = requireObject(body, 'template', 'template');
	requireString(template, 'name', 'template.name', 512);
	const language = requireObject(template, 'language', 'template.language');
	requireString(language, 'code', 'template.language.code');
	if (template.components === undefined) return;
	if (!Array.isArray(template.components))
		throw invalidParameter("Parameter 'template.components' must be an array");
	template.components.forEach((component, index) =>
		validateTemplateComponent(component, `template.components[${index}]`),
	);
}

/** @param {unknown} component @param {string} path */
function validateTemplateComponent(component, path) {
	if (!isObject(component)) throw invalidParameter(`Parameter '${path}' must be an object`);
	const type = requireString(component, 'type', `${path}.type`);
	checkOneOf(type.toLowerCase(), `${path}.type`, [
		'header',
		'body',
		'button',
		'footer',
		'carousel',
		'limited_time_offer',
	]);
	if (type.toLowerCase() === 'button') {
		requireString(component, 'sub_type', `${path}.sub_type`);
		if (component.index === undefined || component.index === null)
			throw requiredParameter(`${path}.index`);
	}
	if (component.parameters === undefined) return;
	if (!Array.isArray(component.parameters))
		throw invalidParameter(`Parameter '${path}.parameters' must be an array`);
	component.parameters.forEach((parameter, index) => {
		if (!isObject(parameter))
			throw invalidParameter(`Parameter '${path}.parameters[${index}]' must be an object`);
		requireString(parameter, 'type', `${path}.parameters[${index}].type`);
	});
}

// ---- interactive ------------------------------------------------------------------------------------------

/** @param {Record<string, any>} body */
function validateInteractive(body) {
	const interactive = requireObject(body, 'interactive', 'interactive');
	const type = requireString(interactive, 'type', 'interactive.type');
	const rules = ownEntry(INTERACTIVE_TYPES, type);
	if (!rules) return checkOneOf(type, 'interactive.type', Object.keys(INTERACTIVE_TYPES)); // throws: no such type
	validateInteractiveHeader(interactive, rules.headerTypes);
	if (rules.bodyRequired || interactive.body !== undefined) {
		const interactiveBody = requireObject(interactive, 'body', 'interactive.body');
		requireString(interactiveBody, 'text', 'interactive.body.text', 1024);
	}
	if (interactive.footer !== undefined) {
		const footer = requireObject(interactive, 'footer', 'interactive.footer');
		requireString(footer, 'text', 'interactive.footer.text', 60);
	}
	const action = requireObject(interactive, 'action', 'interactive.action');
	rules.action(action, interactive);
}

/** @param {Record<string, any>} interactive @param {string[]} allowedTypes */
function validateInteractiveHeader(interactive, allowedTypes) {
	if (interactive.header === undefined) return;
	const header = requireObject(interactive, 'header', 'interactive.header');
	if (allowedTypes.length === 0)
		throw invalidParameter(
			`Parameter 'interactive.header' is not allowed for interactive type '${interactive.type}'`,
		);
	const type = requireString(header, 'type', 'interactive.header.type');
	checkOneOf(type, 'interactive.header.type', allowedTypes);
	if (type === 'text') {
		requireString(header, 'text', 'interactive.header.text', 60);
		return;
	}
	checkMediaReference(
		requireObject(header, type, `interactive.header.${type}`),
		`interactive.header.${type}`,
	);
}

/** @param {Record<string, any>} action @param {string} expected */
function requireActionName(action, expected) {
	const name = requireString(action, 'name', 'interactive.action.name');
	checkOneOf(name, 'interactive.action.name', [expected]);
}

/**
 * @param {unknown[]} ids
 * @param {string} path
 */
function checkUniqueIds(ids, path) {
	const seen = new Set();
	for (const id of ids) {
		if (seen.has(id))
			throw invalidParameter(`Parameter '${path}' has duplicate ids ('${id}'); ids must be unique`);
		seen.add(id);
	}
}

/** @param {Record<string, any>} action */
function validateReplyButtons(action) {
	const buttons = action.buttons;
	if (buttons === undefined || buttons === null)
		throw requiredParameter('interactive.action.buttons');
	if (!Array.isArray(buttons) || buttons.length === 0)
		throw invalidParameter("Parameter 'interactive.action.buttons' must be a non-empty array");
	if (buttons.length > 3)
		throw invalidParameter("Parameter 'interactive.action.buttons' has too many elements (max 3)");
	const ids = buttons.map((button, index) => {
		const path = `interactive.action.buttons[${index}]`;
		if (!isObject(button)) throw invalidParameter(`Parameter '${path}' must be an object`);
		checkOneOf(button.type, `${path}.type`, ['reply']);
		const reply = requireObject(button, 'reply', `${path}.reply`);
		requireString(reply, 'title', `${path}.reply.title`, 20);
		return requireString(reply, 'id', `${path}.reply.id`, 256);
	});
	checkUniqueIds(ids, 'interactive.action.buttons');
}

/** @param {Record<string, any>} action */
function validateListSections(action) {
	requireString(action, 'button', 'interactive.action.button', 20);
	/** @type {unknown[]} */
	const rowIds = [];
	forEachSection(action, (section, path) => {
		if (!Array.isArray(section.rows) || section.rows.length === 0)
			throw invalidParameter(`Parameter '${path}.rows' must be a non-empty array`);
		section.rows.forEach((/** @type {unknown} */ row, rowIndex) => {
			const rowPath = `${path}.rows[${rowIndex}]`;
			if (!isObject(row)) throw invalidParameter(`Parameter '${rowPath}' must be an object`);
			rowIds.push(requireString(row, 'id', `${rowPath}.id`, 200));
			requireString(row, 'title', `${rowPath}.title`, 24);
			optionalString(row, 'description', `${rowPath}.description`, 72);
		});
	});
	if (rowIds.length > 10)
		throw invalidParameter(
			`Parameter 'interactive.action.sections' has too many rows in total (max 10, got ${rowIds.length})`,
		);
	checkUniqueIds(rowIds, 'interactive.action.sections.rows');
}

/** @param {Record<string, any>} action */
function validateCtaUrl(action) {
	requireActionName(action, 'cta_url');
	const parameters = requireObject(action, 'parameters', 'interactive.action.parameters');
	requireString(parameters, 'display_text', 'interactive.action.parameters.display_text', 20);
	checkHttpUrl(
		requireString(parameters, 'url', 'interactive.action.parameters.url'),
		'interactive.action.parameters.url',
	);
}

/** @param {Record<string, any>} action */
function validateFlow(action) {
	requireActionName(action, 'flow');
	const parameters = requireObject(action, 'parameters', 'interactive.action.parameters');
	const path = 'interactive.action.parameters';
	requireString(parameters, 'flow_cta', `${path}.flow_cta`, 30);
	if (!isPresent(parameters.flow_id) && !isPresent(parameters.flow_name)) {
		throw invalidParameter(`Parameter '${path}.flow_id' or '${path}.flow_name' is required`);
	}
	if (parameters.mode !== undefined)
		checkOneOf(parameters.mode, `${path}.mode`, ['draft', 'published']);
	if (parameters.flow_action !== undefined)
		checkOneOf(parameters.flow_action, `${path}.flow_action`, ['navigate', 'data_exchange']);
	if (parameters.flow_action === 'navigate') {
		const payload = requireObject(parameters, 'flow_action_payload', `${path}.flow_action_payload`);
		requireString(payload, 'screen', `${path}.flow_action_payload.screen`);
	}
}

/**
 * Per interactive type: whether it needs body.text, which header types it takes, and how its action is checked.
 * @type {Record<string, import("./interactive-commerce").InteractiveRules>}
 */
const INTERACTIVE_TYPES = {
	button: {
		bodyRequired: true,
		headerTypes: ['text', 'image', 'video', 'document'],
		action: validateReplyButtons,
	},
	list: { bodyRequired: true, headerTypes: ['text'], action: validateListSections },
	cta_url: {
		bodyRequired: true,
		headerTypes: ['text', 'image', 'video', 'document'],
		action: validateCtaUrl,
	},
	flow: {
		bodyRequired: true,
		headerTypes: ['text', 'image', 'video', 'document'],
		action: validateFlow,
	},
	location_request_message: {
		bodyRequired: true,
		headerTypes: [],
		action: (action) => requireActionName(action, 'send_location'),
	},
	call_permission_request: {
		bodyRequired: true,
		headerTypes: [],
		action: (action) => requireActionName(action, 'call_permission_request'),
	},
	// Asks a user who hides their number behind a username to share it (Meta, "Business-scoped user IDs").
	request_contact_info: {
		bodyRequired: true,
		headerTypes: [],
		action: (action) => requireActionName(action, 'request_contact_info'),
	},
	...COMMERCE_INTERACTIVE_TYPES,
};

// ---- envelope ---------------------------------------------------------------------------------------------

/** @type {Record<string, (body: Record<string, any>) => void>} */
const TYPE_VALIDATORS = {
	text: validateText,
	location: validateLocation,
	contacts: validateContacts,
	interactive: validateInteractive,
	template: validateTemplate,
	reaction: validateReaction,
	...Object.fromEntries(
		MEDIA_TYPES.map((type) => [
			type,
			(/** @type {Record<string, any>} */ body) => validateMedia(body, type),
		]),
	),
};

/** @param {unknown} body @returns {Record<string, any>} */
function requireWhatsAppBody(body) {
	if (!isObject(body)) throw invalidParameter('The request body must be a JSON object');
	if (body.messaging_product === undefined || body.messaging_product === null)
		throw requiredParameter('messaging_product');
	if (body.messaging_product !== 'whatsapp') {
		throw invalidParameter(
			`Parameter 'messaging_product' must be 'whatsapp' (got ${JSON.stringify(body.messaging_product)})`,
		);
	}
	return body;
}

/**
 * Validates a send and answers its type ("text" when the body names none, as the Cloud API assumes).
 * @param {unknown} input
 * @returns {string}
 */
function validateOutboundMessage(input) {
	const body = requireWhatsAppBody(input);
	if (body.recipient_type !== undefined)
		checkOneOf(body.recipient_type, 'recipient_type', ['individual', 'group']);
	if (!isPresent(body.to) && !isPresent(body.recipient)) throw requiredParameter('to');
	if (isPresent(body.to)) {
		if (typeof body.to !== 'string' && typeof body.to !== 'number')
			throw invalidParameter("Parameter 'to' must be a string");
		if (!/\d/.test(String(body.to)))
			throw invalidParameter("Parameter 'to' must be a phone number");
	}
	if (isPresent(body.recipient)) checkString(body.recipient, 'recipient');
	const type = body.type ?? 'text';
	if (typeof type !== 'string' || !OUTBOUND_TYPES.includes(type))
		checkOneOf(type, 'type', OUTBOUND_TYPES);
	if (body.context !== undefined)
		requireString(requireObject(body, 'context', 'context'), 'message_id', 'context.message_id');
	optionalString(body, 'biz_opaque_callback_data', 'biz_opaque_callback_data', 512);
	TYPE_VALIDATORS[type](body);
	return type;
}

/**
 * Validates a mark-as-read (optionally with typing indicator) body.
 * @param {unknown} input
 * @returns {{ messageId: string, typing: boolean }}
 */
function validateReadReceipt(input) {
	const body = requireWhatsAppBody(input);
	checkOneOf(body.status, 'status', ['read']);
	const messageId = requireString(body, 'message_id', 'message_id');
	if (body.typing_indicator !== undefined) {
		const indicator = requireObject(body, 'typing_indicator', 'typing_indicator');
		checkOneOf(indicator.type, 'typing_indicator.type', ['text']);
	}
	return { messageId, typing: body.typing_indicator !== undefined };
}

module.exports = {
	validateOutboundMessage,
	validateReadReceipt,
	isObject,
	ownEntry,
	parseHttpUrl,
	MEDIA_TYPES,
};
