import type { INodeProperties } from 'n8n-workflow';

import type { OperationProperty, OperationTable } from '../operation';
import * as create from './create.operation';
import * as createFromLibrary from './createFromLibrary.operation';
import * as deleteTemplate from './delete.operation';
import * as get from './get.operation';
import * as getAnalytics from './getAnalytics.operation';
import * as list from './list.operation';

export const operations: OperationTable<'template'> = {
	list,
	get,
	create,
	delete: deleteTemplate,
	getAnalytics,
	createFromLibrary,
};

const operationProperty: OperationProperty<'template'> = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['template'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a template',
			description: 'Submit a new template, or a new language of one, to Meta for approval',
		},
		{
			name: 'Create From Library',
			value: 'createFromLibrary',
			action: 'Create a template from the library',
			description:
				"Copy a template of Meta's utility template library, with your website and phone number",
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a template',
			description: 'Delete a template name with every language it has',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a template',
			description: 'Get one template with its status, category and components',
		},
		{
			name: 'Get Analytics',
			value: 'getAnalytics',
			action: 'Get template analytics',
			description: 'Sent, delivered, read and clicked counts per template and day',
		},
		{
			name: 'List',
			value: 'list',
			action: 'List templates',
			description: 'List the templates of this number, by name, status, category or language',
		},
	],
	default: 'list',
};

export const description: INodeProperties[] = [
	operationProperty,
	...list.description,
	...get.description,
	...create.description,
	...deleteTemplate.description,
	...getAnalytics.description,
	...createFromLibrary.description,
];
