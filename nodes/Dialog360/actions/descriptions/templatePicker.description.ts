/**
 * The template an operation acts on: from the list or by name. The Template resource lists templates of any
 * status (the default search); Send Template lists approved ones only (`searchTemplates`).
 */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

export const showOnTemplate = (operation: string): IDisplayOptions['show'] => ({
	resource: ['template'],
	operation: [operation],
});

export function templatePickerProperty(
	show: IDisplayOptions['show'] | undefined,
	description: string,
	searchListMethod = 'searchAllTemplates',
): INodeProperties {
	return {
		displayName: 'Template',
		name: 'template',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		...(show ? { displayOptions: { show } } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a template...',
				typeOptions: { searchListMethod, searchable: true },
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
