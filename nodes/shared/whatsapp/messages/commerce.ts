/**
 * Messages that show products from the catalog connected to the WhatsApp Business Account: one product,
 * several products in sections (up to 10 sections and 30 products), or the whole catalog behind a button.
 */
import type { JsonRecord } from '../json';
import { checkCount, checkLength, LIMITS, PayloadError, requireText } from '../validation';
import { interactiveBody, interactiveFooter, interactiveTextHeader } from './interactiveText';

export interface ProductInput {
	type: 'product';
	catalogId: string;
	productRetailerId: string;
	/** Optional for a single product: WhatsApp shows the product's own title and price. */
	body?: string;
	footer?: string;
}

export interface ProductSectionInput {
	title?: string;
	productRetailerIds: string[];
}

export interface ProductListInput {
	type: 'product_list';
	catalogId: string;
	/** Required: WhatsApp shows it above the products. */
	header: string;
	body: string;
	footer?: string;
	sections: ProductSectionInput[];
}

export interface CatalogMessageInput {
	type: 'catalog_message';
	body: string;
	footer?: string;
	/** The product whose image heads the message. */
	thumbnailProductRetailerId: string;
}

export type CommerceInput = ProductInput | ProductListInput | CatalogMessageInput;

function requireId(value: unknown, field: string, label: string, fix: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') throw new PayloadError(`${label} is empty`, field, fix);
	return text;
}

const catalogIdOf = (value: unknown) =>
	requireId(
		value,
		'catalogId',
		'Catalog ID',
		'Fill in the ID of the catalog connected to your WhatsApp Business Account (Commerce Manager → Catalog → Settings).',
	);

const retailerIdFix =
	'Use the product\'s retailer ID: the "Content ID" (SKU) the product has in Commerce Manager.';

function productSection(section: ProductSectionInput, at: number, count: number): JsonRecord {
	const where = count > 1 ? `Section ${at + 1}` : 'The list';
	const title = section.title?.trim();
	if (!title && count > 1) {
		throw new PayloadError(
			`Section ${at + 1} has no title`,
			'productSections',
			'Give every section a title when the message has more than one section.',
		);
	}
	const ids = section.productRetailerIds.map((id) => (typeof id === 'string' ? id.trim() : ''));
	if (ids.length === 0 || ids.every((id) => id === '')) {
		throw new PayloadError(
			`${where} has no products`,
			'productSections',
			`Add at least one product retailer ID to ${count > 1 ? `section ${at + 1}` : 'the section'}, or remove it.`,
		);
	}
	const items = ids.map((id, p) => ({
		product_retailer_id: requireId(
			id,
			'productSections',
			`${where}, product ${p + 1}: retailer ID`,
			retailerIdFix,
		),
	}));
	const built: JsonRecord = { product_items: items };
	if (!title) return built;
	return {
		title: checkLength(
			title,
			LIMITS.productSectionTitle,
			'productSections',
			`Section ${at + 1} title`,
		),
		...built,
	};
}

function productListAction(input: ProductListInput): JsonRecord {
	const catalogId = catalogIdOf(input.catalogId);
	checkCount(input.sections, LIMITS.productSections, 'productSections', 'Product sections');
	const total = input.sections.reduce((sum, section) => sum + section.productRetailerIds.length, 0);
	if (total > LIMITS.products) {
		throw new PayloadError(
			`The message lists ${total} products; WhatsApp allows at most ${LIMITS.products} in all sections together`,
			'productSections',
			`Remove ${total - LIMITS.products} products, or send them in a second message.`,
		);
	}
	const sections = input.sections.map((section, at) =>
		productSection(section, at, input.sections.length),
	);
	return { catalog_id: catalogId, sections };
}

function withFooter(message: JsonRecord, footer: string | undefined, action: JsonRecord) {
	const built = interactiveFooter(footer);
	return built ? { ...message, footer: built, action } : { ...message, action };
}

/** The `interactive` object of a single-product, multi-product or catalog message. */
export function buildCommerceMessage(input: CommerceInput): JsonRecord {
	switch (input.type) {
		case 'product': {
			const action = {
				catalog_id: catalogIdOf(input.catalogId),
				product_retailer_id: requireId(
					input.productRetailerId,
					'productRetailerId',
					'Product Retailer ID',
					retailerIdFix,
				),
			};
			const body = interactiveBody(input.body, true);
			return withFooter({ type: 'product', ...(body ? { body } : {}) }, input.footer, action);
		}
		case 'product_list': {
			const header = interactiveTextHeader(requireText(input.header, 'headerText', 'Header Text'));
			const body = interactiveBody(input.body);
			return withFooter(
				{ type: 'product_list', header, body },
				input.footer,
				productListAction(input),
			);
		}
		case 'catalog_message': {
			const body = interactiveBody(input.body);
			const thumbnail = requireId(
				input.thumbnailProductRetailerId,
				'thumbnailProductRetailerId',
				'Thumbnail Product Retailer ID',
				`Name the product whose image heads the message. ${retailerIdFix}`,
			);
			return withFooter({ type: 'catalog_message', body }, input.footer, {
				name: 'catalog_message',
				parameters: { thumbnail_product_retailer_id: thumbnail },
			});
		}
	}
}
