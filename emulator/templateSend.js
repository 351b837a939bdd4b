// @ts-check
'use strict';
/**
 * The checks the Cloud API runs on a template send, against the stored template: it exists and is approved
 * (132001), every header, body, button, offer and carousel card gets exactly the parameters its definition
 * asks for (132000 on a wrong count or name, 132012 on a wrong media format, 131008 on a missing button or
 * offer parameter, 131009 on a button or card that the template does not have).
 */
const { metaError } = require('./errors');
const { isObject } = require('./validation');

/** @typedef {import('./templates').Template} Template */
/** @typedef {Record<string, any>} Json */

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const MEDIA_HEADER_FORMATS = ['IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'];
/** The `sub_type` a send uses for each stored button type; OTP buttons are sent as URL buttons. */
const SUB_TYPES = /** @type {Record<string, string>} */ ({
	URL: 'url',
	QUICK_REPLY: 'quick_reply',
	COPY_CODE: 'copy_code',
	FLOW: 'flow',
	OTP: 'url',
	CATALOG: 'catalog',
	MPM: 'mpm',
	PHONE_NUMBER: 'phone_number',
	VOICE_CALL: 'voice_call',
});
/** What the one parameter of each button sub_type is called and carries. */
const BUTTON_PARAMETERS = /** @type {Record<string, string>} */ ({
	url: 'text',
	quick_reply: 'payload',
	copy_code: 'coupon_code',
	flow: 'action',
	catalog: 'action',
	mpm: 'action',
});

/** @param {string} text @returns {string[]} distinct placeholder names in order */
function placeholdersOf(text) {
	return [...new Set([...String(text ?? '').matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

const upper = (/** @type {unknown} */ value) => String(value ?? '').toUpperCase();

/** @param {Json[] | undefined} components @param {string} type @returns {Json | undefined} */
function componentOf(components, type) {
	return (components ?? []).find((component) => upper(component.type) === type);
}

/** @param {string} details */
function countMismatch(details) {
	return metaError(
		400,
		132000,
		'(#132000) Number of parameters does not match the expected number of params',
		details,
	);
}

/** @param {string} details */
function missingParameter(details) {
	return metaError(400, 131008, '(#131008) Required parameter is missing', details);
}

/** @param {string} details */
function invalidValue(details) {
	return metaError(400, 131009, '(#131009) Parameter value is not valid', details);
}

/**
 * @param {string} section where, e.g. "body" or "carousel.cards[1].body"
 * @param {string} text the stored text with its placeholders
 * @param {Json[]} parameters
 * @param {boolean} named
 */
function checkTextParameters(section, text, parameters, named) {
	const expected = placeholdersOf(text);
	if (parameters.length !== expected.length) {
		throw countMismatch(
			`${section}: number of localizable_params (${parameters.length}) does not match the expected number of params (${expected.length})`,
		);
	}
	if (!named) return;
	const givenNames = parameters.map((parameter) => parameter.parameter_name);
	const missing = expected.filter((name) => !givenNames.includes(name));
	if (missing.length > 0) {
		throw countMismatch(
			`${section}: named parameters missing: ${missing.join(', ')} (each parameter needs "parameter_name")`,
		);
	}
	const unknown = givenNames.filter((name) => !expected.includes(name));
	if (unknown.length > 0) {
		throw countMismatch(
			`${section}: the template has no parameters named ${unknown.map(String).join(', ')}`,
		);
	}
}

/** @param {string} section @param {string} format @param {Json} parameter */
function checkMediaParameter(section, format, parameter) {
	const given = upper(parameter.type);
	if (given !== format) {
		throw metaError(
			400,
			132012,
			'(#132012) Parameter format does not match format in the created template',
			`${section}: Format mismatch, expected ${format}, received ${given}`,
		);
	}
	const media = parameter[format.toLowerCase()];
	if (format === 'LOCATION') {
		const valid = ['latitude', 'longitude'].every(
			(key) => isObject(media) && Number.isFinite(Number(media[key])) && media[key] !== '',
		);
		if (!valid) throw missingParameter(`${section}: location needs latitude and longitude`);
		return;
	}
	if (!isObject(media) || (!media.link && !media.id))
		throw missingParameter(`${section}: ${format.toLowerCase()} needs a link or an id`);
}

/** @param {string} where @param {Json | undefined} stored @param {Json[]} parameters @param {boolean} named */
function checkHeader(where, stored, parameters, named) {
	const section = `${where}header`;
	const format = upper(stored?.format);
	if (!stored || !MEDIA_HEADER_FORMATS.includes(format)) {
		checkTextParameters(section, stored?.text ?? '', parameters, named);
		return;
	}
	if (parameters.length !== 1) {
		throw countMismatch(
			`${section}: number of parameters (${parameters.length}) does not match the expected number of params (1)`,
		);
	}
	checkMediaParameter(section, format, parameters[0]);
}

/** Whether a stored button needs a parameter in every send: a URL with a placeholder, a code to copy, an OTP. */
function needsParameter(/** @type {Json} */ button) {
	const type = upper(button.type);
	if (type === 'URL') return placeholdersOf(button.url).length > 0;
	return type === 'COPY_CODE' || type === 'OTP';
}

/**
 * @param {string} where
 * @param {Json[]} stored the buttons of the template's BUTTONS component
 * @param {Json[]} sent the send's button components
 */
function checkButtons(where, stored, sent) {
	const section = `${where}buttons`;
	/** @type {Set<number>} */
	const seen = new Set();
	for (const component of sent) {
		const index = Number(component.index);
		const button = Number.isInteger(index) ? stored[index] : undefined;
		if (!button)
			throw invalidValue(`${section}: the template has no button at index ${component.index}`);
		if (seen.has(index)) throw invalidValue(`${section}: button index ${index} is given twice`);
		seen.add(index);
		const subType = SUB_TYPES[upper(button.type)];
		if (String(component.sub_type).toLowerCase() !== subType) {
			throw invalidValue(
				`${section}: the button at index ${index} is ${upper(button.type)}, its sub_type must be ${subType}`,
			);
		}
		checkButtonParameters(`${section}[${index}]`, button, subType, component.parameters ?? []);
	}
	stored.forEach((button, index) => {
		if (needsParameter(button) && !seen.has(index)) {
			throw missingParameter(
				`${section}: Button at index ${index} of type ${upper(button.type)} requires a parameter`,
			);
		}
	});
}

/** @param {string} section @param {Json} button @param {string} subType @param {Json[]} parameters */
function checkButtonParameters(section, button, subType, parameters) {
	const kind = BUTTON_PARAMETERS[subType];
	const expected = kind && (subType !== 'url' || needsParameter(button)) ? 1 : 0;
	if (parameters.length !== expected) {
		throw countMismatch(
			`${section}: number of parameters (${parameters.length}) does not match the expected number of params (${expected})`,
		);
	}
	if (expected === 0) return;
	const [parameter] = parameters;
	const value = parameter[kind];
	if (parameter.type !== kind || value === undefined || value === null || value === '')
		throw missingParameter(`${section}: the parameter must be {"type":"${kind}","${kind}":...}`);
	if (kind === 'coupon_code' && String(value).length > 15)
		throw invalidValue(`${section}: coupon_code is over 15 characters`);
	if (kind === 'action' && !isObject(value))
		throw invalidValue(`${section}: action must be an object`);
}

/** @param {Json[]} stored @param {Json[]} sent */
function checkOffer(stored, sent) {
	const offer = componentOf(stored, 'LIMITED_TIME_OFFER');
	if (!offer?.limited_time_offer?.has_expiration) return;
	const parameter = componentOf(sent, 'LIMITED_TIME_OFFER')?.parameters?.[0];
	const expiration = parameter?.limited_time_offer?.expiration_time_ms;
	if (!Number.isSafeInteger(expiration)) {
		throw missingParameter(
			'limited_time_offer: the offer has an expiration, so the send needs limited_time_offer.expiration_time_ms (Unix milliseconds)',
		);
	}
}

/**
 * Header, body and buttons of the message itself or of one carousel card.
 * @param {string} where "" or "carousel.cards[n]."
 * @param {Json[]} stored
 * @param {Json[]} sent
 * @param {boolean} named
 */
function checkMessagePart(where, stored, sent, named) {
	checkHeader(
		where,
		componentOf(stored, 'HEADER'),
		componentOf(sent, 'HEADER')?.parameters ?? [],
		named,
	);
	checkTextParameters(
		`${where}body`,
		componentOf(stored, 'BODY')?.text ?? '',
		componentOf(sent, 'BODY')?.parameters ?? [],
		named,
	);
	checkButtons(
		where,
		componentOf(stored, 'BUTTONS')?.buttons ?? [],
		sent.filter((component) => upper(component.type) === 'BUTTON'),
	);
}

/** @param {Json[]} stored @param {Json[]} sent @param {boolean} named */
function checkCarousel(stored, sent, named) {
	const cards = componentOf(stored, 'CAROUSEL')?.cards ?? [];
	const sentCards = componentOf(sent, 'CAROUSEL')?.cards;
	const given = Array.isArray(sentCards) ? sentCards : [];
	if (given.length !== cards.length) {
		throw countMismatch(
			`carousel: number of cards (${given.length}) does not match the expected number of cards (${cards.length})`,
		);
	}
	/** @type {Set<number>} */
	const seen = new Set();
	for (const card of given) {
		const index = Number(card?.card_index);
		if (!Number.isInteger(index) || index < 0 || index >= cards.length || seen.has(index)) {
			throw invalidValue(
				`carousel: card_index ${JSON.stringify(card?.card_index)} is not one of 0 to ${cards.length - 1}, once each`,
			);
		}
		seen.add(index);
		checkMessagePart(
			`carousel.cards[${index}].`,
			cards[index].components ?? [],
			Array.isArray(card.components) ? card.components : [],
			named,
		);
	}
}

/**
 * Checks a template send and answers the stored template.
 * A template that is not APPROVED is, for sending, a template that does not exist: 132001.
 * @param {ReturnType<typeof import('./templates').createTemplateStore>} store
 * @param {string} wabaId
 * @param {Json} sent the `template` object of the send
 * @returns {Template}
 */
function checkTemplateSend(store, wabaId, sent) {
	const name = sent.name;
	const language = sent.language.code;
	const template = store.find(wabaId, name, language);
	if (!template || template.status !== 'APPROVED') {
		throw metaError(
			400,
			132001,
			'(#132001) Template name does not exist in the translation',
			`template name (${name}) does not exist in ${language}`,
		);
	}
	const named = template.parameter_format === 'NAMED';
	const components = /** @type {Json[]} */ (sent.components ?? []);
	checkMessagePart('', template.components, components, named);
	checkOffer(template.components, components);
	checkCarousel(template.components, components, named);
	return template;
}

module.exports = { checkTemplateSend, placeholdersOf };
