// @ts-check
'use strict';
/**
 * Templates created from Meta's template library (360dialog docs partner/messaging/template-messages/
 * create-and-manage-template-messages: `library_template_name`, `library_template_button_inputs`; 360dialog
 * docs waba-messaging/groups/group-management: `group_invite_link`). A few library entries with sample
 * content: each says which buttons need the business's own URL or phone number.
 */
const { metaError } = require('./errors');
const { isObject } = require('./field-checks');

/** @type {Record<string, { components: object[], inputs: Array<'URL' | 'PHONE_NUMBER'> }>} */
const LIBRARY = {
	group_invite_link: {
		components: [
			{
				type: 'BODY',
				text: 'You are invited to join our WhatsApp group {{1}}.',
				example: { body_text: [['Linen club']] },
			},
		],
		inputs: [],
	},
	delivery_update_1: {
		components: [
			{
				type: 'BODY',
				text: 'Good news! Your order {{1}} is on its way.',
				example: { body_text: [['#4471']] },
			},
			{ type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track order' }] },
		],
		inputs: ['URL'],
	},
	payment_reminder_1: {
		components: [
			{
				type: 'BODY',
				text: 'A reminder: invoice {{1}} is due on {{2}}.',
				example: { body_text: [['INV-2041', 'May 4']] },
			},
			{
				type: 'BUTTONS',
				buttons: [
					{ type: 'URL', text: 'Pay now' },
					{ type: 'PHONE_NUMBER', text: 'Call us' },
				],
			},
		],
		inputs: ['URL', 'PHONE_NUMBER'],
	},
};

/** @param {string} details */
const invalid = (details) => metaError(400, 100, 'Invalid parameter', details);

/** @param {unknown} input @param {number} index */
function checkButtonInput(input, index) {
	const at = `library_template_button_inputs[${index}]`;
	if (!isObject(input)) throw invalid(`${at} must be an object`);
	if (input.type === 'URL') {
		const base = isObject(input.url) ? input.url.base_url : undefined;
		if (typeof base !== 'string' || !/^https?:\/\/\S+$/.test(base))
			throw invalid(`${at}.url.base_url must be the website of the business`);
		return 'URL';
	}
	if (input.type === 'PHONE_NUMBER') {
		if (typeof input.phone_number !== 'string' || !/^\+\d{6,15}$/.test(input.phone_number))
			throw invalid(`${at}.phone_number must be a phone number with + and country code`);
		return 'PHONE_NUMBER';
	}
	throw invalid(`${at}.type must be URL or PHONE_NUMBER`);
}

/**
 * The components of a library template, when the body names one: a known name, a utility category, and the
 * button inputs its buttons need.
 * @param {Record<string, any>} input
 */
function libraryComponents(input) {
	const entry = Object.prototype.hasOwnProperty.call(LIBRARY, input.library_template_name)
		? LIBRARY[input.library_template_name]
		: undefined;
	if (!entry)
		throw invalid(`There is no library template named ${String(input.library_template_name)}`);
	if (input.category !== 'UTILITY')
		throw invalid('Templates from the utility template library must have the category UTILITY');
	const given = input.library_template_button_inputs ?? [];
	if (!Array.isArray(given)) throw invalid('library_template_button_inputs must be an array');
	const types = given.map(checkButtonInput);
	const missing = entry.inputs.find((type) => !types.includes(type));
	if (missing)
		throw invalid(
			`library_template_button_inputs needs a ${missing} input for the template's ${missing} button`,
		);
	return structuredClone(entry.components);
}

module.exports = { libraryComponents };
