// @ts-check
'use strict';
/**
 * The Cloud API webhook envelope: object → entry[] (id = WABA id) → changes[] (field "messages") → value.
 */

/** @typedef {import('./options').NumberConfig} NumberConfig */
/** @typedef {{ object: 'whatsapp_business_account', entry: Array<{ id: string, changes: object[] }> }} WebhookBody */

/**
 * One change of field "messages", its value stamped with the number's metadata.
 * @param {Pick<NumberConfig, 'phoneNumberId' | 'displayPhoneNumber'>} number
 * @param {Record<string, unknown>} value the parts of `value` besides messaging_product and metadata
 */
function messagesValue(number, value) {
	return {
		value: {
			messaging_product: 'whatsapp',
			metadata: {
				display_phone_number: number.displayPhoneNumber,
				phone_number_id: number.phoneNumberId,
			},
			...value,
		},
		field: 'messages',
	};
}

/**
 * A number's change of any other field (calls, smb_message_echoes, history, groups, ...), its value stamped
 * with the number's metadata like a messages change.
 * @param {Pick<NumberConfig, 'wabaId' | 'phoneNumberId' | 'displayPhoneNumber'>} number
 * @param {string} field
 * @param {Record<string, unknown>} value
 */
function numberChange(number, field, value) {
	return webhookBody(number, [[{ ...messagesValue(number, value), field }]]);
}

/**
 * A whole post: one entry per list of changes, each entry under the number's WABA.
 * @param {Pick<NumberConfig, 'wabaId'>} number
 * @param {Array<Array<object>>} entries
 * @returns {WebhookBody}
 */
function webhookBody(number, entries) {
	return {
		object: 'whatsapp_business_account',
		entry: entries.map((changes) => ({ id: number.wabaId, changes })),
	};
}

/**
 * The usual post: one entry with one "messages" change.
 * @param {Pick<NumberConfig, 'wabaId' | 'phoneNumberId' | 'displayPhoneNumber'>} number
 * @param {Record<string, unknown>} value
 */
function messagesChange(number, value) {
	return webhookBody(number, [[messagesValue(number, value)]]);
}

/** Unix seconds as a string, the way webhooks carry timestamps. @param {number} ms */
function unixSeconds(ms) {
	return String(Math.floor(ms / 1000));
}

module.exports = { messagesChange, messagesValue, numberChange, unixSeconds, webhookBody };
