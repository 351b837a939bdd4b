import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import {
	buildTemplateComponents,
	buildTemplateMessage,
	parseTemplateComponents,
	splitTemplateValue,
} from '../../../shared/whatsapp/messages/template';
import type {
	BodyParameterInput,
	ButtonParameterInput,
	TemplateMessage,
} from '../../../shared/whatsapp/messages/template';
import { buildMappedComponents } from '../../../shared/whatsapp/messages/mappedTemplate';
import { readTemplateModel } from '../../../shared/whatsapp/messages/templateModel';
import type { TemplateValues } from '../../../shared/whatsapp/messages/templateVariables';
import { headerMediaProperties } from '../descriptions/headerMedia.description';
import { marketingMessagesProperties } from '../descriptions/marketingMessages.description';
import { templatePickerProperty } from '../descriptions/templatePicker.description';
import { withItemError } from '../helpers/itemError';
import { readMessageHeader } from '../helpers/messageHeader';
import { findApprovedTemplate } from '../helpers/templateDefinitionLookup';
import { fromVersion11 } from '../nodeVersion';
import { prepareTemplateMessage } from '../helpers/templateSend';
import type { PreparedSend } from '../operation';
import { executePrepared } from '../operation';

const parameterNameField: INodeProperties = {
	displayName: 'Parameter Name',
	name: 'parameterName',
	type: 'string',
	default: '',
	placeholder: 'first_name',
	description:
		'Only for templates with named placeholders such as {{first_name}}: the name between the braces. Leave empty for numbered placeholders ({{1}}, {{2}}, …), which are filled in list order.',
};

const fieldsMode = { componentsMode: ['fields'] };
/** The two ways of giving the values that version 1 has, and version 1.1 keeps next to the mapped variables. */
const byHandOrJson = [
	{
		name: 'Using Fields Below',
		value: 'fields',
		description: 'Fill in the header, body placeholders and buttons one by one',
	},
	{
		name: 'Using JSON',
		value: 'json',
		description: 'Paste WhatsApp\'s "components" array, e.g. from the template\'s documentation',
	},
];

/** A resource mapper over the chosen template's variables, loaded again whenever the template changes. */
function templateMapper(
	resourceMapperMethod: string,
): Pick<
	INodeProperties,
	'type' | 'noDataExpression' | 'default' | 'typeOptions' | 'displayOptions'
> {
	return {
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		typeOptions: {
			loadOptionsDependsOn: ['template.value', 'languageCode'],
			resourceMapper: {
				resourceMapperMethod,
				mode: 'add',
				fieldWords: { singular: 'variable', plural: 'variables' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: false,
			},
		},
		displayOptions: { show: { ...fromVersion11, componentsMode: ['mapped'] } },
	};
}

const properties: INodeProperties[] = [
	templatePickerProperty(
		undefined,
		'The approved template to send. Templates are the only messages WhatsApp delivers outside the 24-hour customer service window.',
		'searchTemplates',
	),
	{
		displayName: 'Language Code',
		name: 'languageCode',
		type: 'string',
		default: 'en_US',
		required: true,
		placeholder: 'en_US',
		description:
			'The language of the template to send, e.g. en, en_US or pt_BR. A template picked from the list brings its own language, so this field only shows for templates given by name.',
		// A value picked from the list reads "name|language".
		displayOptions: { hide: { template: [{ _cnd: { regex: '^[a-z0-9_]+\\|' } }] } },
	},
	{
		displayName: 'Template Parameters',
		name: 'componentsMode',
		type: 'options',
		options: [...byHandOrJson],
		default: 'fields',
		description: "How to give the values for the template's placeholders",
		displayOptions: { show: { '@version': [{ _cnd: { lt: 1.1 } }] } },
	},
	{
		displayName: 'Template Parameters',
		name: 'componentsMode',
		type: 'options',
		options: [
			{
				name: 'Map Template Variables',
				value: 'mapped',
				description:
					"The chosen template's own variables as fields, each labelled with its text and example",
			},
			...byHandOrJson,
		],
		default: 'mapped',
		description: "How to give the values for the template's placeholders",
		displayOptions: { show: fromVersion11 },
	},
	{
		displayName: 'What Each Variable Fills',
		name: 'templateVariablesGuide',
		description: "The template's text around each variable, and its example; nothing here is sent",
		...templateMapper('getTemplateVariablesGuide'),
	},
	{
		displayName: 'Template Variables',
		name: 'templateVariables',
		required: true,
		...templateMapper('getTemplateVariables'),
	},
	{
		displayName: 'Components (JSON)',
		name: 'componentsJson',
		type: 'json',
		default: '[]',
		description:
			'The "components" array of a WhatsApp template message, e.g. [{"type":"body","parameters":[{"type":"text","text":"Jane"}]}]',
		displayOptions: { show: { componentsMode: ['json'] } },
	},
	{
		displayName: 'Header',
		name: 'headerType',
		type: 'options',
		options: [
			{ name: 'Document', value: 'document', description: "The template's header is a document" },
			{ name: 'Image', value: 'image', description: "The template's header is an image" },
			{ name: 'None', value: 'none', description: 'The header is fixed text, or there is none' },
			{ name: 'Text', value: 'text', description: 'The header text has a placeholder to fill in' },
			{ name: 'Video', value: 'video', description: "The template's header is a video" },
		],
		default: 'none',
		description: "What the template's header needs from you",
		displayOptions: { show: fieldsMode },
	},
	{
		displayName: 'Header Text',
		name: 'headerText',
		type: 'string',
		default: '',
		required: true,
		description: 'The value for the placeholder in the header',
		displayOptions: { show: { ...fieldsMode, headerType: ['text'] } },
	},
	{
		...parameterNameField,
		displayName: 'Header Parameter Name',
		name: 'headerParameterName',
		displayOptions: { show: { ...fieldsMode, headerType: ['text'] } },
	},
	...updateDisplayOptions({ show: fieldsMode }, headerMediaProperties),
	{
		displayName: 'Body Parameters',
		name: 'bodyParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Body Parameter',
		default: {},
		description:
			"The values for the placeholders in the template's text, in order: the first fills {{1}}, the second {{2}}, …",
		displayOptions: { show: fieldsMode },
		options: [
			{
				displayName: 'Parameter',
				name: 'parameters',
				// The type comes first: it decides which of the other fields show.
				// eslint-disable-next-line n8n-nodes-base/node-param-fixed-collection-type-unsorted-items
				values: [
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{
								name: 'Currency',
								value: 'currency',
								description: "An amount of money, shown in the recipient's locale",
							},
							{
								name: 'Date and Time',
								value: 'date_time',
								description: 'A date or time, shown as you type it',
							},
							{ name: 'Text', value: 'text' },
						],
						default: 'text',
					},
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						default: '',
						displayOptions: { show: { type: ['text'] } },
					},
					{
						displayName: 'Amount',
						name: 'amount',
						type: 'string',
						default: '',
						placeholder: '100.99',
						description: 'The amount with a dot before the decimals (at most 3), e.g. 100.99',
						displayOptions: { show: { type: ['currency'] } },
					},
					{
						displayName: 'Currency Code',
						name: 'currencyCode',
						type: 'string',
						default: 'USD',
						placeholder: 'USD',
						description: 'The three-letter ISO 4217 code, e.g. USD, EUR or BRL',
						displayOptions: { show: { type: ['currency'] } },
					},
					{
						displayName: 'Fallback Text',
						name: 'currencyFallback',
						type: 'string',
						default: '',
						placeholder: '$100.99',
						description:
							'What devices that cannot format the amount show. Leave empty for "<amount> <code>", e.g. "100.99 USD".',
						displayOptions: { show: { type: ['currency'] } },
					},
					{
						displayName: 'Date and Time',
						name: 'dateTime',
						type: 'string',
						default: '',
						placeholder: 'February 25, 1977',
						description: 'The date or time exactly as the recipient should read it',
						displayOptions: { show: { type: ['date_time'] } },
					},
					parameterNameField,
				],
			},
		],
	},
	{
		displayName: 'Button Parameters',
		name: 'buttonParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Button Parameter',
		default: {},
		description:
			"Values for the template's buttons that need one: a quick reply payload, the end of a link, or a coupon code",
		displayOptions: { show: fieldsMode },
		options: [
			{
				displayName: 'Button',
				name: 'buttons',
				// The type comes first: it decides which of the other fields show.
				// eslint-disable-next-line n8n-nodes-base/node-param-fixed-collection-type-unsorted-items
				values: [
					{
						displayName: 'Button Type',
						name: 'subType',
						type: 'options',
						options: [
							{
								name: 'Copy Code',
								value: 'copy_code',
								description: 'A button that copies a coupon code',
							},
							{
								name: 'Quick Reply',
								value: 'quick_reply',
								description: 'A reply button; its payload comes back in the webhook when tapped',
							},
							{
								name: 'URL',
								value: 'url',
								description: 'A link button whose address ends with a placeholder',
							},
						],
						default: 'quick_reply',
					},
					{
						displayName: 'Button Position',
						name: 'index',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 9 },
						default: 0,
						description:
							'Where the button sits in the template: 0 for the first button, 1 for the second, and so on',
					},
					{
						displayName: 'Payload',
						name: 'payload',
						type: 'string',
						default: '',
						description:
							'Comes back in the webhook when the recipient taps the button, e.g. an order ID',
						displayOptions: { show: { subType: ['quick_reply'] } },
					},
					{
						displayName: 'URL Suffix',
						name: 'urlSuffix',
						type: 'string',
						default: '',
						placeholder: 'order/12345',
						description:
							'WhatsApp appends this to the link defined in the template. Encode special characters yourself, e.g. a space as %20.',
						displayOptions: { show: { subType: ['url'] } },
					},
					{
						displayName: 'Coupon Code',
						name: 'couponCode',
						type: 'string',
						default: '',
						placeholder: 'SAVE10',
						description: 'The code the button copies, up to 15 characters',
						displayOptions: { show: { subType: ['copy_code'] } },
					},
				],
			},
		],
	},
];

export const recipient = 'required';

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendTemplate'] } },
	[...properties, ...marketingMessagesProperties],
);

function readBodyParameter(entry: IDataObject): BodyParameterInput {
	const parameterName = entry.parameterName as string | undefined;
	if (entry.type === 'currency') {
		return {
			type: 'currency',
			amount: entry.amount as string,
			code: entry.currencyCode as string,
			fallbackValue: entry.currencyFallback as string,
			parameterName,
		};
	}
	if (entry.type === 'date_time')
		return { type: 'date_time', fallbackValue: entry.dateTime as string, parameterName };
	return { type: 'text', text: entry.text as string, parameterName };
}

function readButton(entry: IDataObject): ButtonParameterInput {
	const index = entry.index as number;
	if (entry.subType === 'url') return { subType: 'url', index, text: entry.urlSuffix as string };
	if (entry.subType === 'copy_code')
		return { subType: 'copy_code', index, couponCode: entry.couponCode as string };
	return { subType: 'quick_reply', index, payload: entry.payload as string };
}

function readComponents(this: IExecuteFunctions, i: number) {
	if (this.getNodeParameter('componentsMode', i, 'fields') === 'json') {
		return parseTemplateComponents(this.getNodeParameter('componentsJson', i, '[]'));
	}
	const body = this.getNodeParameter('bodyParameters.parameters', i, []) as IDataObject[];
	const buttons = this.getNodeParameter('buttonParameters.buttons', i, []) as IDataObject[];
	return buildTemplateComponents({
		header: readMessageHeader.call(this, i),
		bodyParameters: body.map(readBodyParameter),
		buttons: buttons.map(readButton),
	});
}

/** The template the item names: picked from the list (with its language), or by name and language code. */
function readTemplateChoice(this: IExecuteFunctions, i: number) {
	const picked = splitTemplateValue(
		String(this.getNodeParameter('template', i, '', { extractValue: true })),
	);
	return withItemError(this, i, () =>
		buildTemplateMessage({
			name: picked.name,
			languageCode:
				picked.language ?? (this.getNodeParameter('languageCode', i, 'en_US') as string),
		}),
	);
}

/** Mapped variables: the components, built from the values against the template's stored definition. */
async function readMappedComponents(this: IExecuteFunctions, i: number, template: TemplateMessage) {
	const definition = await findApprovedTemplate.call(
		this,
		template.name,
		template.language.code,
		i,
	);
	if (!definition) {
		throw new NodeOperationError(
			this.getNode(),
			`The number has no approved template "${template.name}" in ${template.language.code}`,
			{
				itemIndex: i,
				description:
					'Check the template name and language, or pick the template from the list. Templates still PENDING or REJECTED cannot be sent.',
			},
		);
	}
	const values = (this.getNodeParameter('templateVariables.value', i, {}) ?? {}) as TemplateValues;
	return withItemError(this, i, () => buildMappedComponents(readTemplateModel(definition), values));
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<PreparedSend> {
	const template = readTemplateChoice.call(this, i);
	const mapped = this.getNodeParameter('componentsMode', i, 'fields') === 'mapped';
	const components = mapped ? await readMappedComponents.call(this, i, template) : undefined;
	return prepareTemplateMessage.call(this, i, () =>
		buildTemplateMessage({
			name: template.name,
			languageCode: template.language.code,
			components: components ?? readComponents.call(this, i),
		}),
	);
}

export const execute = executePrepared(prepare);
