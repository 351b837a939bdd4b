/** Send Interactive's fields for messages that show catalog products, and their reader. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CommerceInput } from '../../../../shared/whatsapp/messages/commerce';
import { LIMITS } from '../../../../shared/whatsapp/validation';
import { collectionRows } from '../../operation';

export const COMMERCE_TYPES = ['product', 'product_list', 'catalog_message'] as const;

const show = (...types: Array<(typeof COMMERCE_TYPES)[number]>) => ({
	show: { interactiveType: types },
});

export const commerceProperties: INodeProperties[] = [
	{
		displayName: 'Catalog ID',
		name: 'catalogId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '194836987003835',
		description:
			'The catalog connected to your WhatsApp Business Account (Commerce Manager → Catalog → Settings)',
		displayOptions: show('product', 'product_list'),
	},
	{
		displayName: 'Product Retailer ID',
		name: 'productRetailerId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'tshirt-red-m',
		description: 'The product\'s "Content ID" (SKU) in Commerce Manager',
		displayOptions: show('product'),
	},
	{
		displayName: 'Header Text',
		name: 'headerText',
		type: 'string',
		default: '',
		required: true,
		description:
			'Bold text above the products, up to 60 characters; required for a multi-product message',
		displayOptions: show('product_list'),
	},
	{
		displayName: 'Body Text',
		name: 'bodyText',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description:
			"Optional text under the product, up to 1024 characters; WhatsApp shows the product's own title and price",
		displayOptions: show('product'),
	},
	{
		displayName: 'Product Sections',
		name: 'productSections',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true, maxAllowedFields: LIMITS.productSections },
		placeholder: 'Add Section',
		default: {},
		required: true,
		description: `Up to ${LIMITS.productSections} sections and ${LIMITS.products} products in all. With more than one section, each needs a title.`,
		displayOptions: show('product_list'),
		options: [
			{
				displayName: 'Section',
				name: 'section',
				values: [
					{
						displayName: 'Section Title',
						name: 'title',
						type: 'string',
						default: '',
						description: `Up to ${LIMITS.productSectionTitle} characters; needed when there is more than one section`,
					},
					{
						displayName: 'Product Retailer IDs',
						name: 'productRetailerIds',
						type: 'string',
						default: '',
						required: true,
						placeholder: 'shirt-1, shirt-2, hat-1',
						description:
							'The products of this section, by their "Content ID" (SKU), separated by commas or new lines; or an array from an expression',
					},
				],
			},
		],
	},
	{
		displayName: 'Thumbnail Product Retailer ID',
		name: 'thumbnailProductRetailerId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'bestseller-1',
		description:
			'The product whose image heads the message; tapping "View catalog" opens the whole catalog',
		displayOptions: show('catalog_message'),
	},
];

/** A section's products: text split on commas and new lines, or an array an expression gave. */
export function retailerIdsOf(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((id) => String(id ?? ''));
	return String(value ?? '')
		.split(/[,\n]/)
		.map((id) => id.trim())
		.filter((id, at, all) => id !== '' || all.length === 1);
}

export function readCommerceInput(
	this: IExecuteFunctions,
	i: number,
	type: CommerceInput['type'],
): CommerceInput {
	const text = (name: string) => this.getNodeParameter(name, i, '') as string;
	switch (type) {
		case 'product':
			return {
				type,
				catalogId: text('catalogId'),
				productRetailerId: text('productRetailerId'),
				body: text('bodyText'),
				footer: text('footerText'),
			};
		case 'product_list':
			return {
				type,
				catalogId: text('catalogId'),
				header: text('headerText'),
				body: text('bodyText'),
				footer: text('footerText'),
				sections: collectionRows(this.getNodeParameter('productSections', i, {}), 'section').map(
					(section: IDataObject) => ({
						title: section.title as string | undefined,
						productRetailerIds: retailerIdsOf(section.productRetailerIds),
					}),
				),
			};
		case 'catalog_message':
			return {
				type,
				body: text('bodyText'),
				footer: text('footerText'),
				thumbnailProductRetailerId: text('thumbnailProductRetailerId'),
			};
	}
}
