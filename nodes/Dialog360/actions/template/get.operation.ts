import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toTemplateItem } from '../../../shared/whatsapp/templates/templateList';
import { showOnTemplate, templatePickerProperty } from '../descriptions/templatePicker.description';
import { fetchTemplates, readTemplatePicker } from '../helpers/templateLookup';

const show = showOnTemplate('get');

export const description = [
	templatePickerProperty(
		show,
		'The template to get, in any status. Picked from the list it is one language; by name, every language of that name unless "Language" is set.',
	),
	{
		displayName: 'Language',
		name: 'language',
		type: 'string' as const,
		default: '',
		placeholder: 'en_US',
		description:
			'For a template given by name: only this language; empty for every language it has. A template picked from the list has its own language.',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const picked = readTemplatePicker.call(this, i);
	const language =
		picked.language ?? (String(this.getNodeParameter('language', i, '')).trim() || undefined);
	const templates = await fetchTemplates.call(this, i, { name: picked.name, language });
	if (templates.length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			`No template named "${picked.name}"${language ? ` in ${language}` : ''}`,
			{
				itemIndex: i,
				description:
					'Check the name and language; the Template list shows every template of this number, in any status.',
			},
		);
	}
	return templates.map((template) => ({
		json: toTemplateItem(template, { everyText: this.getNode().typeVersion >= 1.2 }) as IDataObject,
		pairedItem: { item: i },
	}));
}
