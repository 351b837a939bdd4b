/**
 * The Account resource run through n8n-core against the emulator over loopback HTTP: health status with its
 * reasons, the phone number, the business profile (fields and a photo from binary data), and the block list.
 */
import { ensureBinaryData, runActionNode } from '../../helpers/engine';
import { startEmulator, type Emulator } from '../../../emulator';

const KEY = 'account-key';
let emu: Emulator;

beforeAll(async () => await ensureBinaryData());
beforeEach(async () => {
	emu = await startEmulator({ numbers: [{ apiKey: KEY }] });
});
afterEach(async () => await emu.close());

const run = (operation: string, parameters: Record<string, unknown> = {}, items = [{ json: {} }]) =>
	runActionNode({ resource: 'account', operation, ...parameters }, items as never, {
		baseUrl: emu.url,
		apiKey: KEY,
	});

const { phoneNumberId, wabaId } = { phoneNumberId: '100000000000001', wabaId: '200000000000001' };

describe('Get Health Status', () => {
	test('a healthy number: every entity can send', async () => {
		const { items } = await run('getHealthStatus');
		expect(items[0].json).toMatchObject({
			canSendMessage: 'AVAILABLE',
			canSend: true,
			phoneNumberId,
			phoneNumber: { id: phoneNumberId, canSend: true },
			waba: { id: wabaId, canSend: true },
			business: { canSend: true },
			reasons: [],
		});
	});

	test('a blocked WABA and a limited number: who cannot send, and why', async () => {
		emu.configureAccount({
			health: {
				WABA: {
					canSendMessage: 'BLOCKED',
					errors: [
						{
							error_code: 141006,
							error_description: 'There is an error with the payment method.',
							possible_solution: 'Add a new payment method to the account.',
						},
					],
				},
				PHONE_NUMBER: { canSendMessage: 'LIMITED', additionalInfo: ['Messaging limit reached'] },
			},
		});
		const { items } = await run('getHealthStatus');
		expect(items[0].json).toMatchObject({
			canSendMessage: 'BLOCKED',
			canSend: false,
			phoneNumber: { canSendMessage: 'LIMITED', canSend: true },
			waba: { canSendMessage: 'BLOCKED', canSend: false },
			reasons: [
				'PHONE_NUMBER LIMITED: Messaging limit reached',
				'WABA BLOCKED (#141006): There is an error with the payment method. — Add a new payment method to the account.',
			],
		});
	});
});

test('Get Phone Number gives the number the key sends from', async () => {
	const { items } = await run('getPhoneNumber');
	expect(items[0].json).toMatchObject({
		phoneNumber: '15550001111',
		phoneNumberId,
		verifiedName: 'Emulator Business',
		qualityRating: 'GREEN',
	});
});

describe('Business profile', () => {
	const profilePosts = () =>
		emu.requests.filter(
			(request) => request.method === 'POST' && request.path === '/whatsapp_business_profile',
		);

	test('Get gives the profile by n8n names', async () => {
		const { items } = await run('getBusinessProfile');
		expect(items[0].json).toEqual({
			about: 'Hello from WhatsApp',
			address: '',
			description: '',
			email: '',
			vertical: 'OTHER',
			websites: [],
			profilePictureUrl: '',
		});
	});

	test('Update sends only the fields given and answers the profile as it now is', async () => {
		const { items, error } = await run('updateBusinessProfile', {
			updateFields: {
				description: 'Bikes and repairs',
				email: 'shop@example.com',
				vertical: 'RETAIL',
				websites: ['https://example.com', 'https://example.com/shop'],
			},
		});
		expect(error('360dialog')).toBeUndefined();
		expect(profilePosts().map((request) => request.body)).toEqual([
			{
				messaging_product: 'whatsapp',
				description: 'Bikes and repairs',
				email: 'shop@example.com',
				websites: ['https://example.com', 'https://example.com/shop'],
				vertical: 'RETAIL',
			},
		]);
		expect(items[0].json).toMatchObject({
			about: 'Hello from WhatsApp',
			description: 'Bikes and repairs',
			vertical: 'RETAIL',
			websites: ['https://example.com', 'https://example.com/shop'],
			updatedFields: ['description', 'email', 'websites', 'vertical'],
		});
	});

	const photoItem = (mimeType = 'image/png') => [
		{
			json: {},
			binary: {
				photo: {
					data: Buffer.from('PNG bytes of a logo').toString('base64'),
					mimeType,
					fileName: 'logo.png',
				},
			},
		},
	];

	test('a photo from binary goes up through the Resumable Upload API and its handle into the profile', async () => {
		const { items, error } = await run(
			'updateBusinessProfile',
			{ setProfilePhoto: true, photoBinaryPropertyName: 'photo' },
			photoItem(),
		);
		expect(error('360dialog')).toBeUndefined();
		const paths = emu.requests.map((request) => `${request.method} ${request.path}`);
		expect(paths.slice(0, 3)).toEqual([
			'POST /uploads',
			expect.stringMatching(/^POST \/upload:[0-9a-f]+$/),
			'POST /whatsapp_business_profile',
		]);
		expect(emu.requests[0].query).toMatchObject({ file_type: 'image/png', file_name: 'logo.png' });
		expect(emu.requests[1].body).toEqual({ bytes: 'PNG bytes of a logo'.length });
		expect(profilePosts()[0].body).toEqual({
			messaging_product: 'whatsapp',
			profile_picture_handle: expect.stringMatching(/^4:/),
		});
		expect(items[0].json).toMatchObject({
			profilePictureUrl: expect.stringMatching(/^https:\/\/pps\.whatsapp\.net\//),
			updatedFields: ['profilePhoto'],
		});
	});

	test('a key without upload permission: the item says where to set the photo, and nothing changes', async () => {
		emu.configureAccount({ uploadsAllowed: false });
		const { error } = await run(
			'updateBusinessProfile',
			{ setProfilePhoto: true, photoBinaryPropertyName: 'photo', updateFields: { about: 'New' } },
			photoItem(),
		);
		expect(error('360dialog')?.message).toBe(
			"This number's API key may not upload the profile photo (360dialog answered 403 for the Resumable Upload API)",
		);
		expect(error('360dialog')?.description).toMatch(/360dialog Hub.*Nothing was changed/);
		expect(profilePosts()).toHaveLength(0);
	});

	test('a GIF is refused before anything is uploaded', async () => {
		const { error } = await run(
			'updateBusinessProfile',
			{ setProfilePhoto: true, photoBinaryPropertyName: 'photo' },
			photoItem('image/gif'),
		);
		expect(error('360dialog')?.message).toMatch(/JPEG or PNG/);
		expect(emu.requests).toHaveLength(0);
	});
});

describe('Block list', () => {
	const contacts = (count: number) =>
		Array.from({ length: count }, (_, index) => `4915100${String(index).padStart(5, '0')}`);

	function wroteRecently(waIds: string[]) {
		for (const waId of waIds) emu.setContactWindow({ waId, lastInboundHoursAgo: 1 });
	}

	test('Block, List and Unblock: one item per user', async () => {
		const users = contacts(3);
		wroteRecently(users);
		const blocked = await run('blockUsers', { users: users.map((user) => `+${user}`).join(', ') });
		expect(blocked.error('360dialog')).toBeUndefined();
		expect(blocked.items.map((item) => item.json)).toEqual(
			users.map((user) => ({ waId: user, input: user, blocked: true })),
		);
		expect(emu.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			block_users: users.map((user) => ({ user })),
		});

		const listed = await run('listBlockedUsers', { returnAll: true });
		expect(listed.items.map((item) => item.json.waId)).toEqual(users);

		const unblocked = await run('unblockUsers', { users: users[0] });
		expect(unblocked.items.map((item) => item.json)).toEqual([
			{ waId: users[0], input: users[0], unblocked: true },
		]);
		const after = await run('listBlockedUsers', { returnAll: true });
		expect(after.items.map((item) => item.json.waId)).toEqual(users.slice(1));
	});

	test('List walks the cursor pages for Return All, and stops at a Limit', async () => {
		const users = contacts(130);
		wroteRecently(users);
		expect((await run('blockUsers', { users: users.join(',') })).items).toHaveLength(130);
		emu.requests.length = 0;

		const all = await run('listBlockedUsers', { returnAll: true });
		expect(all.items.map((item) => item.json.waId)).toEqual(users);
		const calls = emu.requests.filter((request) => request.path === '/block_users');
		expect(calls.map((request) => request.query.limit)).toEqual(['100', '100']);
		expect(calls[1].query.after).toEqual(expect.any(String));

		emu.requests.length = 0;
		const some = await run('listBlockedUsers', { returnAll: false, limit: 10 });
		expect(some.items.map((item) => item.json.waId)).toEqual(users.slice(0, 10));
		expect(emu.requests.map((request) => request.query.limit)).toEqual(['10']);
	});

	test('a user who has not written in 24 hours fails the item, naming who was blocked and who not', async () => {
		const [recent, silent] = contacts(2);
		wroteRecently([recent]);
		const { error } = await run('blockUsers', { users: `${recent}, ${silent}` });
		expect(error('360dialog')?.message).toBe(
			`1 of 2 users could not be blocked: ${silent}: Re-engagement required: User has not messaged in the last 24 hours (only users who wrote to this number in the last 24 hours can be blocked)`,
		);
		expect(error('360dialog')?.description).toMatch(new RegExp(`These were blocked: ${recent}`));
	});

	test('text that is not a phone number fails the item before anything is sent', async () => {
		const { error } = await run('blockUsers', { users: 'call me maybe' });
		expect(error('360dialog')?.message).toBe('"call me maybe" is not a phone number');
		expect(emu.requests).toHaveLength(0);
	});
});
