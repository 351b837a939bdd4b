import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	buildContactsMessage,
	parseContactsJson,
} from '../../../shared/whatsapp/messages/contacts';
import type { ContactInput } from '../../../shared/whatsapp/messages/contacts';
import { prepareMessage } from '../helpers/send';
import type { PreparedSend } from '../operation';
import { collectionRows, executePrepared } from '../operation';

const homeOrWorkType: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: [
		{ name: 'Home', value: 'HOME' },
		{ name: 'Work', value: 'WORK' },
	],
	default: 'WORK',
};

/** A list of values that each have a type: phone numbers, e-mail addresses, websites. */
function typedList(
	displayName: string,
	name: string,
	item: { displayName: string; name: string; placeholder: string },
	typeProperty: INodeProperties,
	...more: INodeProperties[]
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: `Add ${item.displayName}`,
		default: {},
		options: [
			{
				displayName: item.displayName,
				name: item.name,
				values: [{ ...item, type: 'string', default: '' }, typeProperty, ...more],
			},
		],
	};
}

const text = (displayName: string, name: string, placeholder: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder,
});

const addressFields: INodeProperties = {
	displayName: 'Addresses',
	name: 'addresses',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Address',
	default: {},
	options: [
		{
			displayName: 'Address',
			name: 'address',
			values: [
				text('Street', 'street', '1 Hacker Way'),
				text('City', 'city', 'Menlo Park'),
				text('State', 'state', 'CA'),
				text('ZIP', 'zip', '94025'),
				text('Country', 'country', 'United States'),
				{
					...text('Country Code', 'countryCode', 'US'),
					description: 'Two letters (ISO 3166-1), e.g. DE or US',
				},
				homeOrWorkType,
			],
		},
	],
};

const contactFields: INodeProperties[] = [
	{
		displayName: 'Formatted Name',
		name: 'formattedName',
		type: 'string',
		default: '',
		placeholder: 'Jane Doe',
		description:
			'The full name as the contact card shows it. From node version 1.1 on it may stay empty: it is then made from the name parts (prefix, first, middle, last, suffix).',
	},
	text('Name Prefix', 'prefix', 'Dr.'),
	text('First Name', 'firstName', 'Jane'),
	text('Middle Name', 'middleName', 'Ann'),
	text('Last Name', 'lastName', 'Doe'),
	text('Name Suffix', 'suffix', 'Jr.'),
	typedList(
		'Phones',
		'phones',
		{ displayName: 'Phone', name: 'phone', placeholder: '+49 151 12345678' },
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Cell', value: 'CELL' },
				{ name: 'Home', value: 'HOME' },
				{ name: 'iPhone', value: 'IPHONE' },
				{ name: 'Main', value: 'MAIN' },
				{ name: 'Work', value: 'WORK' },
			],
			default: 'CELL',
		},
		{
			displayName: 'WhatsApp ID',
			name: 'waId',
			type: 'string',
			default: '',
			placeholder: '4915112345678',
			description:
				'The number\'s WhatsApp ID (digits only). With it, the card shows a "Message" button.',
		},
	),
	addressFields,
	typedList(
		'Emails',
		'emails',
		{ displayName: 'Email', name: 'email', placeholder: 'name@email.com' },
		homeOrWorkType,
	),
	{ displayName: 'Company', name: 'company', type: 'string', default: '' },
	{ displayName: 'Department', name: 'department', type: 'string', default: '' },
	{ displayName: 'Job Title', name: 'title', type: 'string', default: '' },
	typedList(
		'Websites',
		'urls',
		{ displayName: 'URL', name: 'url', placeholder: 'https://example.com' },
		homeOrWorkType,
	),
	{
		displayName: 'Birthday',
		name: 'birthday',
		type: 'string',
		default: '',
		placeholder: '1990-04-23',
		description: 'Written YYYY-MM-DD',
	},
];

const properties: INodeProperties[] = [
	{
		displayName: 'Define Contacts',
		name: 'contactsInput',
		type: 'options',
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{
				name: 'Using JSON',
				value: 'json',
				description: "Contact objects in WhatsApp's own shape, e.g. from an expression",
			},
		],
		default: 'fields',
	},
	{
		displayName: 'Contacts',
		name: 'contacts',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Contact',
		default: {},
		displayOptions: { show: { contactsInput: ['fields'] } },
		options: [{ displayName: 'Contact', name: 'contact', values: contactFields }],
	},
	{
		displayName: 'Contacts JSON',
		name: 'contactsJson',
		type: 'json',
		default:
			'[\n  {\n    "name": { "formatted_name": "Jane Doe", "first_name": "Jane", "last_name": "Doe" },\n    "phones": [{ "phone": "+49 151 12345678", "type": "CELL", "wa_id": "4915112345678" }]\n  }\n]',
		required: true,
		description:
			"An array of contact objects in WhatsApp's shape (name, phones, emails, addresses, org, URLs, birthday), up to 257. Every contact needs name.formatted_name.",
		displayOptions: { show: { contactsInput: ['json'] } },
	},
];

export const recipient = 'required';

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendContacts'] } },
	properties,
);

function toContactInput(row: IDataObject): ContactInput {
	return {
		formattedName: row.formattedName as string,
		prefix: row.prefix as string,
		firstName: row.firstName as string,
		middleName: row.middleName as string,
		lastName: row.lastName as string,
		suffix: row.suffix as string,
		addresses: collectionRows(row.addresses, 'address').map((address) => ({
			street: address.street as string,
			city: address.city as string,
			state: address.state as string,
			zip: address.zip as string,
			country: address.country as string,
			countryCode: address.countryCode as string,
			type: address.type as string,
		})),
		phones: collectionRows(row.phones, 'phone').map((phone) => ({
			phone: phone.phone as string,
			type: phone.type as string,
			waId: phone.waId as string,
		})),
		emails: collectionRows(row.emails, 'email').map((email) => ({
			email: email.email as string,
			type: email.type as string,
		})),
		organization: {
			company: row.company as string,
			department: row.department as string,
			title: row.title as string,
		},
		urls: collectionRows(row.urls, 'url').map((url) => ({
			url: url.url as string,
			type: url.type as string,
		})),
		birthday: row.birthday as string,
	};
}

export function prepare(this: IExecuteFunctions, i: number): PreparedSend {
	const input = this.getNodeParameter('contactsInput', i, 'fields') as string;
	return prepareMessage.call(this, i, 'contacts', () =>
		input === 'json'
			? parseContactsJson(this.getNodeParameter('contactsJson', i))
			: buildContactsMessage(
					collectionRows(this.getNodeParameter('contacts', i, {}), 'contact').map(toContactInput),
					// Version 1 sent the formatted name as the first name when no name part was given.
					{ formattedNameAsFirstName: this.getNode().typeVersion < 1.1 },
				),
	);
}

export const execute = executePrepared(prepare);
