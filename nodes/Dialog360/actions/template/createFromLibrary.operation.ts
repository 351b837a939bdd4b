import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import { asRecord } from '../../../shared/whatsapp/json';
import { buildLibraryTemplateBody } from '../../../shared/whatsapp/templates/libraryTemplate';
import { toTemplateItem } from '../../../shared/whatsapp/templates/templateList';
import { showOnTemplate } from '../descriptions/templatePicker.description';
import { withItemError } from '../helpers/itemError';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'delivery_update',
		description: 'The name of your copy: lowercase letters, digits and underscores',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: 'en_US',
		required: true,
		placeholder: 'en_US',
		description: 'The language code of the library template to copy, e.g. en_US',
	},
	{
		displayName: 'Library Template',
		name: 'libraryTemplateName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'delivery_update_1',
		description:
			'The exact name of the template in the utility template library of WhatsApp Manager (group_invite_link for group invitations)',
	},
	{
		displayName: 'Website',
		name: 'websiteUrl',
		type: 'string',
		default: '',
		placeholder: 'https://www.example.com/orders/{{1}}',
		description:
			"The web address the template's URL button opens; needed when the library template has one",
	},
	{
		displayName: 'Example URL',
		name: 'urlSuffixExample',
		type: 'string',
		default: '',
		placeholder: 'https://www.example.com/orders/4471',
		description: 'An example of the whole address, when the website ends in {{1}}',
	},
	{
		displayName: 'Phone Number',
		name: 'buttonPhoneNumber',
		type: 'string',
		default: '',
		placeholder: '+16315551010',
		description:
			"The number the template's call button dials; needed when the library template has one",
	},
];

export const description = updateDisplayOptions(
	{ show: showOnTemplate('createFromLibrary') },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const read = (name: string) => String(this.getNodeParameter(name, i, ''));
	const body = withItemError(this, i, () =>
		buildLibraryTemplateBody({
			name: read('name'),
			language: read('language'),
			libraryTemplateName: read('libraryTemplateName'),
			websiteUrl: read('websiteUrl'),
			urlSuffixExample: read('urlSuffixExample'),
			phoneNumber: read('buttonPhoneNumber'),
		}),
	);
	const { body: answer } = await dialog360Request.call(this, {
		method: 'POST',
		path: '/v1/configs/templates',
		body: body as IDataObject,
		itemIndex: i,
	});
	return [
		{
			json: {
				...toTemplateItem({ ...body, ...(asRecord(answer) ?? {}) }),
				libraryTemplateName: body.library_template_name,
			} as IDataObject,
			pairedItem: { item: i },
		},
	];
}
