// @ts-check
'use strict';
/**
 * POST /messages: sends (validated, then answered with a wamid and followed by status webhooks) and
 * mark-as-read / typing-indicator calls.
 */
const { createWamid, createConversationId, digitsOf } = require('./ids');
const { invalidParameter } = require('./errors');
const { validateOutboundMessage, validateReadReceipt } = require('./validation');
const { checkTemplateSend } = require('./templateSend');
const { scheduleDeliveryStatuses, scheduleReengagementFailure } = require('./statuses');
const { checkGroupSend } = require('./groups');

/** @typedef {import('./context').Context} Context */
/** @typedef {import('./options').NumberConfig} NumberConfig */
/** @typedef {import('./store').SentRecord} SentRecord */

/**
 * @param {Context} ctx
 * @param {NumberConfig} number
 * @param {unknown} body
 */
function handleMessagesPost(ctx, number, body) {
	const isReadReceipt = typeof body === 'object' && body !== null && 'status' in body;
	return isReadReceipt ? markRead(ctx, number, body) : send(ctx, number, body);
}

/**
 * @param {Context} ctx
 * @param {NumberConfig} number
 * @param {unknown} body
 */
function markRead(ctx, number, body) {
	const { messageId } = validateReadReceipt(body);
	if (!ctx.store.hasInboundId(number.phoneNumberId, messageId)) {
		throw invalidParameter(
			`Parameter 'message_id' is invalid: no message with id ${messageId} was received by this number`,
		);
	}
	return { success: true };
}

/**
 * Pricing of a send under per-message pricing: service replies inside the window are free, utility
 * templates inside the window are free, marketing and authentication templates are always billed.
 * @param {string} category
 * @param {boolean} windowOpen
 */
function isBillable(category, windowOpen) {
	if (category === 'service') return false;
	if (category === 'utility') return !windowOpen;
	return true;
}

/**
 * @param {Context} ctx
 * @param {NumberConfig} number
 * @param {unknown} input
 */
function send(ctx, number, input) {
	const type = validateOutboundMessage(input);
	const body = /** @type {Record<string, any>} */ (input);
	const template =
		type === 'template'
			? checkTemplateSend(ctx.templates, number.wabaId, body.template)
			: undefined;

	// Groups: `to` is the group id (360dialog docs messaging/groups/messaging-api); no customer window applies.
	if (body.recipient_type === 'group') return sendToGroup(ctx, number, body, type, template);
	const to =
		body.to !== undefined && body.to !== null && body.to !== '' ? String(body.to) : undefined;
	const recipient =
		typeof body.recipient === 'string' && body.recipient !== '' ? body.recipient : undefined;
	const waId = to ? digitsOf(to) : undefined;
	const windowOpen = ctx.store.isWindowOpen(number.phoneNumberId, [waId, recipient]);
	const category = template ? template.category.toLowerCase() : 'service';

	/** @type {SentRecord} */
	const record = {
		id: createWamid(waId ?? recipient ?? '0'),
		phoneNumberId: number.phoneNumberId,
		type,
		to,
		recipient,
		recipientId: waId ?? /** @type {string} */ (recipient),
		recipientUserId: recipient,
		request: body,
		status: 'accepted',
		statuses: [],
		errors: undefined,
		category,
		billable: isBillable(category, windowOpen),
		conversationId: createConversationId(),
		windowOpen,
		template: template ? `${template.name}/${template.language}` : undefined,
		at: ctx.now(),
	};
	ctx.store.addSent(record);

	if (type !== 'template' && !windowOpen) scheduleReengagementFailure(ctx, record);
	else scheduleDeliveryStatuses(ctx, record);

	return sendAnswer(record, waId);
}

/**
 * @param {Context} ctx
 * @param {NumberConfig} number
 * @param {Record<string, any>} body
 * @param {string} type
 * @param {{ category: string, name: string, language: string } | undefined} template
 */
function sendToGroup(ctx, number, body, type, template) {
	const groupId = checkGroupSend(
		ctx,
		number,
		body,
		template?.category === 'AUTHENTICATION' ? 'authentication template' : type,
	);
	/** @type {SentRecord} */
	const record = {
		id: createWamid('0'),
		phoneNumberId: number.phoneNumberId,
		type,
		to: groupId,
		recipient: undefined,
		recipientId: groupId,
		recipientUserId: undefined,
		request: body,
		status: 'accepted',
		statuses: [],
		errors: undefined,
		category: template ? template.category.toLowerCase() : 'service',
		billable: true,
		conversationId: createConversationId(),
		windowOpen: true,
		template: template ? `${template.name}/${template.language}` : undefined,
		at: ctx.now(),
	};
	ctx.store.addSent(record);
	scheduleDeliveryStatuses(ctx, record);
	return {
		messaging_product: 'whatsapp',
		contacts: [{ input: groupId }],
		messages: [{ id: record.id }],
	};
}

/**
 * The answer to an accepted send: `input` is what the caller sent as to/recipient.
 * @param {SentRecord} record
 * @param {string | undefined} waId
 */
function sendAnswer(record, waId) {
	/** @type {Record<string, string>} */
	const contact = { input: record.to ?? record.recipient ?? '' };
	if (waId) contact.wa_id = waId;
	if (record.recipient) contact.user_id = record.recipient;
	/** @type {Record<string, string>} */
	const message = { id: record.id };
	// The Cloud API reports message_status for template sends.
	if (record.type === 'template') message.message_status = 'accepted';
	return { messaging_product: 'whatsapp', contacts: [contact], messages: [message] };
}

module.exports = { handleMessagesPost, sendMessage: send };
