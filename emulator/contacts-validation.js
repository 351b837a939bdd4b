// @ts-check
'use strict';
/**
 * Validation of contacts messages as the Cloud API does it: 1 to 257 cards, each with name.formatted_name,
 * the known name, phone, e-mail, address and URL fields, the documented types, and a YYYY-MM-DD birthday.
 */
const { invalidParameter, requiredParameter } = require('./errors');
const {
	isObject,
	requireObject,
	requireString,
	optionalString,
	checkOneOf,
} = require('./field-checks');

const NAME_PARTS = ['first_name', 'middle_name', 'last_name', 'prefix', 'suffix'];
const LISTS = /** @type {const} */ ({
	phones: { fields: ['phone', 'wa_id'], types: ['CELL', 'MAIN', 'IPHONE', 'HOME', 'WORK'] },
	emails: { fields: ['email'], types: ['HOME', 'WORK'] },
	urls: { fields: ['url'], types: ['HOME', 'WORK'] },
	addresses: {
		fields: ['street', 'city', 'state', 'zip', 'country', 'country_code'],
		types: ['HOME', 'WORK'],
	},
});

/** @param {Record<string, any>} contact @param {string} path */
function validateName(contact, path) {
	const name = requireObject(contact, 'name', `${path}.name`);
	requireString(name, 'formatted_name', `${path}.name.formatted_name`);
	for (const part of NAME_PARTS) optionalString(name, part, `${path}.name.${part}`);
}

/** @param {Record<string, any>} contact @param {string} path @param {keyof typeof LISTS} key */
function validateList(contact, path, key) {
	const list = contact[key];
	if (list === undefined) return;
	if (!Array.isArray(list)) throw invalidParameter(`Parameter '${path}.${key}' must be an array`);
	const { fields, types } = LISTS[key];
	list.forEach((/** @type {unknown} */ entry, at) => {
		const entryPath = `${path}.${key}[${at}]`;
		if (!isObject(entry)) throw invalidParameter(`Parameter '${entryPath}' must be an object`);
		for (const field of fields) optionalString(entry, field, `${entryPath}.${field}`);
		if (entry.type !== undefined) checkOneOf(entry.type, `${entryPath}.type`, [...types]);
		if (
			key === 'addresses' &&
			entry.country_code !== undefined &&
			!/^[A-Za-z]{2}$/.test(entry.country_code)
		)
			throw invalidParameter(
				`Parameter '${entryPath}.country_code' must be a two-letter country code`,
			);
	});
}

/** @param {Record<string, any>} contact @param {string} path */
function validateBirthday(contact, path) {
	if (contact.birthday === undefined) return;
	const text = requireString(contact, 'birthday', `${path}.birthday`);
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	const date = match ? new Date(`${text}T00:00:00Z`) : undefined;
	if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text)
		throw invalidParameter(`Parameter '${path}.birthday' must be a date written YYYY-MM-DD`);
}

/** @param {Record<string, any>} body */
function validateContacts(body) {
	const contacts = body.contacts;
	if (contacts === undefined || contacts === null) throw requiredParameter('contacts');
	if (!Array.isArray(contacts) || contacts.length === 0)
		throw invalidParameter("Parameter 'contacts' must be a non-empty array");
	if (contacts.length > 257)
		throw invalidParameter("Parameter 'contacts' has too many elements (max 257)");
	contacts.forEach((contact, index) => {
		const path = `contacts[${index}]`;
		if (!isObject(contact)) throw invalidParameter(`Parameter '${path}' must be an object`);
		validateName(contact, path);
		for (const key of /** @type {Array<keyof typeof LISTS>} */ (Object.keys(LISTS)))
			validateList(contact, path, key);
		if (contact.org !== undefined) {
			const org = requireObject(contact, 'org', `${path}.org`);
			for (const field of ['company', 'department', 'title'])
				optionalString(org, field, `${path}.org.${field}`);
		}
		validateBirthday(contact, path);
	});
}

module.exports = { validateContacts };
