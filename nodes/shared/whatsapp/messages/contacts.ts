/** Contact cards: from the node's fields, or from JSON for everything the fields do not cover (addresses, prefixes, ...). */
import { isJsonObject } from '../json';
import { checkCount, parseJsonField, PayloadError, requireText } from '../validation';

export const PHONE_TYPES = ['CELL', 'MAIN', 'IPHONE', 'HOME', 'WORK'] as const;
export const MAX_CONTACTS = 257;

export interface ContactInput {
	formattedName: string;
	firstName?: string;
	lastName?: string;
	phones?: Array<{ phone?: string; type?: string; waId?: string }>;
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

/** One contact card from the node's fields. */
export function buildContact(input: ContactInput, index = 0): ContactObject {
	const label = `Contact ${index + 1}`;
	const formattedName = requireText(
		trimmed(input.formattedName),
		'contacts',
		`${label}: Formatted Name`,
	).trim();
	const name: ContactObject['name'] = {
		formatted_name: formattedName,
		...compact({ first_name: trimmed(input.firstName), last_name: trimmed(input.lastName) }),
	};
	// WhatsApp wants a name part besides the formatted name; the formatted name is the honest stand-in.
	if (!name.first_name && !name.last_name) name.first_name = formattedName;
	const contact: ContactObject = { name };
	const phones = buildPhones(input.phones, label);
	if (phones.length) contact.phones = phones;
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
export function buildContactsMessage(contacts: ContactInput[]): ContactObject[] {
	checkCount(contacts, MAX_CONTACTS, 'contacts', 'Contacts');
	return contacts.map((contact, index) => buildContact(contact, index));
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
