/** The template an operation of the Template resource acts on: from the list (any status) or by name. */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

export const showOnTemplate = (operation: string): IDisplayOptions['show'] => ({
	resource: ['template'],
	operation: [operation],
});

export function templatePickerProperty(
	show: IDisplayOptions['show'],
	description: string,
): INodeProperties {
	return {
		displayName: 'Template',
		name: 'template',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a template...',
				typeOptions: { searchListMethod: 'searchAllTemplates', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. order_update',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^[a-z0-9_]{1,512}$',
							errorMessage:
								'Use the template name: lowercase letters, digits and underscores, e.g. order_update',
						},
					},
				],
			},
		],
	};
}
