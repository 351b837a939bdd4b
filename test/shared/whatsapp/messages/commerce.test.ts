import { buildInteractiveMessage } from '../../../../nodes/shared/whatsapp/messages/interactive';
import type { InteractiveInput } from '../../../../nodes/shared/whatsapp/messages/interactive';
import { PayloadError } from '../../../../nodes/shared/whatsapp/validation';

function refusal(input: InteractiveInput): PayloadError {
	try {
		buildInteractiveMessage(input);
	} catch (error) {
		if (error instanceof PayloadError) return error;
		throw error;
	}
	throw new Error('expected a PayloadError, nothing was thrown');
}

const skus = (count: number, prefix = 'sku') =>
	Array.from({ length: count }, (_, at) => `${prefix}-${at + 1}`);

describe('single product', () => {
	test('catalog and product only: no body, no footer', () => {
		expect(
			buildInteractiveMessage({
				type: 'product',
				catalogId: ' 194836987003835 ',
				productRetailerId: 'tshirt-red',
				body: '  ',
				footer: ' ',
			}),
		).toEqual({
			type: 'product',
			action: { catalog_id: '194836987003835', product_retailer_id: 'tshirt-red' },
		});
	});

	test('with body and footer', () => {
		expect(
			buildInteractiveMessage({
				type: 'product',
				catalogId: '1',
				productRetailerId: 'p',
				body: 'Back in stock',
				footer: 'Limited',
			}),
		).toEqual({
			type: 'product',
			body: { text: 'Back in stock' },
			footer: { text: 'Limited' },
			action: { catalog_id: '1', product_retailer_id: 'p' },
		});
	});

	test('a missing catalog ID says where to find it', () => {
		const error = refusal({ type: 'product', catalogId: '', productRetailerId: 'p' });
		expect(error.message).toBe('Catalog ID is empty');
		expect(error.fix).toContain('Commerce Manager');
	});

	test('a missing product retailer ID is refused', () => {
		expect(refusal({ type: 'product', catalogId: '1', productRetailerId: ' ' }).message).toBe(
			'Product Retailer ID is empty',
		);
	});
});

describe('multi-product (product list)', () => {
	const list = (sections: Array<{ title?: string; productRetailerIds: string[] }>) =>
		({
			type: 'product_list',
			catalogId: '1',
			header: 'Our picks',
			body: 'Have a look',
			sections,
		}) as InteractiveInput;

	test("header, body, footer and sections in WhatsApp's shape", () => {
		expect(
			buildInteractiveMessage({
				type: 'product_list',
				catalogId: '194836987003835',
				header: 'Summer sale',
				body: 'Pick yours',
				footer: 'While stocks last',
				sections: [
					{ title: 'Shirts', productRetailerIds: ['shirt-1', ' shirt-2 '] },
					{ title: 'Hats', productRetailerIds: ['hat-1'] },
				],
			}),
		).toEqual({
			type: 'product_list',
			header: { type: 'text', text: 'Summer sale' },
			body: { text: 'Pick yours' },
			footer: { text: 'While stocks last' },
			action: {
				catalog_id: '194836987003835',
				sections: [
					{
						title: 'Shirts',
						product_items: [{ product_retailer_id: 'shirt-1' }, { product_retailer_id: 'shirt-2' }],
					},
					{ title: 'Hats', product_items: [{ product_retailer_id: 'hat-1' }] },
				],
			},
		});
	});

	test('one section may go without a title', () => {
		expect(buildInteractiveMessage(list([{ productRetailerIds: ['a'] }])).action).toEqual({
			catalog_id: '1',
			sections: [{ product_items: [{ product_retailer_id: 'a' }] }],
		});
	});

	test('the header is required', () => {
		expect(
			refusal({
				...(list([{ productRetailerIds: ['a'] }]) as object),
				header: '',
			} as InteractiveInput).message,
		).toBe('Header Text is empty');
	});

	test('10 sections and 30 products in all are accepted', () => {
		const sections = Array.from({ length: 10 }, (_, at) => ({
			title: `S${at + 1}`,
			productRetailerIds: skus(3, `s${at}`),
		}));
		expect(() => buildInteractiveMessage(list(sections))).not.toThrow();
	});

	test('an 11th section is refused', () => {
		const sections = Array.from({ length: 11 }, (_, at) => ({
			title: `S${at + 1}`,
			productRetailerIds: ['x'],
		}));
		const error = refusal(list(sections));
		expect(error.message).toBe('Product sections: WhatsApp allows at most 10, got 11');
		expect(error.fix).toBe('Remove 1 of them, or split the message.');
	});

	test('a 31st product is refused, counting all sections together', () => {
		const error = refusal(
			list([
				{ title: 'A', productRetailerIds: skus(20, 'a') },
				{ title: 'B', productRetailerIds: skus(11, 'b') },
			]),
		);
		expect(error.message).toBe(
			'The message lists 31 products; WhatsApp allows at most 30 in all sections together',
		);
		expect(error.fix).toBe('Remove 1 products, or send them in a second message.');
	});

	test('with several sections, each needs a title', () => {
		expect(
			refusal(list([{ title: 'A', productRetailerIds: ['a'] }, { productRetailerIds: ['b'] }]))
				.message,
		).toBe('Section 2 has no title');
	});

	test('a section title longer than 24 characters is refused', () => {
		expect(
			refusal(
				list([
					{ title: 'A', productRetailerIds: ['a'] },
					{ title: 'x'.repeat(25), productRetailerIds: ['b'] },
				]),
			).message,
		).toBe('Section 2 title is 25 characters long; WhatsApp allows at most 24');
	});

	test('an empty section, and an empty retailer ID, are refused by position', () => {
		expect(
			refusal(
				list([
					{ title: 'A', productRetailerIds: ['a'] },
					{ title: 'B', productRetailerIds: [] },
				]),
			).message,
		).toBe('Section 2 has no products');
		expect(
			refusal(
				list([
					{ title: 'A', productRetailerIds: ['a'] },
					{ title: 'B', productRetailerIds: ['b', ' '] },
				]),
			).message,
		).toBe('Section 2, product 2: retailer ID is empty');
	});

	test('no sections at all is refused', () => {
		expect(refusal(list([])).message).toBe('Product sections: at least 1 needed, got 0');
	});
});

describe('catalog message', () => {
	test('body, footer and the thumbnail product', () => {
		expect(
			buildInteractiveMessage({
				type: 'catalog_message',
				body: 'Browse our catalog',
				footer: 'New every week',
				thumbnailProductRetailerId: 'hero-1',
			}),
		).toEqual({
			type: 'catalog_message',
			body: { text: 'Browse our catalog' },
			footer: { text: 'New every week' },
			action: {
				name: 'catalog_message',
				parameters: { thumbnail_product_retailer_id: 'hero-1' },
			},
		});
	});

	test('the body and the thumbnail product are required', () => {
		expect(
			refusal({ type: 'catalog_message', body: '', thumbnailProductRetailerId: 'x' }).message,
		).toBe('Body Text is empty');
		expect(
			refusal({ type: 'catalog_message', body: 'b', thumbnailProductRetailerId: '' }).message,
		).toBe('Thumbnail Product Retailer ID is empty');
	});

	test('a body over 1024 characters is refused', () => {
		expect(
			refusal({
				type: 'catalog_message',
				body: 'x'.repeat(1025),
				thumbnailProductRetailerId: 'x',
			}).message,
		).toBe('Body Text is 1025 characters long; WhatsApp allows at most 1024');
	});
});
