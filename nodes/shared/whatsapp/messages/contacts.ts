/** Contact cards: from the node's fields (name parts, phones, e-mails, addresses, organisation, websites, birthday), or from JSON. */
import { isJsonObject } from '../json';
import { checkCount, parseJsonField, PayloadError, requireText } from '../validation';

export const PHONE_TYPES = ['CELL', 'MAIN', 'IPHONE', 'HOME', 'WORK'] as const;
export const MAX_CONTACTS = 257;

export const ADDRESS_TYPES = ['HOME', 'WORK'] as const;

export interface AddressInput {
	street?: string;
	city?: string;
	state?: string;
	zip?: string;
	country?: string;
	/** Two letters, e.g. DE. */
	countryCode?: string;
	type?: string;
}

export interface ContactInput {
	/** The name the card shows; when empty, made from the name parts (prefix first middle last suffix). */
	formattedName?: string;
	prefix?: string;
	firstName?: string;
	middleName?: string;
	lastName?: string;
	suffix?: string;
	phones?: Array<{ phone?: string; type?: string; waId?: string }>;
	addresses?: AddressInput[];
	emails?: Array<{ email?: string; type?: string }>;
	organization?: { company?: string; department?: string; title?: string };
	urls?: Array<{ url?: string; type?: string }>;
	birthday?: string;
}

export type ContactObject = Record<string, unknown> & {
	name: Record<string, unknown> & { formatted_name: string };
};

function trimmed(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** Only the keys that have a value. */
function compact<T extends Record<string, string | undefined>>(record: T): Partial<T> {
	return Object.fromEntries(Object.entries(record).filter(([, value]) => value)) as Partial<T>;
}

/** A birthday as WhatsApp wants it: a real date written YYYY-MM-DD. */
export function requireBirthday(value: unknown, field: string, label = 'Birthday'): string {
	const text = trimmed(value);
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	const date = match
		? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
		: undefined;
	if (!match || !date || date.toISOString().slice(0, 10) !== text) {
		throw new PayloadError(
			`${label} "${String(value)}" is not a date written YYYY-MM-DD`,
			field,
			'Write the birthday as year-month-day, e.g. 1990-04-23.',
		);
	}
	return text;
}

function buildPhones(phones: ContactInput['phones'], label: string): Array<Record<string, string>> {
	return (phones ?? [])
		.filter((row) => trimmed(row.phone) || trimmed(row.waId))
		.map((row, index) => {
			const phone = requireText(trimmed(row.phone), 'contacts', `${label}, phone ${index + 1}`);
			const type = trimmed(row.type).toUpperCase();
			if (type && !(PHONE_TYPES as readonly string[]).includes(type)) {
				throw new PayloadError(
					`${label}: "${row.type}" is not a phone type`,
					'contacts',
					`Use one of: ${PHONE_TYPES.join(', ')}.`,
				);
			}
			return compact({ phone, type, wa_id: trimmed(row.waId) }) as Record<string, string>;
		});
}

function buildTyped(
	rows: Array<Record<string, string | undefined>> | undefined,
	key: string,
): Array<Record<string, string>> {
	return (rows ?? [])
		.filter((row) => trimmed(row[key]))
		.map(
			(row) =>
				compact({ [key]: trimmed(row[key]), type: trimmed(row.type).toUpperCase() }) as Record<
					string,
					string
				>,
		);
}

function buildAddresses(
	addresses: AddressInput[] | undefined,
	label: string,
): Array<Record<string, string>> {
	const keys = ['street', 'city', 'state', 'zip', 'country', 'countryCode'] as const;
	return (addresses ?? [])
		.filter((address) => keys.some((key) => trimmed(address[key])))
		.map((address, at) => {
			const where = `${label}, address ${at + 1}`;
			const countryCode = trimmed(address.countryCode).toUpperCase();
			if (countryCode && !/^[A-Z]{2}$/.test(countryCode)) {
				throw new PayloadError(
					`${where}: "${address.countryCode}" is not a two-letter country code`,
					'contacts',
					'Write the country code as two letters, e.g. DE or US (or leave it empty).',
				);
			}
			const type = trimmed(address.type).toUpperCase();
			if (type && !(ADDRESS_TYPES as readonly string[]).includes(type)) {
				throw new PayloadError(
					`${where}: "${address.type}" is not an address type`,
					'contacts',
					`Use one of: ${ADDRESS_TYPES.join(', ')}.`,
				);
			}
			return compact({
				street: trimmed(address.street),
				city: trimmed(address.city),
				state: trimmed(address.state),
				zip: trimmed(address.zip),
				country: trimmed(address.country),
				country_code: countryCode,
				type,
			}) as Record<string, string>;
		});
}

export interface ContactOptions {
	/**
	 * Version 1 of the node sent the formatted name as the first name when no name part was given. Later
	 * versions send the name parts as given, and make the formatted name from them when it is empty.
	 */
	formattedNameAsFirstName?: boolean;
}

function buildName(input: ContactInput, label: string, options: ContactOptions) {
	const parts = compact({
		prefix: trimmed(input.prefix),
		first_name: trimmed(input.firstName),
		middle_name: trimmed(input.middleName),
		last_name: trimmed(input.lastName),
		suffix: trimmed(input.suffix),
	});
	const composed = [
		parts.prefix,
		parts.first_name,
		parts.middle_name,
		parts.last_name,
		parts.suffix,
	]
		.filter(Boolean)
		.join(' ');
	const given = trimmed(input.formattedName);
	if (!given && (options.formattedNameAsFirstName || !composed)) {
		throw new PayloadError(
			`${label}: Formatted Name is empty`,
			'contacts',
			options.formattedNameAsFirstName
				? 'Fill in "Formatted Name", the name the contact card shows.'
				: 'Fill in "Formatted Name" or at least one name part (first name, last name, ...).',
		);
	}
	const name: ContactObject['name'] = { formatted_name: given || composed, ...parts };
	if (options.formattedNameAsFirstName && !name.first_name && !name.last_name)
		name.first_name = name.formatted_name;
	return name;
}

/** One contact card from the node's fields. */
export function buildContact(
	input: ContactInput,
	index = 0,
	options: ContactOptions = {},
): ContactObject {
	const label = `Contact ${index + 1}`;
	const contact: ContactObject = { name: buildName(input, label, options) };
	const phones = buildPhones(input.phones, label);
	if (phones.length) contact.phones = phones;
	const addresses = buildAddresses(input.addresses, label);
	if (addresses.length) contact.addresses = addresses;
	const emails = buildTyped(input.emails, 'email');
	if (emails.length) contact.emails = emails;
	const org = compact({
		company: trimmed(input.organization?.company),
		department: trimmed(input.organization?.department),
		title: trimmed(input.organization?.title),
	});
	if (Object.keys(org).length) contact.org = org;
	const urls = buildTyped(input.urls, 'url');
	if (urls.length) contact.urls = urls;
	if (trimmed(input.birthday))
		contact.birthday = requireBirthday(input.birthday, 'contacts', `${label}: Birthday`);
	return contact;
}

/** The `contacts` array of a contacts message, from the node's fields. */
export function buildContactsMessage(
	contacts: ContactInput[],
	options: ContactOptions = {},
): ContactObject[] {
	checkCount(contacts, MAX_CONTACTS, 'contacts', 'Contacts');
	return contacts.map((contact, index) => buildContact(contact, index, options));
}

const JSON_EXAMPLE =
	'[{"name": {"formatted_name": "Jane Doe", "first_name": "Jane"}, "phones": [{"phone": "+4915112345678", "type": "CELL"}]}]';

/**
 * The `contacts` array from JSON (text or an object from an expression), in WhatsApp's own shape. One object
 * counts as a list of one. Checked: every card has `name.formatted_name`, and a birthday is a YYYY-MM-DD date.
 */
export function parseContactsJson(value: unknown): ContactObject[] {
	const parsed = parseJsonField(value, 'contactsJson', 'Contacts JSON', JSON_EXAMPLE);
	const list = isJsonObject(parsed) ? [parsed] : parsed;
	if (!Array.isArray(list)) {
		throw new PayloadError(
			'The contacts JSON is not a list of contact objects',
			'contactsJson',
			`Give a JSON array such as ${JSON_EXAMPLE}.`,
		);
	}
	checkCount(list, MAX_CONTACTS, 'contactsJson', 'Contacts');
	return list.map((contact, index) => {
		const label = `Contact ${index + 1}`;
		const name = isJsonObject(contact) ? contact.name : undefined;
		if (!isJsonObject(contact) || !isJsonObject(name) || trimmed(name.formatted_name) === '') {
			throw new PayloadError(
				`${label} has no name.formatted_name`,
				'contactsJson',
				'Give every contact a "name" object with a non-empty "formatted_name".',
			);
		}
		if (contact.birthday !== undefined)
			requireBirthday(contact.birthday, 'contactsJson', `${label}: birthday`);
		return contact as ContactObject;
	});
}
