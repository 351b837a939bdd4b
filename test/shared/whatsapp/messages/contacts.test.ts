import {
	buildContactsMessage,
	parseContactsJson,
	requireBirthday,
} from '../../../../nodes/shared/whatsapp/messages/contacts';

describe('buildContactsMessage', () => {
	test("a full contact is written in WhatsApp's shape", () => {
		expect(
			buildContactsMessage([
				{
					formattedName: 'Jane Doe',
					firstName: 'Jane',
					lastName: 'Doe',
					phones: [{ phone: '+49 151 1', type: 'cell', waId: '491511' }],
					emails: [{ email: 'jane@example.com', type: 'HOME' }],
					organization: { company: 'Acme', department: '', title: 'CEO' },
					urls: [{ url: 'https://acme.example', type: 'WORK' }],
					birthday: '1990-04-23',
				},
			]),
		).toEqual([
			{
				name: { formatted_name: 'Jane Doe', first_name: 'Jane', last_name: 'Doe' },
				phones: [{ phone: '+49 151 1', type: 'CELL', wa_id: '491511' }],
				emails: [{ email: 'jane@example.com', type: 'HOME' }],
				org: { company: 'Acme', title: 'CEO' },
				urls: [{ url: 'https://acme.example', type: 'WORK' }],
				birthday: '1990-04-23',
			},
		]);
	});

	test('version 1: a contact with only a formatted name also sends it as the first name', () => {
		expect(
			buildContactsMessage([{ formattedName: 'Support' }], { formattedNameAsFirstName: true }),
		).toEqual([{ name: { formatted_name: 'Support', first_name: 'Support' } }]);
	});

	test('version 1.1: the formatted name is never sent as the first name', () => {
		expect(buildContactsMessage([{ formattedName: 'Support' }])).toEqual([
			{ name: { formatted_name: 'Support' } },
		]);
	});

	test('every name part goes under its own key', () => {
		expect(
			buildContactsMessage([
				{
					formattedName: 'Dr. Barbara J. Johnson Esq.',
					prefix: 'Dr.',
					firstName: 'Barbara',
					middleName: 'Joana',
					lastName: 'Johnson',
					suffix: 'Esq.',
				},
			]),
		).toEqual([
			{
				name: {
					formatted_name: 'Dr. Barbara J. Johnson Esq.',
					prefix: 'Dr.',
					first_name: 'Barbara',
					middle_name: 'Joana',
					last_name: 'Johnson',
					suffix: 'Esq.',
				},
			},
		]);
	});

	test('version 1.1: an empty formatted name is made from the name parts in order', () => {
		expect(
			buildContactsMessage([{ prefix: 'Dr.', firstName: ' Ann ', lastName: 'Lee', suffix: 'PhD' }]),
		).toEqual([
			{
				name: {
					formatted_name: 'Dr. Ann Lee PhD',
					prefix: 'Dr.',
					first_name: 'Ann',
					last_name: 'Lee',
					suffix: 'PhD',
				},
			},
		]);
	});

	test('version 1 still needs the formatted name, even with name parts', () => {
		expect(() =>
			buildContactsMessage([{ firstName: 'Ann' }], { formattedNameAsFirstName: true }),
		).toThrow('Contact 1: Formatted Name is empty');
	});

	test("addresses in WhatsApp's shape, the country code and type upper-cased", () => {
		expect(
			buildContactsMessage([
				{
					formattedName: 'Jane',
					addresses: [
						{
							street: '1 Hacker Way',
							city: 'Menlo Park',
							state: 'CA',
							zip: '94025',
							country: 'United States',
							countryCode: 'us',
							type: 'home',
						},
						{ city: 'Berlin', type: 'WORK' },
						{ street: ' ', type: 'HOME' },
					],
				},
			])[0].addresses,
		).toEqual([
			{
				street: '1 Hacker Way',
				city: 'Menlo Park',
				state: 'CA',
				zip: '94025',
				country: 'United States',
				country_code: 'US',
				type: 'HOME',
			},
			{ city: 'Berlin', type: 'WORK' },
		]);
	});

	test('a country code that is not two letters is refused, naming the address', () => {
		expect(() =>
			buildContactsMessage([
				{ formattedName: 'A' },
				{ formattedName: 'B', addresses: [{ city: 'X' }, { city: 'Y', countryCode: 'DEU' }] },
			]),
		).toThrow('Contact 2, address 2: "DEU" is not a two-letter country code');
	});

	test('an address type WhatsApp does not know is refused', () => {
		expect(() =>
			buildContactsMessage([{ formattedName: 'A', addresses: [{ city: 'X', type: 'OFFICE' }] }]),
		).toThrow('Contact 1, address 1: "OFFICE" is not an address type');
	});

	test('every phone type WhatsApp knows is accepted, with its WhatsApp ID', () => {
		const phones = ['CELL', 'MAIN', 'IPHONE', 'HOME', 'WORK'].map((type, at) => ({
			phone: `+4915100${at}`,
			type: type.toLowerCase(),
			waId: `4915100${at}`,
		}));
		expect(buildContactsMessage([{ formattedName: 'A', phones }])[0].phones).toEqual(
			phones.map((phone) => ({
				phone: phone.phone,
				type: phone.type.toUpperCase(),
				wa_id: phone.waId,
			})),
		);
	});

	test('empty rows and empty organization fields are left out', () => {
		expect(
			buildContactsMessage([
				{
					formattedName: 'A',
					lastName: 'A',
					phones: [{ phone: '', type: 'CELL' }],
					emails: [{ email: ' ' }],
					organization: {},
					urls: [],
				},
			]),
		).toEqual([{ name: { formatted_name: 'A', last_name: 'A' } }]);
	});

	test('a contact without a formatted name or name parts is refused', () => {
		expect(() => buildContactsMessage([{ formattedName: ' ' }])).toThrow(
			'Contact 1: Formatted Name is empty',
		);
	});

	test('a phone row with a WhatsApp ID but no number is refused', () => {
		expect(() =>
			buildContactsMessage([{ formattedName: 'A', phones: [{ waId: '49151' }] }]),
		).toThrow('Contact 1, phone 1 is empty');
	});

	test('a phone type WhatsApp does not know is refused', () => {
		expect(() =>
			buildContactsMessage([{ formattedName: 'A', phones: [{ phone: '1', type: 'FAX' }] }]),
		).toThrow(/"FAX" is not a phone type/);
	});

	test('a birthday that is not YYYY-MM-DD is refused', () => {
		expect(() =>
			buildContactsMessage([{ formattedName: 'A' }, { formattedName: 'B', birthday: '1990-4-23' }]),
		).toThrow('Contact 2: Birthday "1990-4-23" is not a date written YYYY-MM-DD');
	});

	test('no contacts, or more than 257, are refused', () => {
		expect(() => buildContactsMessage([])).toThrow(/at least 1/);
		expect(() =>
			buildContactsMessage(Array.from({ length: 258 }, () => ({ formattedName: 'A' }))),
		).toThrow(/at most 257/);
	});
});

describe('requireBirthday', () => {
	test('a birthday must be a real calendar date', () => {
		expect(requireBirthday('2000-02-29', 'birthday')).toBe('2000-02-29');
		expect(() => requireBirthday('2001-02-29', 'birthday')).toThrow(/YYYY-MM-DD/);
		expect(() => requireBirthday('1990-13-01', 'birthday')).toThrow(/YYYY-MM-DD/);
	});
});

describe('parseContactsJson', () => {
	const contact = {
		name: { formatted_name: 'Jane', prefix: 'Dr.' },
		addresses: [{ city: 'Berlin' }],
	};

	test('a JSON array of contacts is passed on as given', () => {
		expect(parseContactsJson(JSON.stringify([contact]))).toEqual([contact]);
	});

	test('an object from an expression counts as a list of one', () => {
		expect(parseContactsJson(contact)).toEqual([contact]);
	});

	test('text that is not JSON is refused', () => {
		expect(() => parseContactsJson('[{name:')).toThrow(/^Contacts JSON is not valid JSON: /);
	});

	test('JSON that is not a list or an object is refused', () => {
		expect(() => parseContactsJson('"Jane"')).toThrow(
			'The contacts JSON is not a list of contact objects',
		);
	});

	test('a contact without name.formatted_name is refused', () => {
		expect(() => parseContactsJson([contact, { name: { first_name: 'X' } }])).toThrow(
			'Contact 2 has no name.formatted_name',
		);
		expect(() => parseContactsJson(['Jane'])).toThrow('Contact 1 has no name.formatted_name');
	});

	test('a birthday in the JSON is checked too', () => {
		expect(() => parseContactsJson([{ ...contact, birthday: 'April 1st' }])).toThrow(
			/Contact 1: birthday "April 1st"/,
		);
	});
});
