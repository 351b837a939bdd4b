// @ts-check
'use strict';
/**
 * Status webhooks for accepted messages: sent → delivered → read (a short gap each), or one `failed`
 * status with its error (131047 outside the 24-hour window).
 */
const { messagesChange, unixSeconds } = require('./envelopes');
const { CUSTOMER_SERVICE_WINDOW_MS } = require('./store');

/** @typedef {import('./store').SentRecord} SentRecord */
/** @typedef {import('./context').Context} Context */

const ERROR_CODES_HREF =
	'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/';

const REENGAGEMENT_ERROR = Object.freeze({
	code: 131047,
	title: 'Re-engagement message',
	message: 'Re-engagement message',
	error_data: {
		details:
			'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
	},
	href: ERROR_CODES_HREF,
});

/**
 * The statuses[] entry for one status of a sent message.
 * @param {SentRecord} record
 * @param {string} status
 * @param {number} atMs
 * @param {unknown[]} [errors]
 */
function statusEntry(record, status, atMs, errors) {
	/** @type {Record<string, unknown>} */
	const entry = {
		id: record.id,
		status,
		timestamp: unixSeconds(atMs),
		recipient_id: record.recipientId,
	};
	if (record.recipientUserId) entry.recipient_user_id = record.recipientUserId;
	if (status === 'failed') {
		entry.errors = errors ?? [];
	} else {
		/** @type {Record<string, unknown>} */
		const conversation = { id: record.conversationId };
		if (status === 'sent')
			conversation.expiration_timestamp = unixSeconds(atMs + CUSTOMER_SERVICE_WINDOW_MS);
		conversation.origin = { type: record.category };
		entry.conversation = conversation;
		entry.pricing = {
			billable: record.billable,
			pricing_model: 'PMP',
			category: record.category,
			type: 'regular',
		};
	}
	const request = /** @type {Record<string, unknown>} */ (record.request);
	if (typeof request.biz_opaque_callback_data === 'string')
		entry.biz_opaque_callback_data = request.biz_opaque_callback_data;
	return entry;
}

/**
 * Records a status on the message and posts its webhook.
 * @param {Context} ctx
 * @param {SentRecord} record
 * @param {string} status
 * @param {unknown[]} [errors]
 */
function emitStatus(ctx, record, status, errors) {
	const at = ctx.now();
	const entry = statusEntry(record, status, at, errors);
	record.status = status;
	record.statuses.push({ status, timestamp: /** @type {string} */ (entry.timestamp) });
	if (errors) record.errors = errors;
	const number = ctx.store.numberById(record.phoneNumberId);
	if (number)
		ctx.webhooks.enqueue(
			number.phoneNumberId,
			'status',
			messagesChange(number, { statuses: [entry] }),
		);
	return entry;
}

/**
 * After an accepted send: the configured status sequence, one gap apart (each scheduled when the
 * previous one has been queued, so they leave in order).
 * @param {Context} ctx
 * @param {SentRecord} record
 */
function scheduleDeliveryStatuses(ctx, record) {
	const sequence = [...ctx.options.statusSequence];
	const next = () => {
		const status = sequence.shift();
		if (!status) return;
		emitStatus(ctx, record, status);
		ctx.timers.after(ctx.options.statusGapMs, next);
	};
	ctx.timers.after(ctx.options.statusGapMs, next);
}

/**
 * After a free-form send outside the 24-hour window: accepted, then failed with 131047.
 * @param {Context} ctx
 * @param {SentRecord} record
 */
function scheduleReengagementFailure(ctx, record) {
	ctx.timers.after(ctx.options.statusGapMs, () =>
		emitStatus(ctx, record, 'failed', [structuredClone(REENGAGEMENT_ERROR)]),
	);
}

module.exports = { emitStatus, scheduleDeliveryStatuses, scheduleReengagementFailure };
