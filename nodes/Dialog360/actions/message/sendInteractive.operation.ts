import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { buildInteractiveMessage } from '../../../shared/whatsapp/messages/interactive';
import type {
	FlowInput,
	InteractiveInput,
	InteractiveType,
} from '../../../shared/whatsapp/messages/interactive';
import { LIMITS } from '../../../shared/whatsapp/validation';
import { headerMediaProperties } from '../descriptions/headerMedia.description';
import { readMessageHeader } from '../helpers/messageHeader';
import { prepareMessage, readRecipient } from '../helpers/send';
import { signedFlowToken, signedFlowTokenProperties } from '../flow/signedFlowToken';
import type { PreparedSend } from '../operation';
import { collectionRows, executePrepared } from '../operation';
import { carouselProperties, readCarouselInput } from './interactive/carousel.fields';
import {
	COMMERCE_TYPES,
	commerceProperties,
	readCommerceInput,
} from './interactive/commerce.fields';

const withMediaHeader: InteractiveType[] = ['button', 'cta_url'];
const withTextHeader: InteractiveType[] = ['list', 'flow'];
const withHeader = [...withMediaHeader, ...withTextHeader];
const withFooter: InteractiveType[] = [...withHeader, ...COMMERCE_TYPES];

const headerOption = (name: string, value: string) => ({ name, value });
const noHeader = headerOption('None', 'none');
const textHeader = headerOption('Text', 'text');

/** Title and ID of a reply button or a list row: the ID is what the workflow gets back when it is chosen. */
function choiceFields(
	what: 'button' | 'row',
	titleLimit: number,
	idLimit: number,
	...between: INodeProperties[]
): INodeProperties[] {
	return [
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			required: true,
			description: `The text the recipient sees, up to ${titleLimit} characters`,
			hint: `Up to ${titleLimit} characters`,
		},
		...between,
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			default: '',
			description: `What your workflow receives when the ${what} is chosen, up to ${idLimit} characters. Leave empty to use the title. Each ${what} needs its own ID.`,
		},
	];
}

const properties: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'interactiveType',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Call Permission Request',
				value: 'call_permission_request',
				description: 'Ask the recipient to let you call them on WhatsApp (Call → Initiate)',
			},
			{
				name: 'Call To Action URL',
				value: 'cta_url',
				description: 'A button that opens a web address',
			},
			{
				name: 'Catalog',
				value: 'catalog_message',
				description: 'A "View catalog" button that opens your whole product catalog',
			},
			{
				name: 'Flow',
				value: 'flow',
				description: 'A button that opens a WhatsApp Flow (a form inside the chat)',
			},
			{ name: 'List', value: 'list', description: 'A menu of up to 10 rows, in sections' },
			{
				name: 'Location Request',
				value: 'location_request_message',
				description: 'Ask the recipient to share their location',
			},
			{
				name: 'Media Carousel',
				value: 'carousel',
				description: '2 to 10 scrolling cards, each with an image or video and a button',
			},
			{
				name: 'Multi-Product',
				value: 'product_list',
				description: 'Up to 30 products from your catalog, in up to 10 sections',
			},
			{
				name: 'Reply Buttons',
				value: 'button',
				description: 'Up to 3 buttons the recipient taps to answer',
			},
			{
				name: 'Request Contact Info',
				value: 'request_contact_info',
				description:
					'Ask a user who hides their number behind a username to share their phone number',
			},
			{
				name: 'Single Product',
				value: 'product',
				description: 'One product from your catalog, with its image, price and a buy button',
			},
		],
		default: 'button',
	},
	...commerceProperties,
	{
		displayName: 'Header',
		name: 'headerType',
		type: 'options',
		options: [
			headerOption('Document', 'document'),
			headerOption('Image', 'image'),
			noHeader,
			textHeader,
			headerOption('Video', 'video'),
		],
		default: 'none',
		displayOptions: { show: { interactiveType: withMediaHeader } },
	},
	{
		displayName: 'Header',
		name: 'headerType',
		type: 'options',
		options: [noHeader, textHeader],
		default: 'none',
		description: 'Lists and flows take a text header only',
		displayOptions: { show: { interactiveType: withTextHeader } },
	},
	{
		displayName: 'Header Text',
		name: 'headerText',
		type: 'string',
		default: '',
		required: true,
		description: 'Bold text above the body, up to 60 characters',
		hint: `Up to ${LIMITS.interactiveHeaderText} characters`,
		displayOptions: { show: { interactiveType: withHeader, headerType: ['text'] } },
	},
	...updateDisplayOptions({ show: { interactiveType: withMediaHeader } }, headerMediaProperties),
	{
		displayName: 'Body Text',
		name: 'bodyText',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description:
			'The message, up to 1024 characters. WhatsApp formatting works: *bold*, _italic_, ~strike~.',
		displayOptions: { hide: { interactiveType: ['product'] } },
	},
	{
		displayName: 'Footer Text',
		name: 'footerText',
		type: 'string',
		default: '',
		description: 'Small grey text below the body, up to 60 characters',
		hint: `Up to ${LIMITS.interactiveFooter} characters`,
		displayOptions: { show: { interactiveType: withFooter } },
	},
	...carouselProperties,
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true, maxAllowedFields: 3 },
		placeholder: 'Add Button',
		default: {},
		required: true,
		description:
			"Up to 3 reply buttons. The tapped button's ID and title come back in the 360dialog Trigger.",
		displayOptions: { show: { interactiveType: ['button'] } },
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: choiceFields('button', LIMITS.buttonTitle, LIMITS.buttonId),
			},
		],
	},
	{
		displayName: 'Menu Button Label',
		name: 'listButtonLabel',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'See options',
		description: 'The button that opens the list, up to 20 characters',
		hint: `Up to ${LIMITS.listButtonLabel} characters`,
		displayOptions: { show: { interactiveType: ['list'] } },
	},
	{
		displayName: 'Sections',
		name: 'sections',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Section',
		default: {},
		required: true,
		description:
			"The list's rows, grouped in sections: up to 10 rows in all. A list with several sections needs a title on each.",
		displayOptions: { show: { interactiveType: ['list'] } },
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
						description: 'Up to 24 characters; needed when the list has more than one section',
						hint: `Up to ${LIMITS.listSectionTitle} characters`,
					},
					{
						displayName: 'Rows',
						name: 'rows',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true, sortable: true },
						placeholder: 'Add Row',
						default: {},
						options: [
							{
								displayName: 'Row',
								name: 'row',
								values: choiceFields('row', LIMITS.listRowTitle, LIMITS.listRowId, {
									displayName: 'Description',
									name: 'description',
									type: 'string',
									default: '',
									description: 'Optional grey text under the title, up to 72 characters',
									hint: `Up to ${LIMITS.listRowDescription} characters`,
								}),
							},
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Button Text',
		name: 'ctaDisplayText',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Track your order',
		description: 'The text on the button, up to 20 characters',
		hint: `Up to ${LIMITS.ctaDisplayText} characters`,
		displayOptions: { show: { interactiveType: ['cta_url'] } },
	},
	{
		displayName: 'URL',
		name: 'ctaUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/orders/12345',
		description: 'The address the button opens, starting with https://',
		displayOptions: { show: { interactiveType: ['cta_url'] } },
	},
	{
		displayName: 'Identify Flow By',
		name: 'flowIdentifyBy',
		type: 'options',
		options: [
			{ name: 'Flow ID', value: 'id' },
			{ name: 'Flow Name', value: 'name' },
		],
		default: 'id',
		displayOptions: { show: { interactiveType: ['flow'] } },
	},
	{
		displayName: 'Flow ID',
		name: 'flowId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '1234567890123456',
		description: "The flow's ID from WhatsApp Manager",
		displayOptions: { show: { interactiveType: ['flow'], flowIdentifyBy: ['id'] } },
	},
	{
		displayName: 'Flow Name',
		name: 'flowName',
		type: 'string',
		default: '',
		required: true,
		description: "The flow's name as shown in WhatsApp Manager",
		displayOptions: { show: { interactiveType: ['flow'], flowIdentifyBy: ['name'] } },
	},
	{
		displayName: 'Flow Button Text',
		name: 'flowCta',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Book now',
		description: 'The text on the button that opens the flow, up to 30 characters, no emoji',
		hint: `Up to ${LIMITS.flowCta} characters, no emoji`,
		displayOptions: { show: { interactiveType: ['flow'] } },
	},
	{
		displayName: 'First Action',
		name: 'flowAction',
		type: 'options',
		options: [
			{
				name: 'Data Exchange',
				value: 'data_exchange',
				description: 'Your flow endpoint decides the first screen',
			},
			{ name: 'Navigate', value: 'navigate', description: 'Open a given screen of the flow' },
		],
		default: 'navigate',
		displayOptions: { show: { interactiveType: ['flow'] } },
	},
	{
		displayName: 'First Screen',
		name: 'flowScreen',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'WELCOME_SCREEN',
		description: 'The ID of the screen the flow opens on',
		displayOptions: { show: { interactiveType: ['flow'], flowAction: ['navigate'] } },
	},
	{
		displayName: 'Screen Data (JSON)',
		name: 'flowData',
		type: 'json',
		default: '{}',
		description: 'Optional data for the first screen, as a JSON object',
		displayOptions: { show: { interactiveType: ['flow'], flowAction: ['navigate'] } },
	},
	{
		displayName: 'Flow Token',
		name: 'flowToken',
		// A label WhatsApp echoes back to the flow endpoint, not a secret: it stays readable.
		// eslint-disable-next-line n8n-nodes-base/node-param-type-options-password-missing
		type: 'string',
		default: 'unused',
		description:
			'Identifies this flow session in your flow endpoint\'s requests; keep "unused" if you have no endpoint',
		displayOptions: { show: { interactiveType: ['flow'] } },
	},
	...signedFlowTokenProperties,
	{
		displayName: 'Flow Mode',
		name: 'flowMode',
		type: 'options',
		options: [
			{ name: 'Draft', value: 'draft', description: 'Send a flow not yet published, for testing' },
			{ name: 'Published', value: 'published' },
		],
		default: 'published',
		displayOptions: { show: { interactiveType: ['flow'] } },
	},
];

export const recipient = 'required';

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendInteractive'] } },
	properties,
);

function entries(this: IExecuteFunctions, path: string, i: number): IDataObject[] {
	return this.getNodeParameter(path, i, []) as IDataObject[];
}

function readFlow(this: IExecuteFunctions, i: number, signedToken?: string): FlowInput {
	const byName = this.getNodeParameter('flowIdentifyBy', i, 'id') === 'name';
	const action = this.getNodeParameter('flowAction', i, 'navigate') as FlowInput['action'];
	return {
		...(byName
			? { flowName: this.getNodeParameter('flowName', i, '') as string }
			: { flowId: this.getNodeParameter('flowId', i, '') as string }),
		cta: this.getNodeParameter('flowCta', i, '') as string,
		token: signedToken ?? (this.getNodeParameter('flowToken', i, 'unused') as string),
		mode: this.getNodeParameter('flowMode', i, 'published') as FlowInput['mode'],
		action,
		...(action === 'navigate'
			? {
					screen: this.getNodeParameter('flowScreen', i, '') as string,
					data: this.getNodeParameter('flowData', i, ''),
				}
			: {}),
	};
}

function readInput(this: IExecuteFunctions, i: number, signedToken?: string): InteractiveInput {
	const type = this.getNodeParameter('interactiveType', i) as InteractiveType;
	if (type === 'product' || type === 'product_list' || type === 'catalog_message')
		return readCommerceInput.call(this, i, type);
	if (type === 'carousel') return readCarouselInput.call(this, i);
	const body = this.getNodeParameter('bodyText', i, '') as string;
	if (
		type === 'location_request_message' ||
		type === 'call_permission_request' ||
		type === 'request_contact_info'
	)
		return { type, body };
	const shared = {
		body,
		header: readMessageHeader.call(this, i),
		footer: this.getNodeParameter('footerText', i, '') as string,
	};
	switch (type) {
		case 'button':
			return {
				...shared,
				type,
				buttons: entries.call(this, 'buttons.button', i) as Array<{ id?: string; title: string }>,
			};
		case 'list':
			return {
				...shared,
				type,
				buttonLabel: this.getNodeParameter('listButtonLabel', i, '') as string,
				sections: entries.call(this, 'sections.section', i).map((section) => ({
					title: section.title as string | undefined,
					rows: collectionRows(section.rows, 'row') as Array<{
						id?: string;
						title: string;
						description?: string;
					}>,
				})),
			};
		case 'cta_url':
			return {
				...shared,
				type,
				displayText: this.getNodeParameter('ctaDisplayText', i, '') as string,
				url: this.getNodeParameter('ctaUrl', i, '') as string,
			};
		default:
			return { ...shared, type: 'flow', flow: readFlow.call(this, i, signedToken) };
	}
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<PreparedSend> {
	const signedToken = await signedFlowToken.call(
		this,
		i,
		readRecipient.call(this, i),
		this.getNodeParameter('flowToken', i, '') as string,
	);
	return prepareMessage.call(this, i, 'interactive', () =>
		buildInteractiveMessage(readInput.call(this, i, signedToken)),
	);
}

export const execute = executePrepared(prepare);
