// @ts-check
'use strict';
/**
 * POST /_emulator/tap: the recipient taps the URL button of a message the business sent (a call-to-action
 * URL message, or a card of a carousel), and the phone's browser opens the link. With `form`, the page that
 * opened is then submitted (POST, form-encoded), as the person would after typing an answer.
 */
const { controlError } = require('./errors');
const { isObject } = require('./field-checks');
const { digitsOf } = require('./ids');

/** @typedef {import('./context').Context} Context */
/** @typedef {import('./store').SentRecord} SentRecord */

/** What a phone's browser sends, so that a server's link-preview filter lets the tap through. */
const PHONE_BROWSER =
	'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';

/** The URL of the button of a sent message, if it has one. @param {SentRecord} record @param {number} card */
function buttonUrl(record, card) {
	const body = /** @type {Record<string, any>} */ (record.request);
	const interactive = isObject(body.interactive) ? body.interactive : undefined;
	if (interactive?.type === 'cta_url') return interactive.action?.parameters?.url;
	if (interactive?.type === 'carousel')
		return interactive.action?.cards?.[card]?.action?.parameters?.url;
	return undefined;
}

/** @param {Context} ctx @param {Record<string, any>} input */
function findTapped(ctx, input) {
	const card = Number.isInteger(input.card) ? input.card : 0;
	if (typeof input.messageId === 'string') {
		const record = ctx.store.findSent(input.messageId);
		if (!record) throw controlError(404, `no sent message with id ${input.messageId}`);
		const url = buttonUrl(record, card);
		if (!url) throw controlError(409, `message ${input.messageId} has no URL button to tap`);
		return { record, url };
	}
	const to = input.to !== undefined ? digitsOf(input.to) : undefined;
	const candidates = ctx.store.sent.filter(
		(record) => (!to || record.recipientId === to) && buttonUrl(record, card),
	);
	const record = candidates.at(-1);
	if (!record)
		throw controlError(404, `no sent message${to ? ` to ${to}` : ''} has a URL button to tap`);
	return { record, url: /** @type {string} */ (buttonUrl(record, card)) };
}

/**
 * @param {Context} ctx
 * @param {Record<string, any>} input { messageId? | to?, card?, form?, userAgent? }
 */
async function tapLink(ctx, input) {
	if (!isObject(input)) throw controlError(400, 'the body must be a JSON object');
	if (input.form !== undefined && !isObject(input.form))
		throw controlError(400, 'form must be an object of field names and values');
	const { record, url } = findTapped(ctx, input);
	const headers = { 'user-agent': String(input.userAgent ?? PHONE_BROWSER) };
	/** @type {RequestInit} */
	const request = input.form
		? {
				method: 'POST',
				headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams(
					Object.fromEntries(
						Object.entries(input.form).map(([key, value]) => [key, String(value)]),
					),
				).toString(),
			}
		: { method: 'GET', headers };
	let response;
	try {
		response = await fetch(url, request);
	} catch (error) {
		throw controlError(502, `the link ${url} could not be opened: ${String(error)}`);
	}
	const text = await response.text();
	ctx.log(`tap on ${record.id} → ${request.method} ${url} → ${response.status}`);
	return {
		messageId: record.id,
		url,
		method: request.method,
		status: response.status,
		contentType: response.headers.get('content-type') ?? '',
		body: text.slice(0, 65536),
	};
}

module.exports = { tapLink };
