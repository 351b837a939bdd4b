// @ts-check
'use strict';
/**
 * Validation of the interactive kinds that show products (product, product_list, catalog_message) and of
 * the media carousel, with the Cloud API's limits: 10 sections and 30 products, 2 to 10 cards that are all
 * alike (header kind, button kind and count), 160 characters of card text.
 */
const { invalidParameter, requiredParameter } = require('./errors');
const {
	isObject,
	requireObject,
	requireString,
	checkOneOf,
	checkMediaReference,
	forEachSection,
} = require('./field-checks');

/**
 * @typedef {object} InteractiveRules
 * @property {boolean} bodyRequired
 * @property {string[]} headerTypes
 * @property {(action: Record<string, any>, interactive: Record<string, any>) => void} action
 */

/** @param {Record<string, any>} interactive */
function refuseFooter(interactive) {
	if (interactive.footer !== undefined)
		throw invalidParameter(
			`Parameter 'interactive.footer' is not allowed for interactive type '${interactive.type}'`,
		);
}

/** @param {Record<string, any>} action */
function validateProductSections(action) {
	let products = 0;
	forEachSection(action, (section, path) => {
		const items = section.product_items;
		if (!Array.isArray(items) || items.length === 0)
			throw invalidParameter(`Parameter '${path}.product_items' must be a non-empty array`);
		items.forEach((/** @type {unknown} */ item, p) => {
			const itemPath = `${path}.product_items[${p}]`;
			if (!isObject(item)) throw invalidParameter(`Parameter '${itemPath}' must be an object`);
			requireString(item, 'product_retailer_id', `${itemPath}.product_retailer_id`);
		});
		products += items.length;
	});
	if (products > 30)
		throw invalidParameter(
			`Parameter 'interactive.action.sections' has too many products in total (max 30, got ${products})`,
		);
}

/** @param {unknown} card @param {number} at */
function cardShape(card, at) {
	const path = `interactive.action.cards[${at}]`;
	if (!isObject(card)) throw invalidParameter(`Parameter '${path}' must be an object`);
	if (
		typeof card.card_index !== 'number' ||
		!Number.isInteger(card.card_index) ||
		card.card_index < 0 ||
		card.card_index > 9
	) {
		throw invalidParameter(`Parameter '${path}.card_index' must be an integer from 0 to 9`);
	}
	const header = requireObject(card, 'header', `${path}.header`);
	const headerType = requireString(header, 'type', `${path}.header.type`);
	checkOneOf(headerType, `${path}.header.type`, ['image', 'video']);
	checkMediaReference(
		requireObject(header, headerType, `${path}.header.${headerType}`),
		`${path}.header.${headerType}`,
	);
	if (card.body !== undefined) {
		const text = requireString(
			requireObject(card, 'body', `${path}.body`),
			'text',
			`${path}.body.text`,
			160,
		);
		if (text.split('\n').length > 3)
			throw invalidParameter(`Parameter '${path}.body.text' has more than 2 line breaks`);
	}
	const action = requireObject(card, 'action', `${path}.action`);
	if (action.buttons !== undefined) {
		if (card.type !== undefined && card.type !== 'quick_reply')
			checkOneOf(card.type, `${path}.type`, ['quick_reply']);
		const buttons = action.buttons;
		if (!Array.isArray(buttons) || buttons.length === 0)
			throw invalidParameter(`Parameter '${path}.action.buttons' must be a non-empty array`);
		if (buttons.length > 2)
			throw invalidParameter(`Parameter '${path}.action.buttons' has too many elements (max 2)`);
		const ids = buttons.map((/** @type {unknown} */ button, b) => {
			const buttonPath = `${path}.action.buttons[${b}]`;
			if (!isObject(button)) throw invalidParameter(`Parameter '${buttonPath}' must be an object`);
			checkOneOf(button.type, `${buttonPath}.type`, ['quick_reply']);
			const reply = requireObject(button, 'quick_reply', `${buttonPath}.quick_reply`);
			requireString(reply, 'title', `${buttonPath}.quick_reply.title`, 20);
			return requireString(reply, 'id', `${buttonPath}.quick_reply.id`, 256);
		});
		if (new Set(ids).size !== ids.length)
			throw invalidParameter(`Parameter '${path}.action.buttons' has duplicate ids`);
		return { headerType, kind: 'quick_reply', count: buttons.length };
	}
	checkOneOf(card.type, `${path}.type`, ['cta_url']);
	checkOneOf(action.name, `${path}.action.name`, ['cta_url']);
	const parameters = requireObject(action, 'parameters', `${path}.action.parameters`);
	requireString(parameters, 'display_text', `${path}.action.parameters.display_text`, 20);
	const url = requireString(parameters, 'url', `${path}.action.parameters.url`);
	checkMediaReference({ link: url }, `${path}.action.parameters`);
	return { headerType, kind: 'cta_url', count: 1 };
}

/** @param {Record<string, any>} action @param {Record<string, any>} interactive */
function validateCarousel(action, interactive) {
	refuseFooter(interactive);
	const cards = action.cards;
	if (cards === undefined || cards === null) throw requiredParameter('interactive.action.cards');
	if (!Array.isArray(cards) || cards.length < 2 || cards.length > 10)
		throw invalidParameter("Parameter 'interactive.action.cards' must have 2 to 10 cards");
	const shapes = cards.map(cardShape);
	const indexes = cards.map((card) => card.card_index);
	if (new Set(indexes).size !== indexes.length)
		throw invalidParameter("Parameter 'interactive.action.cards' has duplicate card_index values");
	const [first] = shapes;
	shapes.forEach((shape, at) => {
		if (shape.headerType !== first.headerType)
			throw invalidParameter(
				`Parameter 'interactive.action.cards[${at}].header.type' must match the other cards (${first.headerType})`,
			);
		if (shape.kind !== first.kind || shape.count !== first.count)
			throw invalidParameter(
				`Parameter 'interactive.action.cards[${at}].action' must have the same kind and number of buttons as the other cards`,
			);
	});
}

/** @type {Record<string, InteractiveRules>} */
const COMMERCE_INTERACTIVE_TYPES = {
	product: {
		bodyRequired: false,
		headerTypes: [],
		action: (action) => {
			requireString(action, 'catalog_id', 'interactive.action.catalog_id');
			requireString(action, 'product_retailer_id', 'interactive.action.product_retailer_id');
		},
	},
	product_list: {
		bodyRequired: true,
		headerTypes: ['text'],
		action: (action, interactive) => {
			if (interactive.header === undefined) throw requiredParameter('interactive.header');
			requireString(action, 'catalog_id', 'interactive.action.catalog_id');
			validateProductSections(action);
		},
	},
	catalog_message: {
		bodyRequired: true,
		headerTypes: [],
		action: (action) => {
			checkOneOf(action.name, 'interactive.action.name', ['catalog_message']);
			const parameters = requireObject(action, 'parameters', 'interactive.action.parameters');
			requireString(
				parameters,
				'thumbnail_product_retailer_id',
				'interactive.action.parameters.thumbnail_product_retailer_id',
			);
		},
	},
	carousel: { bodyRequired: true, headerTypes: [], action: validateCarousel },
};

module.exports = { COMMERCE_INTERACTIVE_TYPES };
