import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { nodeRequest } from '../helpers/nodeRequest';
import { checkMediaFile, extensionForMimeType } from '../../../shared/whatsapp/messages/media';
import type { JsonRecord } from '../../../shared/whatsapp/json';
import { asRecord } from '../../../shared/whatsapp/json';
import {
	buildTemplateComponents,
	buildTemplateDefinition,
	parseTemplateDefinitionComponents,
	TEMPLATE_CATEGORIES,
} from '../../../shared/whatsapp/templates/templateDefinition';
import type {
	TemplateButtonForm,
	TemplateForm,
	TemplateHeaderForm,
} from '../../../shared/whatsapp/templates/templateDefinition';
import { toTemplateItem } from '../../../shared/whatsapp/templates/templateList';
import { showOnTemplate } from '../descriptions/templatePicker.description';
import { collectionRows } from '../operation';
import { withItemError } from '../helpers/itemError';
import { readBinaryFile } from '../helpers/mediaUpload';
import { uploadForHandle } from '../helpers/uploadForHandle';

const onForm = { definedWith: ['form'] };
const onMediaHeader = { ...onForm, headerFormat: ['IMAGE', 'VIDEO', 'DOCUMENT'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'order_update',
		description: 'Lowercase letters, digits and underscores; one name can have several languages',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: 'en_US',
		required: true,
		placeholder: 'en_US',
		description: 'The language code of this version, e.g. en_US, de or pt_BR',
	},
	{
		displayName: 'Category',
		name: 'category',
		type: 'options',
		options: TEMPLATE_CATEGORIES.map((category) => ({
			name: category.charAt(0) + category.slice(1).toLowerCase(),
			value: category,
		})),
		default: 'UTILITY',
		description:
			'Utility: about a transaction or account; Marketing: anything promotional; Authentication: one-time codes',
	},
	{
		displayName: 'Allow Category Change',
		name: 'allowCategoryChange',
		type: 'boolean',
		default: true,
		description:
			'Whether Meta may give the template the category it finds right instead of rejecting it for the wrong category',
	},
	{
		displayName: 'Define With',
		name: 'definedWith',
		type: 'options',
		options: [
			{
				name: 'Form',
				value: 'form',
				description: 'Header, body with examples, footer and buttons',
			},
			{
				name: 'JSON',
				value: 'json',
				description:
					'The components as WhatsApp defines them (carousels, authentication templates, limited-time offers)',
			},
		],
		default: 'form',
	},
	{
		displayName: 'Header',
		name: 'headerFormat',
		type: 'options',
		options: [
			{ name: 'Document', value: 'DOCUMENT' },
			{ name: 'Image', value: 'IMAGE' },
			{ name: 'Location', value: 'LOCATION' },
			{ name: 'None', value: 'NONE' },
			{ name: 'Text', value: 'TEXT' },
			{ name: 'Video', value: 'VIDEO' },
		],
		default: 'NONE',
		displayOptions: { show: onForm },
	},
	{
		displayName: 'Header Text',
		name: 'headerText',
		type: 'string',
		default: '',
		placeholder: 'Order {{1}}',
		description: 'Up to 60 characters, with at most one variable',
		displayOptions: { show: { ...onForm, headerFormat: ['TEXT'] } },
	},
	{
		displayName: 'Header Example',
		name: 'headerExample',
		type: 'string',
		default: '',
		placeholder: '#1234',
		description: "A sample value for the header's variable, shown to Meta's reviewer",
		displayOptions: { show: { ...onForm, headerFormat: ['TEXT'] } },
	},
	{
		displayName: 'Header Sample Input Binary Field',
		name: 'headerSampleBinaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The input binary field with a sample image, video or PDF for the reviewer; each send gives its own file',
		displayOptions: { show: onMediaHeader },
	},
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'Hi {{1}}, your order {{2}} is on its way.',
		description:
			'Up to 1024 characters. Variables are {{1}}, {{2}}, … or names such as {{first_name}}, never the first or last thing in the text.',
		displayOptions: { show: onForm },
	},
	{
		displayName: 'Body Examples',
		name: 'bodyExamples',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Example',
		default: {},
		description: "A sample value for each of the body's variables; Meta rejects templates without",
		displayOptions: { show: onForm },
		options: [
			{
				displayName: 'Example',
				name: 'example',
				values: [
					{
						displayName: 'Variable',
						name: 'variable',
						type: 'string',
						default: '',
						placeholder: '1',
						description: 'The variable without braces: 1 for {{1}}, first_name for {{first_name}}',
					},
					{
						displayName: 'Example',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'Jane',
					},
				],
			},
		],
	},
	{
		displayName: 'Footer',
		name: 'footer',
		type: 'string',
		default: '',
		placeholder: 'Reply STOP to unsubscribe',
		description: 'Up to 60 characters of fixed text, shown small under the body',
		displayOptions: { show: onForm },
	},
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Button',
		default: {},
		description:
			'Up to 10 buttons: at most 2 URL, 1 phone number and 1 copy code; quick replies together',
		displayOptions: { show: onForm },
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Example Code',
						name: 'example',
						type: 'string',
						default: '',
						placeholder: 'SAVE10',
						description: 'A sample code of up to 15 characters;	each send gives its own',
					},
					{
						displayName: 'Example URL',
						name: 'urlExample',
						type: 'string',
						default: '',
						placeholder: 'https://example.com/orders/1234',
						description: 'For a URL ending in	{{1}}:	the full URL with a sample value',
					},
					{
						displayName: 'Phone Number',
						name: 'phoneNumber',
						type: 'string',
						default: '',
						placeholder: '+49 30 1234567',
					},
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						default: '',
						description: 'The label, up to 25 characters',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{
								name: 'Copy Code',
								value: 'COPY_CODE',
							},
							{
								name: 'Phone Number',
								value: 'PHONE_NUMBER',
							},
							{
								name: 'Quick Reply',
								value: 'QUICK_REPLY',
							},
							{
								name: 'URL',
								value: 'URL',
							},
						],
						default: 'QUICK_REPLY',
					},
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
						placeholder: 'https://example.com/orders/{{1}}',
						description: 'May end in	{{1}}, which each send fills in',
					},
				],
			},
		],
	},
	{
		displayName: 'Components (JSON)',
		name: 'componentsJson',
		type: 'json',
		default:
			'[\n  {\n    "type": "BODY",\n    "text": "Hi {{1}}, your order is ready.",\n    "example": { "body_text": [["Jane"]] }\n  }\n]',
		description:
			'The components array as WhatsApp defines it for creating templates (HEADER, BODY, FOOTER, BUTTONS, CAROUSEL, …)',
		displayOptions: { show: { definedWith: ['json'] } },
	},
];

export const description = updateDisplayOptions({ show: showOnTemplate('create') }, properties);

function readButtons(this: IExecuteFunctions, i: number): TemplateButtonForm[] {
	return collectionRows(this.getNodeParameter('buttons', i, {}), 'button').map((row) => {
		const text = String(row.text ?? '');
		switch (row.type) {
			case 'URL':
				return {
					type: 'URL',
					text,
					url: String(row.url ?? ''),
					example: String(row.urlExample ?? '') || undefined,
				};
			case 'PHONE_NUMBER':
				return { type: 'PHONE_NUMBER', text, phoneNumber: String(row.phoneNumber ?? '') };
			case 'COPY_CODE':
				return { type: 'COPY_CODE', example: String(row.example ?? '') };
			default:
				return { type: 'QUICK_REPLY', text };
		}
	});
}

async function readHeader(
	this: IExecuteFunctions,
	i: number,
): Promise<TemplateHeaderForm | undefined> {
	const format = this.getNodeParameter('headerFormat', i, 'NONE') as string;
	if (format === 'NONE') return undefined;
	if (format === 'LOCATION') return { format: 'LOCATION' };
	if (format === 'TEXT') {
		return {
			format: 'TEXT',
			text: this.getNodeParameter('headerText', i, '') as string,
			example: (this.getNodeParameter('headerExample', i, '') as string) || undefined,
		};
	}
	const property = this.getNodeParameter('headerSampleBinaryPropertyName', i) as string;
	const file = await readBinaryFile.call(this, i, property);
	const kind = format.toLowerCase() as 'image' | 'video' | 'document';
	const mimeType = withItemError(this, i, () =>
		checkMediaFile(kind, file, 'headerSampleBinaryPropertyName'),
	);
	const handle = await uploadForHandle.call(
		this,
		i,
		{
			bytes: Buffer.from(file.bytes),
			mimeType,
			fileName: file.fileName || `sample.${extensionForMimeType(mimeType)}`,
		},
		'header sample',
		'Create the template in the 360dialog Hub (WhatsApp Account → Templates) instead.',
	);
	return { format: format as 'IMAGE' | 'VIDEO' | 'DOCUMENT', handle };
}

async function readComponents(this: IExecuteFunctions, i: number): Promise<JsonRecord[]> {
	if (this.getNodeParameter('definedWith', i, 'form') === 'json') {
		const json = this.getNodeParameter('componentsJson', i);
		return withItemError(this, i, () => parseTemplateDefinitionComponents(json));
	}
	const bodyExamples = Object.fromEntries(
		collectionRows(this.getNodeParameter('bodyExamples', i, {}), 'example').map((row) => [
			String(row.variable ?? '')
				.replace(/[{}\s]/g, '')
				.trim(),
			String(row.value ?? ''),
		]),
	);
	const form: Omit<TemplateForm, 'header'> = {
		body: this.getNodeParameter('body', i, '') as string,
		bodyExamples,
		footer: this.getNodeParameter('footer', i, '') as string,
		buttons: readButtons.call(this, i),
	};
	// The form is checked before the header sample is uploaded: a mistake costs no upload.
	withItemError(this, i, () => buildTemplateComponents(form));
	const header = await readHeader.call(this, i);
	return withItemError(this, i, () => buildTemplateComponents({ ...form, header }));
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const read = (name: string) => this.getNodeParameter(name, i, '');
	// Name, language and category are checked before anything is uploaded.
	const check = () =>
		buildTemplateDefinition({
			name: read('name'),
			language: read('language'),
			category: read('category'),
			allowCategoryChange: this.getNodeParameter('allowCategoryChange', i, true) as boolean,
			components: [],
		});
	withItemError(this, i, check);
	const components = await readComponents.call(this, i);
	const definition: JsonRecord = { ...withItemError(this, i, check), components };
	const { body } = await nodeRequest.call(this, {
		method: 'POST',
		path: '/v1/configs/templates',
		body: definition as IDataObject,
		itemIndex: i,
	});
	const created = toTemplateItem({ ...definition, ...(asRecord(body) ?? {}) });
	delete created.allow_category_change;
	return [
		{
			json: { ...created, allowCategoryChange: definition.allow_category_change } as IDataObject,
			pairedItem: { item: i },
		},
	];
}
