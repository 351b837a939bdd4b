// @ts-check
'use strict';
/**
 * Extra webhook destinations of a number (`/multi_webhook`), as 360dialog runs them: at most 3 webhooks per
 * number in all (the main one included), and an extra destination receives an event only after the main
 * webhook answered it with 200.
 */
const { ApiError } = require('./errors');
const { isObject, parseHttpUrl } = require('./validation');

const MAX_WEBHOOKS_PER_NUMBER = 3;

/** @typedef {{ name?: string, url: string, headers: Record<string, string> }} Destination */
/** @typedef {{ enabled: boolean, destinations: Destination[] }} MultiWebhookConfig */

/** 360dialog's Messaging API answers this endpoint's errors as `{ "error": "..." }`. @param {string} message */
const multiWebhookError = (message) => new ApiError(400, { error: message });

/** @param {unknown} value @param {number} index @returns {Destination} */
function readDestination(value, index) {
	if (!isObject(value)) throw multiWebhookError(`destinations[${index}] must be an object`);
	if (typeof value.url !== 'string' || 'problem' in parseHttpUrl(value.url))
		throw multiWebhookError(`destinations[${index}].url must be a valid http(s) URL`);
	if (value.name !== undefined && typeof value.name !== 'string')
		throw multiWebhookError(`destinations[${index}].name must be a string`);
	const headers = value.headers ?? {};
	if (!isObject(headers) || Object.values(headers).some((v) => typeof v !== 'string'))
		throw multiWebhookError(`destinations[${index}].headers must be an object of string values`);
	return {
		...(value.name !== undefined ? { name: value.name } : {}),
		url: value.url,
		headers: /** @type {Record<string, string>} */ ({ ...headers }),
	};
}

/**
 * POST /multi_webhook { enabled, destinations? }: replaces the number's extra destinations.
 * @param {MultiWebhookConfig | undefined} current
 * @param {unknown} body
 * @param {string | undefined} mainUrl
 * @returns {MultiWebhookConfig}
 */
function applyMultiWebhook(current, body, mainUrl) {
	if (!isObject(body) || typeof body.enabled !== 'boolean')
		throw multiWebhookError('enabled (true or false) is required');
	if (body.destinations !== undefined && !Array.isArray(body.destinations))
		throw multiWebhookError('destinations must be an array');
	const destinations = Array.isArray(body.destinations)
		? body.destinations.map(readDestination)
		: (current?.destinations ?? []);
	const urls = new Set(destinations.map((destination) => destination.url));
	if (urls.size !== destinations.length)
		throw multiWebhookError('destinations must have unique URLs');
	const total = urls.size + (mainUrl && !urls.has(mainUrl) ? 1 : 0);
	if (total > MAX_WEBHOOKS_PER_NUMBER)
		throw multiWebhookError(
			`a phone number can have at most ${MAX_WEBHOOKS_PER_NUMBER} webhooks, the main one included`,
		);
	return { enabled: body.enabled, destinations };
}

/** GET /multi_webhook. @param {MultiWebhookConfig | undefined} config */
function describeMultiWebhook(config) {
	return config ? structuredClone(config) : { enabled: false, destinations: [] };
}

/** The extra destinations that receive what the main webhook acknowledged. @param {MultiWebhookConfig | undefined} config */
function activeDestinations(config) {
	return config?.enabled ? config.destinations : [];
}

module.exports = {
	applyMultiWebhook,
	describeMultiWebhook,
	activeDestinations,
	MAX_WEBHOOKS_PER_NUMBER,
};
