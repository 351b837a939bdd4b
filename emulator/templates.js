// @ts-check
'use strict';
/**
 * Message templates per WhatsApp Business Account: seeding, the 360dialog template endpoints
 * (/v1/configs/templates). The checks a template send goes through are in templateSend.js.
 */
const crypto = require('node:crypto');
const { createNumericId } = require('./ids');
const { dialogError, metaError } = require('./errors');
const { SEED_TEMPLATES } = require('./seedTemplates');
const { placeholdersOf } = require('./templateSend');
const { isObject, ownEntry } = require('./validation');
const { validateTemplateComponents } = require('./template-rules');
const { libraryComponents } = require('./template-library');

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
		const library =
			input.library_template_name !== undefined ? libraryComponents(input) : undefined;
		const { named } =
			library && input.components === undefined
				? { named: false }
				: validateTemplateComponents(input.components, input.category);
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
				components: input.components ?? library,
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

module.exports = { createTemplateStore };
