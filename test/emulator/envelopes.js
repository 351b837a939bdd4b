// @ts-check
'use strict';
/**
 * The Cloud API webhook envelope: object → entry[] (id = WABA id) → changes[] (field "messages") → value.
 */

/** @typedef {import('./options').NumberConfig} NumberConfig */

/**
 * @param {NumberConfig} number
 * @param {Record<string, unknown>} value the parts of `value` besides messaging_product and metadata
 */
function messagesChange(number, value) {
	return {
		object: 'whatsapp_business_account',
		entry: [
			{
				id: number.wabaId,
				changes: [
					{
						value: {
							messaging_product: 'whatsapp',
							metadata: { display_phone_number: number.displayPhoneNumber, phone_number_id: number.phoneNumberId },
							...value,
						},
						field: 'messages',
					},
				],
			},
		],
	};
}

/** Unix seconds as a string, the way webhooks carry timestamps. @param {number} ms */
function unixSeconds(ms) {
	return String(Math.floor(ms / 1000));
}

module.exports = { messagesChange, unixSeconds };
