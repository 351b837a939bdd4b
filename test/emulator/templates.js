// @ts-check
'use strict';
/**
 * Message templates per WhatsApp Business Account: seeding, the 360dialog template endpoints
 * (/v1/configs/templates), and the checks a template send goes through (exists, approved, parameter count).
 */
const crypto = require('node:crypto');
const { createNumericId } = require('./ids');
const { dialogError, metaError } = require('./errors');
const { isObject, ownEntry } = require('./validation');
const { validateTemplateComponents } = require('./template-rules');

/** A deleted name stays taken this long in every language it had (Meta: "try again in 4 weeks"). */
const DELETED_NAME_HOLD_MS = 28 * 24 * 60 * 60 * 1000;

/**
 * @typedef {object} Template
 * @property {string} id
 * @property {string} name
 * @property {string} language
 * @property {string} status
 * @property {string} category
 * @property {Record<string, any>[]} components
 * @property {string} namespace
 * @property {string} parameter_format POSITIONAL or NAMED
 * @property {string} rejected_reason
 * @property {{ score: string }} quality_score
 */

const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];
const TEMPLATE_NAME = /^[a-z0-9_]+$/;
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const MEDIA_HEADER_FORMATS = ['IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'];

/** Templates every number starts with: one of each kind a workflow is likely to use. */
const SEED_TEMPLATES = [
	{
		name: 'hello_world',
		language: 'en_US',
		category: 'UTILITY',
		status: 'APPROVED',
		components: [
			{ type: 'HEADER', format: 'TEXT', text: 'Hello World' },
			{
				type: 'BODY',
				text: 'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API. Thank you for taking the time to test with us.',
			},
			{ type: 'FOOTER', text: 'WhatsApp Business Platform sample message' },
		],
	},
	{
		name: 'order_update',
		language: 'en_US',
		category: 'UTILITY',
		status: 'APPROVED',
		components: [
			{
				type: 'BODY',
				text: 'Hi {{1}}, your order {{2}} is on its way.',
				example: { body_text: [['Jane', '#1234']] },
			},
			{
				type: 'BUTTONS',
				buttons: [
					{ type: 'QUICK_REPLY', text: 'Track order' },
					{ type: 'QUICK_REPLY', text: 'Contact support' },
				],
			},
		],
	},
	{
		name: 'order_update',
		language: 'de',
		category: 'UTILITY',
		status: 'APPROVED',
		components: [
			{
				type: 'BODY',
				text: 'Hallo {{1}}, deine Bestellung {{2}} ist unterwegs.',
				example: { body_text: [['Jane', '#1234']] },
			},
		],
	},
	{
		name: 'appointment_reminder',
		language: 'en_US',
		category: 'UTILITY',
		status: 'APPROVED',
		parameter_format: 'NAMED',
		components: [
			{
				type: 'BODY',
				text: 'Hello {{first_name}}, this is a reminder of your appointment on {{appointment_date}}.',
				example: {
					body_text_named_params: [
						{ param_name: 'first_name', example: 'Jane' },
						{ param_name: 'appointment_date', example: 'May 4, 10:00' },
					],
				},
			},
		],
	},
	{
		name: 'product_launch',
		language: 'en_US',
		category: 'MARKETING',
		status: 'APPROVED',
		components: [
			{
				type: 'HEADER',
				format: 'IMAGE',
				example: { header_handle: ['https://example.com/launch.jpg'] },
			},
			{
				type: 'BODY',
				text: 'Meet {{1}}! Now available in our store.',
				example: { body_text: [['the new collection']] },
			},
			{
				type: 'BUTTONS',
				buttons: [{ type: 'URL', text: 'Shop now', url: 'https://example.com/shop' }],
			},
		],
	},
	{
		name: 'seasonal_promo',
		language: 'en_US',
		category: 'MARKETING',
		status: 'PENDING',
		components: [
			{
				type: 'BODY',
				text: "Our summer sale starts {{1}}. Don't miss it!",
				example: { body_text: [['tomorrow']] },
			},
		],
	},
];

/** A namespace in the platform's format (uuid with underscores), stable per WABA. @param {string} wabaId */
function namespaceOf(wabaId) {
	const hex = crypto.createHash('sha256').update(`namespace:${wabaId}`).digest('hex');
	return [
		hex.slice(0, 8),
		hex.slice(8, 12),
		hex.slice(12, 16),
		hex.slice(16, 20),
		hex.slice(20, 32),
	].join('_');
}

/** @param {string} text @returns {string[]} distinct placeholder names in order */
function placeholdersOf(text) {
	return [...new Set([...String(text ?? '').matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/**
 * @param {{ name: string, language: string, category: string, status: string, components: any[], parameter_format?: string }} source
 * @param {string} wabaId
 * @returns {Template}
 */
function toTemplate(source, wabaId) {
	const bodyText =
		source.components.find((component) => String(component.type).toUpperCase() === 'BODY')?.text ??
		'';
	const named = placeholdersOf(bodyText).some((name) => !/^\d+$/.test(name));
	return {
		id: createNumericId(),
		name: source.name,
		language: source.language,
		status: source.status,
		category: source.category,
		components: structuredClone(source.components),
		namespace: namespaceOf(wabaId),
		parameter_format: source.parameter_format ?? (named ? 'NAMED' : 'POSITIONAL'),
		rejected_reason: 'NONE',
		quality_score: { score: 'UNKNOWN' },
	};
}

/** @param {unknown} value */
function parseFilters(value) {
	if (value === null || value === undefined || value === '') return {};
	try {
		const parsed = JSON.parse(String(value));
		if (isObject(parsed)) return parsed;
	} catch {
		// fall through to the error below
	}
	throw dialogError(
		400,
		'filters must be a URL-encoded JSON object, e.g. {"business_templates.name":"hello_world"}',
	);
}

/** Filter keys (as the Partner API names them) → template field. */
const FILTER_FIELDS = /** @type {Record<string, keyof Template>} */ ({
	'business_templates.name': 'name',
	name: 'name',
	status: 'status',
	category: 'category',
	language: 'language',
	'business_templates.language': 'language',
	id: 'id',
});

/**
 * @param {Template} template
 * @param {Record<string, unknown>} filters
 */
function matchesFilters(template, filters) {
	return Object.entries(filters).every(([key, wanted]) => {
		const field = ownEntry(FILTER_FIELDS, key);
		if (!field) return true;
		const actual = String(template[field]);
		const choices = Array.isArray(wanted) ? wanted.map(String) : [String(wanted)];
		return choices.some((choice) => choice.toLowerCase() === actual.toLowerCase());
	});
}

/** @param {unknown} raw @param {string} name @param {number} fallback */
function nonNegativeInteger(raw, name, fallback) {
	if (raw === undefined || raw === null || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 0)
		throw dialogError(400, `${name} must be a non-negative integer`);
	return value;
}

/** @param {string[]} sortKeys @returns {(a: Template, b: Template) => number} */
function comparatorFor(sortKeys) {
	return (a, b) => {
		for (const key of sortKeys) {
			const descending = key.startsWith('-');
			const field = ownEntry(FILTER_FIELDS, descending ? key.slice(1) : key) ?? 'name';
			const order = String(a[field]).localeCompare(String(b[field]), 'en', { numeric: true });
			if (order !== 0) return descending ? -order : order;
		}
		// Ties (one name in several languages) in a stable, predictable order.
		return (
			a.language.localeCompare(b.language) || a.id.localeCompare(b.id, 'en', { numeric: true })
		);
	};
}

/** @param {() => number} [now] */
function createTemplateStore(now = Date.now) {
	/** @type {Map<string, Template[]>} wabaId → templates */
	const byWaba = new Map();
	/** @type {Map<string, number>} "wabaId/name/language" → when it was deleted */
	const deleted = new Map();

	/** @param {string} wabaId */
	function templatesOf(wabaId) {
		let list = byWaba.get(wabaId);
		if (!list) byWaba.set(wabaId, (list = []));
		return list;
	}

	/** @param {string[]} wabaIds @param {boolean} withSeed */
	function reset(wabaIds, withSeed) {
		byWaba.clear();
		deleted.clear();
		for (const wabaId of new Set(wabaIds)) {
			templatesOf(wabaId).push(
				...(withSeed ? SEED_TEMPLATES.map((seed) => toTemplate(seed, wabaId)) : []),
			);
		}
	}

	/** @param {string} wabaId @param {string} name @param {string} language */
	function find(wabaId, name, language) {
		return templatesOf(wabaId).find(
			(template) => template.name === name && template.language === language,
		);
	}

	/**
	 * GET /v1/configs/templates
	 * @param {string} wabaId
	 * @param {URLSearchParams} query
	 */
	function list(wabaId, query) {
		const filters = parseFilters(query.get('filters'));
		const limit = nonNegativeInteger(query.get('limit'), 'limit', 1000);
		const offset = nonNegativeInteger(query.get('offset'), 'offset', 0);
		const sort = (query.get('sort') || 'business_templates.name')
			.split(',')
			.map((key) => key.trim())
			.filter(Boolean);
		const matching = templatesOf(wabaId)
			.filter((template) => matchesFilters(template, filters))
			.sort(comparatorFor(sort));
		const page = matching.slice(offset, offset + limit);
		return {
			count: page.length,
			filters,
			limit,
			offset,
			sort,
			total: matching.length,
			waba_templates: structuredClone(page),
		};
	}

	/**
	 * POST /v1/configs/templates
	 * @param {string} wabaId
	 * @param {unknown} body
	 * @param {string} status the status a new template gets
	 */
	function create(wabaId, body, status) {
		const input = /** @type {Record<string, any>} */ (body);
		if (!isObject(input)) throw dialogError(400, 'The request body must be a JSON object');
		if (
			typeof input.name !== 'string' ||
			!TEMPLATE_NAME.test(input.name) ||
			input.name.length > 512
		) {
			throw dialogError(400, "name must be 1-512 characters of lowercase letters, digits and '_'");
		}
		if (!CATEGORIES.includes(input.category))
			throw dialogError(400, `category must be one of ${CATEGORIES.join(', ')}`);
		if (typeof input.language !== 'string' || input.language === '')
			throw dialogError(400, 'language is required, e.g. "en_US"');
		if (
			input.allow_category_change !== undefined &&
			typeof input.allow_category_change !== 'boolean'
		)
			throw dialogError(400, 'allow_category_change must be true or false');
		const { named } = validateTemplateComponents(input.components, input.category);
		if (find(wabaId, input.name, input.language)) {
			throw metaError(
				400,
				100,
				'Invalid parameter',
				`Template '${input.name}' already exists in ${input.language}`,
				{
					subcode: 2388024,
					userTitle: 'Content in this language already exists',
					userMessage: `Content for ${input.language} already exists for the template '${input.name}'. Add another language or use a new name.`,
				},
			);
		}
		const deletedAt = deleted.get(`${wabaId}/${input.name}/${input.language}`);
		if (deletedAt !== undefined && now() - deletedAt < DELETED_NAME_HOLD_MS) {
			throw metaError(
				400,
				100,
				'Invalid parameter',
				`Template '${input.name}' (${input.language}) was deleted less than 4 weeks ago`,
				{
					subcode: 2388023,
					userTitle: 'Message template is being deleted',
					userMessage: `New ${input.language} content can't be added while the existing ${input.language} content is being deleted. Try again in 4 weeks or create a message template with a new name.`,
				},
			);
		}
		const template = toTemplate(
			{
				...input,
				name: input.name,
				language: input.language,
				category: input.category,
				status,
				components: input.components,
				parameter_format: named ? 'NAMED' : 'POSITIONAL',
			},
			wabaId,
		);
		templatesOf(wabaId).push(template);
		return structuredClone(template);
	}

	/**
	 * DELETE /v1/configs/templates/{name}: every language of that name goes.
	 * @param {string} wabaId
	 * @param {string} name
	 */
	function remove(wabaId, name) {
		const all = templatesOf(wabaId);
		const kept = all.filter((template) => template.name !== name);
		if (kept.length === all.length) throw dialogError(404, `Template '${name}' does not exist`);
		for (const template of all)
			if (template.name === name) deleted.set(`${wabaId}/${name}/${template.language}`, now());
		byWaba.set(wabaId, kept);
		return all.length - kept.length;
	}

	return { reset, find, list, create, remove, all: templatesOf };
}

// ---- sending a template -----------------------------------------------------------------------------------

/** @param {Record<string, any>[] | undefined} components @param {string} type */
function sentComponent(components, type) {
	return (components ?? []).find((component) => String(component.type).toLowerCase() === type);
}

/**
 * @param {string} section "body" or "header"
 * @param {number} given
 * @param {number} expected
 */
function parameterCountMismatch(section, given, expected) {
	return metaError(
		400,
		132000,
		'(#132000) Number of parameters does not match the expected number of params',
		`${section}: number of localizable_params (${given}) does not match the expected number of params (${expected})`,
	);
}

/**
 * @param {Template} template
 * @param {string} section
 * @param {string} text
 * @param {Record<string, any>[]} parameters
 */
function checkTextParameters(template, section, text, parameters) {
	const expected = placeholdersOf(text);
	if (parameters.length !== expected.length)
		throw parameterCountMismatch(section, parameters.length, expected.length);
	if (template.parameter_format !== 'NAMED') return;
	const givenNames = parameters.map((parameter) => parameter.parameter_name);
	const missing = expected.filter((name) => !givenNames.includes(name));
	if (missing.length > 0) {
		throw metaError(
			400,
			132000,
			'(#132000) Number of parameters does not match the expected number of params',
			`${section}: named parameters missing: ${missing.join(', ')} (each parameter needs "parameter_name")`,
		);
	}
}

/**
 * @param {Record<string, any>} headerComponent the stored HEADER
 * @param {Record<string, any>[]} parameters
 */
function checkMediaHeader(headerComponent, parameters) {
	const format = String(headerComponent.format).toUpperCase();
	if (parameters.length !== 1) throw parameterCountMismatch('header', parameters.length, 1);
	if (String(parameters[0].type).toUpperCase() !== format) {
		throw metaError(
			400,
			132012,
			'(#132012) Parameter format does not match format in the created template',
			`header: Format mismatch, expected ${format}, received ${String(parameters[0].type).toUpperCase()}`,
		);
	}
}

/**
 * The checks the Cloud API runs on a template send. Answers the stored template.
 * A template that is not APPROVED is, for sending, a template that does not exist: 132001.
 * @param {ReturnType<typeof createTemplateStore>} store
 * @param {string} wabaId
 * @param {Record<string, any>} sent the `template` object of the send
 */
function checkTemplateSend(store, wabaId, sent) {
	const name = sent.name;
	const language = sent.language.code;
	const template = store.find(wabaId, name, language);
	if (!template || template.status !== 'APPROVED') {
		throw metaError(
			400,
			132001,
			'(#132001) Template name does not exist in the translation',
			`template name (${name}) does not exist in ${language}`,
		);
	}
	const header = template.components.find(
		(component) => String(component.type).toUpperCase() === 'HEADER',
	);
	const headerParameters = sentComponent(sent.components, 'header')?.parameters ?? [];
	if (header && MEDIA_HEADER_FORMATS.includes(String(header.format).toUpperCase()))
		checkMediaHeader(header, headerParameters);
	else checkTextParameters(template, 'header', header?.text ?? '', headerParameters);
	const body = template.components.find(
		(component) => String(component.type).toUpperCase() === 'BODY',
	);
	checkTextParameters(
		template,
		'body',
		body?.text ?? '',
		sentComponent(sent.components, 'body')?.parameters ?? [],
	);
	return template;
}

module.exports = { createTemplateStore, checkTemplateSend };
