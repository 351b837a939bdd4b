// @ts-check
'use strict';
/**
 * The checks every validation of a request body is made of, answering the Cloud API's errors: HTTP 400,
 * code 100, and details that name the offending field by its path.
 */
const { invalidParameter, requiredParameter } = require('./errors');

/** Characters as a person counts them (code points, so an emoji is one). @param {string} text */
const lengthOf = (text) => [...text].length;

/** @param {unknown} value @returns {value is Record<string, any>} */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `table[key]` when the table itself has the key. Tables looked up by a name from a request must not answer
 * for names every object has (toString, constructor, __proto__).
 * @template T @param {Record<string, T>} table @param {string} key @returns {T | undefined}
 */
const ownEntry = (table, key) =>
	Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;

/** @param {unknown} value */
const isPresent = (value) => value !== undefined && value !== null && value !== '';

/**
 * The object at `parent[key]`, which must exist.
 * @param {Record<string, any>} parent
 * @param {string} key
 * @param {string} path
 * @returns {Record<string, any>}
 */
function requireObject(parent, key, path) {
	const value = parent[key];
	if (value === undefined || value === null) throw requiredParameter(path);
	if (!isObject(value)) throw invalidParameter(`Parameter '${path}' must be an object`);
	return value;
}

/**
 * A non-empty string at `parent[key]`, at most `max` characters.
 * @param {Record<string, any>} parent
 * @param {string} key
 * @param {string} path
 * @param {number} [max]
 */
function requireString(parent, key, path, max) {
	const value = parent[key];
	if (value === undefined || value === null || value === '') throw requiredParameter(path);
	return checkString(value, path, max);
}

/**
 * A string at `parent[key]` when present.
 * @param {Record<string, any>} parent
 * @param {string} key
 * @param {string} path
 * @param {number} [max]
 */
function optionalString(parent, key, path, max) {
	const value = parent[key];
	if (value === undefined || value === null) return undefined;
	return checkString(value, path, max);
}

/** @param {unknown} value @param {string} path @param {number} [max] */
function checkString(value, path, max) {
	if (typeof value !== 'string') throw invalidParameter(`Parameter '${path}' must be a string`);
	if (max !== undefined && lengthOf(value) > max) {
		throw invalidParameter(
			`Parameter '${path}' is too long (max ${max} characters, got ${lengthOf(value)})`,
		);
	}
	return value;
}

/** @param {unknown} value @param {string} path @param {string[]} allowed */
function checkOneOf(value, path, allowed) {
	if (!allowed.includes(/** @type {string} */ (value))) {
		throw invalidParameter(
			`Parameter '${path}' must be one of: ${allowed.join(', ')} (got ${JSON.stringify(value)})`,
		);
	}
}

/**
 * `value` as a URL when it is an http(s) one; otherwise why not: not a URL at all, or another scheme.
 * @param {unknown} value @returns {{ url: URL } | { problem: 'invalid' | 'scheme' }}
 */
function parseHttpUrl(value) {
	let url;
	try {
		url = new URL(String(value));
	} catch {
		return { problem: 'invalid' };
	}
	return url.protocol === 'http:' || url.protocol === 'https:' ? { url } : { problem: 'scheme' };
}

/** @param {unknown} value @param {string} path */
function checkHttpUrl(value, path) {
	const parsed = parseHttpUrl(value);
	if (!('problem' in parsed)) return;
	throw invalidParameter(
		parsed.problem === 'invalid'
			? `Parameter '${path}' must be a valid URL`
			: `Parameter '${path}' must be an http(s) URL`,
	);
}

/**
 * A media object: exactly one of id / link.
 * @param {Record<string, any>} media
 * @param {string} path
 */
function checkMediaReference(media, path) {
	const hasId = isPresent(media.id);
	const hasLink = isPresent(media.link);
	if (hasId === hasLink)
		throw invalidParameter(
			`Parameter '${path}' must contain exactly one of '${path}.id' or '${path}.link'`,
		);
	if (hasId && typeof media.id !== 'string' && typeof media.id !== 'number') {
		throw invalidParameter(`Parameter '${path}.id' must be a string`);
	}
	if (hasLink) checkHttpUrl(media.link, `${path}.link`);
}

/**
 * Checks `action.sections` as lists and multi-product messages share it (1 to 10 sections, a title of up to 24
 * characters that is required once there are several) and calls `check` for each section with its path.
 * @param {Record<string, any>} action
 * @param {(section: Record<string, any>, path: string) => void} check
 */
function forEachSection(action, check) {
	const sections = action.sections;
	if (sections === undefined || sections === null)
		throw requiredParameter('interactive.action.sections');
	if (!Array.isArray(sections) || sections.length === 0)
		throw invalidParameter("Parameter 'interactive.action.sections' must be a non-empty array");
	if (sections.length > 10)
		throw invalidParameter(
			"Parameter 'interactive.action.sections' has too many elements (max 10)",
		);
	sections.forEach((section, at) => {
		const path = `interactive.action.sections[${at}]`;
		if (!isObject(section)) throw invalidParameter(`Parameter '${path}' must be an object`);
		if (sections.length > 1) requireString(section, 'title', `${path}.title`, 24);
		else optionalString(section, 'title', `${path}.title`, 24);
		check(section, path);
	});
}

module.exports = {
	forEachSection,
	lengthOf,
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
};
