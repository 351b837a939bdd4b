// @ts-check
'use strict';
/**
 * What the Cloud API checks when a template is submitted (POST /v1/configs/templates): the components it
 * knows, their lengths and counts, placeholders numbered from {{1}} or named, an example for every placeholder,
 * no placeholder at the very start or end of the body, and the button rules. A rejection is Meta's error
 * shape with `error_user_title` / `error_user_msg`, as the platform passes it through.
 */
const { metaError } = require('./errors');
const { isObject } = require('./validation');

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const COMPONENT_TYPES = ['HEADER', 'BODY', 'FOOTER', 'BUTTONS', 'CAROUSEL', 'LIMITED_TIME_OFFER'];
const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'];
const BUTTON_TYPES = [
	'QUICK_REPLY',
	'URL',
	'PHONE_NUMBER',
	'COPY_CODE',
	'OTP',
	'FLOW',
	'CATALOG',
	'MPM',
	'SPM',
	'VOICE_CALL',
];
/** How many buttons of one type a template may have. */
const BUTTON_LIMITS = /** @type {Record<string, number>} */ ({
	URL: 2,
	PHONE_NUMBER: 1,
	COPY_CODE: 1,
});

const MISSING_FIELD = 2388043;
const VARIABLE_AT_EDGE = 2388299;
const INVALID_FORMAT = 2388293;

/** @param {string} details @param {number} subcode @param {string} title */
function rejected(details, subcode, title) {
	return metaError(400, 100, 'Invalid parameter', details, {
		subcode,
		userTitle: title,
		userMessage: details,
	});
}

/** @param {unknown} text @returns {string[]} the placeholders in order of appearance */
function placeholdersOf(text) {
	return [...String(text ?? '').matchAll(PLACEHOLDER)].map((match) => match[1]);
}

/** @param {unknown} value */
const lengthOf = (value) => [...String(value ?? '')].length;

/** @param {Record<string, any>} component @param {string} path @param {number} max */
function requireComponentText(component, path, max) {
	if (typeof component.text !== 'string' || component.text.trim() === '')
		throw rejected(`${path}.text is required`, MISSING_FIELD, 'Message template is missing text');
	if (lengthOf(component.text) > max)
		throw rejected(
			`${path}.text is ${lengthOf(component.text)} characters; at most ${max}`,
			INVALID_FORMAT,
			'Message template text is too long',
		);
	return component.text;
}

/**
 * Placeholders must be {{1}}, {{2}}, … in order, or all named.
 * @param {string[]} names
 * @param {string} path
 */
function checkPlaceholderNames(names, path) {
	const distinct = [...new Set(names)];
	const positional = distinct.filter((name) => /^\d+$/.test(name));
	if (positional.length > 0 && positional.length !== distinct.length)
		throw rejected(
			`${path} mixes numbered and named variables`,
			INVALID_FORMAT,
			'Variables must be all numbered or all named',
		);
	if (positional.length === 0) return { named: distinct.length > 0, distinct };
	const sorted = positional.map(Number).sort((a, b) => a - b);
	sorted.forEach((number, index) => {
		if (number !== index + 1)
			throw rejected(
				`${path} has variables ${sorted.map((n) => `{{${n}}}`).join(', ')}; they must be numbered {{1}}, {{2}}, … without gaps`,
				INVALID_FORMAT,
				'Variables must be sequential',
			);
	});
	return { named: false, distinct };
}

/**
 * @param {Record<string, any>} component
 * @param {string[]} distinct
 * @param {boolean} named
 * @param {'header' | 'body'} section
 */
function checkExamples(component, distinct, named, section) {
	if (distinct.length === 0) return;
	const example = isObject(component.example) ? component.example : {};
	const missing = (/** @type {string} */ what) =>
		rejected(
			`${section} has ${distinct.length} variable(s) but no ${what} example for them`,
			MISSING_FIELD,
			'Message template is missing sample values',
		);
	if (named) {
		const given = example[`${section}_text_named_params`];
		const names = Array.isArray(given) ? given.map((entry) => entry?.param_name) : [];
		const absent = distinct.filter((name) => !names.includes(name));
		if (absent.length) throw missing(`${section}_text_named_params (${absent.join(', ')})`);
		return;
	}
	if (section === 'header') {
		if (!Array.isArray(example.header_text) || example.header_text.length !== distinct.length)
			throw missing('header_text');
		return;
	}
	const rows = example.body_text;
	if (!Array.isArray(rows) || !Array.isArray(rows[0]) || rows[0].length !== distinct.length)
		throw missing(`body_text with ${distinct.length} value(s)`);
}

/** @param {Record<string, any>} header */
function validateHeader(header) {
	const format = String(header.format ?? '').toUpperCase();
	if (!HEADER_FORMATS.includes(format))
		throw rejected(
			`HEADER.format must be one of ${HEADER_FORMATS.join(', ')}`,
			MISSING_FIELD,
			'Invalid header format',
		);
	if (format === 'LOCATION') return;
	if (format !== 'TEXT') {
		const handles = header.example?.header_handle;
		if (!Array.isArray(handles) || handles.length === 0 || typeof handles[0] !== 'string')
			throw rejected(
				`A ${format} header needs example.header_handle: a sample file uploaded with the Resumable Upload API`,
				MISSING_FIELD,
				'Message template is missing a sample media file',
			);
		return;
	}
	const text = requireComponentText(header, 'HEADER', 60);
	const names = placeholdersOf(text);
	if (new Set(names).size > 1)
		throw rejected(
			'HEADER.text may have at most one variable',
			INVALID_FORMAT,
			'Too many variables',
		);
	const { named, distinct } = checkPlaceholderNames(names, 'HEADER.text');
	checkExamples(header, distinct, named, 'header');
}

/** @param {Record<string, any>} body */
function validateBody(body) {
	const text = requireComponentText(body, 'BODY', 1024);
	const names = placeholdersOf(text);
	const { named, distinct } = checkPlaceholderNames(names, 'BODY.text');
	const trimmed = text.trim();
	if (distinct.length && (/^\{\{[^}]+\}\}/.test(trimmed) || /\{\{[^}]+\}\}$/.test(trimmed)))
		throw rejected(
			'BODY.text may not start or end with a variable',
			VARIABLE_AT_EDGE,
			"Variables can't be at the start or end of the template",
		);
	checkExamples(body, distinct, named, 'body');
	return named;
}

/** @param {Record<string, any>} footer */
function validateFooter(footer) {
	const text = requireComponentText(footer, 'FOOTER', 60);
	if (placeholdersOf(text).length)
		throw rejected(
			'FOOTER.text cannot have variables',
			INVALID_FORMAT,
			'Footers cannot have variables',
		);
}

/** @param {Record<string, any>} button @param {string} path */
function validateButton(button, path) {
	const type = String(button.type ?? '').toUpperCase();
	if (!BUTTON_TYPES.includes(type))
		throw rejected(
			`${path}.type must be one of ${BUTTON_TYPES.join(', ')}`,
			MISSING_FIELD,
			'Invalid button type',
		);
	if (['QUICK_REPLY', 'URL', 'PHONE_NUMBER'].includes(type)) requireComponentText(button, path, 25);
	if (type === 'URL') {
		const url = String(button.url ?? '');
		if (!/^https?:\/\/[^\s]+$/i.test(url) || url.length > 2000)
			throw rejected(`${path}.url must be an http(s) URL`, MISSING_FIELD, 'Invalid button URL');
		const variables = placeholdersOf(url);
		if (variables.length > 1 || (variables.length === 1 && !/\{\{\s*1\s*\}\}$/.test(url)))
			throw rejected(
				`${path}.url may have one variable, {{1}}, and only at its end`,
				INVALID_FORMAT,
				'Invalid URL variable',
			);
		if (variables.length === 1 && (!Array.isArray(button.example) || !button.example[0]))
			throw rejected(
				`${path} has a URL variable but no example URL`,
				MISSING_FIELD,
				'Message template is missing sample values',
			);
	}
	if (type === 'PHONE_NUMBER' && !/^\+?\d{5,20}$/.test(String(button.phone_number ?? '')))
		throw rejected(
			`${path}.phone_number must be a phone number with country code, at most 20 characters`,
			MISSING_FIELD,
			'Invalid phone number',
		);
	if (type === 'COPY_CODE') {
		const example = Array.isArray(button.example) ? button.example[0] : button.example;
		if (typeof example !== 'string' || example === '' || lengthOf(example) > 15)
			throw rejected(
				`${path}.example must be a sample code of at most 15 characters`,
				MISSING_FIELD,
				'Message template is missing sample values',
			);
	}
	return type;
}

/** @param {Record<string, any>} component */
function validateButtons(component) {
	const buttons = component.buttons;
	if (!Array.isArray(buttons) || buttons.length === 0 || buttons.length > 10)
		throw rejected('BUTTONS.buttons must hold 1 to 10 buttons', INVALID_FORMAT, 'Too many buttons');
	const types = buttons.map((button, index) =>
		validateButton(isObject(button) ? button : {}, `BUTTONS.buttons[${index}]`),
	);
	for (const [type, limit] of Object.entries(BUTTON_LIMITS)) {
		const count = types.filter((entry) => entry === type).length;
		if (count > limit)
			throw rejected(
				`A template may have at most ${limit} ${type} button(s); this one has ${count}`,
				INVALID_FORMAT,
				'Too many buttons',
			);
	}
	// Quick replies sit together, before or after the call-to-action buttons, never between them.
	const runs = types
		.map((type) => type === 'QUICK_REPLY')
		.filter((quick, at, all) => at === 0 || quick !== all[at - 1]);
	if (runs.length > 2)
		throw rejected(
			'Quick reply buttons must be grouped together, not mixed with the other buttons',
			INVALID_FORMAT,
			'Invalid button order',
		);
}

/**
 * Checks a submitted template's components; answers whether its placeholders are named.
 * @param {unknown} components
 * @param {string} category
 * @returns {{ named: boolean }}
 */
function validateTemplateComponents(components, category) {
	if (!Array.isArray(components) || components.length === 0)
		throw rejected('components must be a non-empty array', MISSING_FIELD, 'Missing components');
	/** @type {Record<string, Record<string, any>>} */
	const byType = {};
	components.forEach((component, index) => {
		const type = String(isObject(component) ? component.type : '').toUpperCase();
		if (!COMPONENT_TYPES.includes(type))
			throw rejected(
				`components[${index}].type must be one of ${COMPONENT_TYPES.join(', ')}`,
				MISSING_FIELD,
				'Invalid component type',
			);
		if (byType[type])
			throw rejected(`components has more than one ${type}`, INVALID_FORMAT, 'Duplicate component');
		byType[type] = /** @type {Record<string, any>} */ (component);
	});
	if (!byType.BODY) throw rejected('components needs a BODY', MISSING_FIELD, 'Missing body');
	// Authentication templates are Meta's own fixed text (code, security note, expiry): nothing to check here.
	if (category === 'AUTHENTICATION') return { named: false };
	if (byType.HEADER) validateHeader(byType.HEADER);
	const named = validateBody(byType.BODY);
	if (byType.FOOTER) validateFooter(byType.FOOTER);
	if (byType.BUTTONS) validateButtons(byType.BUTTONS);
	return { named };
}

module.exports = { validateTemplateComponents };
