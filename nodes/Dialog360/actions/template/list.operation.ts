import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toTemplateItem } from '../../../shared/whatsapp/templates/templateList';
import type { TemplateFilters } from '../../../shared/whatsapp/templates/templateList';
import { paginationProperties } from '../descriptions/pagination.description';
import { showOnTemplate } from '../descriptions/templatePicker.description';
import { fetchTemplates } from '../helpers/templateLookup';

const properties: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Category',
				name: 'category',
				type: 'options',
				options: [
					{ name: 'Authentication', value: 'AUTHENTICATION' },
					{ name: 'Marketing', value: 'MARKETING' },
					{ name: 'Utility', value: 'UTILITY' },
				],
				default: 'MARKETING',
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'string',
				default: '',
				placeholder: 'en_US',
				description: 'Only templates in this language code, e.g. en_US or de',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'order_update',
				description: 'Only templates with exactly this name (all its languages)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Approved', value: 'APPROVED', description: 'Can be sent' },
					{ name: 'Disabled', value: 'DISABLED' },
					{ name: 'Paused', value: 'PAUSED', description: 'Paused by WhatsApp for low quality' },
					{ name: 'Pending', value: 'PENDING', description: 'Waiting for review by Meta' },
					{ name: 'Rejected', value: 'REJECTED' },
				],
				default: 'APPROVED',
			},
		],
	},
];

const show = showOnTemplate('list');

export const description = [
	...paginationProperties(show),
	...updateDisplayOptions({ show }, properties),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
	const filters = this.getNodeParameter('filters', i, {}) as TemplateFilters;
	const templates = await fetchTemplates.call(this, i, filters, limit);
	return templates.map((template) => ({
		json: toTemplateItem(template, { everyText: this.getNode().typeVersion >= 1.2 }) as IDataObject,
		pairedItem: { item: i },
	}));
}
