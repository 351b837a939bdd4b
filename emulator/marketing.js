// @ts-check
'use strict';
/**
 * POST /marketing_messages: Marketing Messages Lite, for marketing templates only. The body is a /messages
 * template send plus `message_send_ttl_seconds` and `message_activity_sharing`; errors come wrapped in
 * `{ "detail": { "error": ... } }`, and a number whose business has not accepted the terms is refused with
 * 131055, as 360dialog documents it.
 */
const { ApiError, metaError, invalidParameter } = require('./errors');
const { sendMessage } = require('./messages');
const { isObject } = require('./field-checks');

/** @typedef {import('./context').Context} Context */
/** @typedef {import('./options').NumberConfig} NumberConfig */

const TTL = { min: 43200, max: 2592000 };

/** The error as 360dialog's MM Lite gateway answers it. @param {ApiError} error */
const wrapped = (error) => new ApiError(error.status, { detail: error.body }, error.headers);

/** @param {Context} ctx @param {NumberConfig} number @param {Record<string, any>} body */
function checkMarketingBody(ctx, number, body) {
	if (number.marketingMessagesLite === false) {
		throw metaError(
			400,
			131055,
			'(#200) You must accept the Marketing Messages Lite API terms to use the API.',
		);
	}
	if (body.type !== 'template') throw invalidParameter('Message must be a template message.');
	const ttl = body.message_send_ttl_seconds;
	if (ttl !== undefined && (!Number.isInteger(ttl) || ttl < TTL.min || ttl > TTL.max)) {
		throw invalidParameter(
			`Parameter 'message_send_ttl_seconds' must be an integer from ${TTL.min} to ${TTL.max} for marketing templates`,
		);
	}
	const sharing = body.message_activity_sharing;
	if (sharing !== undefined && typeof sharing !== 'boolean')
		throw invalidParameter("Parameter 'message_activity_sharing' must be a boolean");
	const template = isObject(body.template) ? body.template : {};
	const language = isObject(template.language) ? template.language.code : undefined;
	const found =
		typeof template.name === 'string' && typeof language === 'string'
			? ctx.templates.find(number.wabaId, template.name, language)
			: undefined;
	if (found && String(found.category).toUpperCase() !== 'MARKETING') {
		throw invalidParameter(
			`Only marketing templates can be sent with the Marketing Messages Lite API; ${template.name} is ${String(found.category).toLowerCase()}`,
		);
	}
}

/**
 * @param {Context} ctx
 * @param {NumberConfig} number
 * @param {unknown} body
 */
function handleMarketingMessagesPost(ctx, number, body) {
	try {
		if (!isObject(body)) throw invalidParameter('The request body must be a JSON object');
		checkMarketingBody(ctx, number, body);
		const answer = sendMessage(ctx, number, body);
		const record = ctx.store.findSent(answer.messages[0].id);
		if (record) record.endpoint = 'marketing_messages';
		return answer;
	} catch (error) {
		throw error instanceof ApiError ? wrapped(error) : error;
	}
}

module.exports = { handleMarketingMessagesPost };
