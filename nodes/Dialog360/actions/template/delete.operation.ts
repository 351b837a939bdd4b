import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { nodeRequest } from '../helpers/nodeRequest';
import { asRecord } from '../../../shared/whatsapp/json';
import { showOnTemplate, templatePickerProperty } from '../descriptions/templatePicker.description';
import { fetchTemplates, readTemplatePicker } from '../helpers/templateLookup';

const show = showOnTemplate('delete');

export const description: INodeProperties[] = [
	{
		displayName:
			'Deleting a template deletes every language of that name, and the name cannot be used again for 4 weeks',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	templatePickerProperty(
		show,
		'The template whose name to delete. Every language of the name goes, also when one language is picked from the list.',
	),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const { name } = readTemplatePicker.call(this, i);
	const languages = (await fetchTemplates.call(this, i, { name })).map((template) =>
		String(template.language),
	);
	if (languages.length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			`No template named "${name}": nothing was deleted`,
			{
				itemIndex: i,
				description: 'Check the name; the Template list shows every template of this number.',
			},
		);
	}
	const { body } = await nodeRequest.call(this, {
		method: 'DELETE',
		path: `/v1/configs/templates/${encodeURIComponent(name)}`,
		itemIndex: i,
	});
	const meta = asRecord(asRecord(body)?.meta);
	return [
		{
			json: {
				deleted: meta?.success !== false,
				name,
				languages,
				...(typeof meta?.developer_message === 'string' ? { message: meta.developer_message } : {}),
			},
			pairedItem: { item: i },
		},
	];
}
