// @ts-check
'use strict';
/**
 * Error answers in the two shapes the platform uses: Meta's Graph error (proxied for Cloud API calls)
 * and 360dialog's own `{ meta: { success, http_code, developer_message } }` (authentication, /v1/configs/*).
 */
const { createTraceId } = require('./ids');

/** An error that already knows its HTTP answer. Thrown by handlers, answered by the router. */
class ApiError extends Error {
	/**
	 * @param {number} status
	 * @param {unknown} body
	 * @param {Record<string, string>} [headers]
	 */
	constructor(status, body, headers = {}) {
		super(`HTTP ${status}: ${describeErrorBody(body)}`);
		this.status = status;
		this.body = body;
		this.headers = headers;
	}
}

/** The human part of any of the error shapes. @param {unknown} body */
function describeErrorBody(body) {
	const shape =
		/** @type {{ error?: string | { message?: string, error_data?: { details?: string } }, meta?: { developer_message?: string } }} */ (
			body
		);
	if (typeof shape?.error === 'string') return shape.error;
	if (shape?.error)
		return [shape.error.message, shape.error.error_data?.details].filter(Boolean).join(' - ');
	return shape?.meta?.developer_message ?? JSON.stringify(body);
}

/**
 * @typedef {object} MetaErrorExtra
 * @property {number} [subcode]
 * @property {string} [type]
 * @property {string} [userTitle] Meta's `error_user_title`: what template and profile errors carry for people
 * @property {string} [userMessage] Meta's `error_user_msg`
 */

/**
 * Meta's error body.
 * @param {number} code
 * @param {string} message
 * @param {string} [details]
 * @param {MetaErrorExtra} [extra]
 */
function metaErrorBody(code, message, details, extra = {}) {
	/** @type {Record<string, unknown>} */
	const error = { message, type: extra.type ?? 'OAuthException', code };
	if (extra.subcode !== undefined) error.error_subcode = extra.subcode;
	if (extra.userTitle !== undefined) error.error_user_title = extra.userTitle;
	if (extra.userMessage !== undefined) error.error_user_msg = extra.userMessage;
	if (details !== undefined) error.error_data = { messaging_product: 'whatsapp', details };
	error.fbtrace_id = createTraceId();
	return { error };
}

/**
 * @param {number} status
 * @param {number} code
 * @param {string} message
 * @param {string} [details]
 * @param {MetaErrorExtra & { headers?: Record<string, string> }} [extra]
 */
function metaError(status, code, message, details, extra = {}) {
	return new ApiError(status, metaErrorBody(code, message, details, extra), extra.headers);
}

/** 400 / #100 for a value that is present but not acceptable. `details` names the field. @param {string} details */
function invalidParameter(details) {
	return metaError(400, 100, '(#100) Invalid parameter', details);
}

/** 400 / #100 for a required field that is missing. @param {string} field */
function requiredParameter(field) {
	return metaError(
		400,
		100,
		`(#100) The parameter ${field} is required.`,
		`Parameter '${field}' is required`,
	);
}

/**
 * 360dialog's own error shape.
 * @param {number} status
 * @param {string} developerMessage
 */
function dialogError(status, developerMessage) {
	return new ApiError(status, {
		meta: { success: false, http_code: status, developer_message: developerMessage },
	});
}

const invalidApiKey = () => dialogError(401, 'Invalid api_key');

/** An error of the control API: `{ error: "..." }`. @param {number} status @param {string} message */
function controlError(status, message) {
	return new ApiError(status, { error: message });
}

module.exports = {
	ApiError,
	metaError,
	invalidParameter,
	requiredParameter,
	dialogError,
	invalidApiKey,
	controlError,
};
