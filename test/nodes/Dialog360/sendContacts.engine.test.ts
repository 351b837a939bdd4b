import { runActionNode } from '../../helpers/engine';
import { startRecordingServer, type RecordingServer } from '../../helpers/recordingServer';

const envelope = {
	messaging_product: 'whatsapp',
	recipient_type: 'individual',
	to: '4915112345678',
};

describe('Send Contacts through the n8n engine', () => {
	let server: RecordingServer;
	beforeEach(async () => {
		server = await startRecordingServer();
	});
	afterEach(async () => await server.close());

	test("contact cards from the fields are posted in WhatsApp's shape", async () => {
		const { error } = await runActionNode(
			{
				resource: 'message',
				operation: 'sendContacts',
				phoneNumber: '+4915112345678',
				contactsInput: 'fields',
				contacts: {
					contact: [
						{
							formattedName: 'Jane Doe',
							firstName: 'Jane',
							lastName: 'Doe',
							phones: {
								phone: [
									{ phone: '+49 151 1111111', type: 'WORK', waId: '491511111111' },
									{ phone: '+49 30 222', type: 'HOME' },
								],
							},
							emails: { email: [{ email: 'jane@example.com', type: 'WORK' }] },
							company: 'Acme',
							department: 'Sales',
							title: 'Head of Sales',
							urls: { url: [{ url: 'https://acme.example', type: 'WORK' }] },
							birthday: '1990-04-23',
						},
						{
							formattedName: 'Support Line',
							phones: { phone: [{ phone: '+49 800 123', type: 'MAIN' }] },
						},
					],
				},
			},
			[{ json: {} }],
			{ baseUrl: server.url, apiKey: 'key-c' },
		);
		expect(error('360dialog')).toBeUndefined();
		const [request] = server.requests;
		expect(request).toMatchObject({ method: 'POST', path: '/messages' });
		expect(request.headers['d360-api-key']).toBe('key-c');
		expect(request.json).toEqual({
			...envelope,
			type: 'contacts',
			contacts: [
				{
					name: { formatted_name: 'Jane Doe', first_name: 'Jane', last_name: 'Doe' },
					phones: [
						{ phone: '+49 151 1111111', type: 'WORK', wa_id: '491511111111' },
						{ phone: '+49 30 222', type: 'HOME' },
					],
					emails: [{ email: 'jane@example.com', type: 'WORK' }],
					org: { company: 'Acme', department: 'Sales', title: 'Head of Sales' },
					urls: [{ url: 'https://acme.example', type: 'WORK' }],
					birthday: '1990-04-23',
				},
				{
					name: { formatted_name: 'Support Line', first_name: 'Support Line' },
					phones: [{ phone: '+49 800 123', type: 'MAIN' }],
				},
			],
		});
	});

	test('contacts given as JSON are posted as given', async () => {
		const contacts = [
			{
				name: { formatted_name: 'Dr. Jane Doe', prefix: 'Dr.', first_name: 'Jane' },
				addresses: [
					{ street: 'Pariser Platz 1', city: 'Berlin', country_code: 'DE', type: 'WORK' },
				],
			},
		];
		const { error } = await runActionNode(
			{
				resource: 'message',
				operation: 'sendContacts',
				phoneNumber: '+4915112345678',
				contactsInput: 'json',
				contactsJson: JSON.stringify(contacts),
			},
			[{ json: {} }],
			{ baseUrl: server.url },
		);
		expect(error('360dialog')).toBeUndefined();
		expect(server.requests[0].json).toEqual({ ...envelope, type: 'contacts', contacts });
	});

	test('a birthday that is not YYYY-MM-DD fails the item with no request sent', async () => {
		const { error } = await runActionNode(
			{
				resource: 'message',
				operation: 'sendContacts',
				phoneNumber: '+4915112345678',
				contacts: { contact: [{ formattedName: 'Jane', birthday: '23.04.1990' }] },
			},
			[{ json: {} }],
			{ baseUrl: server.url },
		);
		expect(server.requests).toHaveLength(0);
		expect(error('360dialog')?.message).toMatch(
			/Contact 1: Birthday "23\.04\.1990" is not a date written YYYY-MM-DD/,
		);
	});
});
