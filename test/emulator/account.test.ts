import { startEmulator, type Emulator } from '../../emulator/index';
import { api, control, CUSTOMER, KEY, PHONE_NUMBER_ID, TEST_NUMBER, WABA_ID } from './testkit';

let emu: Emulator;
let clock: number;

beforeEach(async () => {
	clock = Date.UTC(2025, 5, 1, 12);
	emu = await startEmulator({ numbers: [TEST_NUMBER], now: () => clock });
});

afterEach(() => emu.close());

const PHOTO = Buffer.from(Array.from({ length: 300 }, (_, index) => (index * 7) % 256));

async function uploadBytes(session: string, bytes: Buffer, offset = 0) {
	const response = await fetch(`${emu.url}/${session}`, {
		method: 'POST',
		headers: { 'D360-API-KEY': KEY, 'content-type': 'image/jpeg', file_offset: String(offset) },
		body: bytes,
	});
	return { status: response.status, json: (await response.json()) as any };
}

describe('health status', () => {
	it('answers every entity AVAILABLE by default, the number and WABA with their ids', async () => {
		const answer = await api(emu, 'GET', '/health_status');
		expect(answer.status).toBe(200);
		expect(answer.json.id).toBe(PHONE_NUMBER_ID);
		expect(answer.json.health_status.can_send_message).toBe('AVAILABLE');
		expect(answer.json.health_status.entities.map((entity: any) => entity.entity_type)).toEqual([
			'PHONE_NUMBER',
			'WABA',
			'BUSINESS',
			'APP',
		]);
		expect(answer.json.health_status.entities[1]).toEqual({
			entity_type: 'WABA',
			id: WABA_ID,
			can_send_message: 'AVAILABLE',
		});
	});

	it('reports the worst entity overall, with errors for BLOCKED and additional_info for LIMITED', async () => {
		const blocked = {
			error_code: 141006,
			error_description: 'There is an error with the payment method.',
			possible_solution: 'Add a new payment method to the account.',
		};
		await control(emu, 'POST', '/account', {
			health: {
				WABA: { canSendMessage: 'BLOCKED', errors: [blocked] },
				PHONE_NUMBER: { canSendMessage: 'LIMITED', additionalInfo: ['Messaging limit reached'] },
			},
		});
		const { health_status: health } = (await api(emu, 'GET', '/health_status')).json;
		expect(health.can_send_message).toBe('BLOCKED');
		expect(health.entities[0]).toMatchObject({
			can_send_message: 'LIMITED',
			additional_info: ['Messaging limit reached'],
		});
		expect(health.entities[1]).toMatchObject({ can_send_message: 'BLOCKED', errors: [blocked] });

		emu.configureAccount({ health: { WABA: { canSendMessage: 'AVAILABLE' } } });
		expect((await api(emu, 'GET', '/health_status')).json.health_status.can_send_message).toBe(
			'LIMITED',
		);
		emu.reset();
		expect((await api(emu, 'GET', '/health_status')).json.health_status.can_send_message).toBe(
			'AVAILABLE',
		);
	});
});

describe('phone number', () => {
	it('answers the number the key belongs to', async () => {
		const answer = await api(emu, 'GET', '/v1/configs/phone_number');
		expect(answer.json).toMatchObject({
			id: PHONE_NUMBER_ID,
			phone_number: '15550001111',
			display_phone_number: '15550001111',
			quality_rating: 'GREEN',
		});
	});
});

describe('business profile', () => {
	const update = (body: Record<string, unknown>) =>
		api(emu, 'POST', '/whatsapp_business_profile', {
			body: { messaging_product: 'whatsapp', ...body },
		});

	it('changes only the fields given', async () => {
		expect((await update({ description: 'We sell bikes', vertical: 'RETAIL' })).json).toEqual({
			success: true,
		});
		const profile = (await api(emu, 'GET', '/whatsapp_business_profile')).json.data[0];
		expect(profile).toMatchObject({
			about: 'Hello from WhatsApp',
			description: 'We sell bikes',
			vertical: 'RETAIL',
			messaging_product: 'whatsapp',
		});
	});

	it.each([
		['an empty about', { about: '' }, "'about'"],
		['an about of 140 characters', { about: 'a'.repeat(140) }, "'about'"],
		['an address of 257 characters', { address: 'a'.repeat(257) }, "'address'"],
		['a description of 513 characters', { description: 'a'.repeat(513) }, "'description'"],
		['an email that is not one', { email: 'shop at example' }, "'email'"],
		[
			'three websites',
			{ websites: ['https://a.io', 'https://b.io', 'https://c.io'] },
			"'websites'",
		],
		['a website without scheme', { websites: ['example.com'] }, "'websites[0]'"],
		['an unknown vertical', { vertical: 'BIKES' }, "'vertical'"],
		['a handle nobody uploaded', { profile_picture_handle: '4:abc' }, "'profile_picture_handle'"],
	])('rejects %s with 400 / #100 naming the field', async (_label, body, field) => {
		const answer = await update(body);
		expect(answer.status).toBe(400);
		expect(answer.json.error.code).toBe(100);
		expect(answer.json.error.error_data.details).toContain(field);
	});

	it('sets the photo from a handle of the Resumable Upload API', async () => {
		const session = await api(
			emu,
			'POST',
			`/uploads?file_name=logo.jpg&file_length=${PHOTO.length}&file_type=image/jpeg`,
		);
		expect(session.json.id).toMatch(/^upload:[0-9a-f]+$/);
		expect((await uploadBytes(session.json.id, PHOTO.subarray(0, 100))).json).toEqual({
			id: session.json.id,
			file_offset: 100,
		});
		expect((await api(emu, 'GET', `/${session.json.id}`)).json.file_offset).toBe(100);
		expect((await uploadBytes(session.json.id, PHOTO.subarray(100), 0)).status).toBe(400);
		const done = await uploadBytes(session.json.id, PHOTO.subarray(100), 100);
		expect(done.json.h).toEqual(expect.any(String));

		expect((await update({ profile_picture_handle: done.json.h })).status).toBe(200);
		const profile = (await api(emu, 'GET', '/whatsapp_business_profile?fields=profile_picture_url'))
			.json.data[0];
		expect(profile.profile_picture_url).toMatch(/^https:\/\/pps\.whatsapp\.net\//);
		expect(
			emu.requests.find(
				(request) => request.method === 'POST' && request.path === `/${session.json.id}`,
			)?.body,
		).toEqual({ bytes: 100 });
	});

	it('refuses uploads with 403 for a key without that permission', async () => {
		emu.configureAccount({ uploadsAllowed: false });
		const answer = await api(
			emu,
			'POST',
			'/uploads?file_name=a.jpg&file_length=3&file_type=image/jpeg',
		);
		expect(answer.status).toBe(403);
		expect(answer.json.meta).toMatchObject({ success: false, http_code: 403 });
	});

	it('refuses a PDF as profile photo', async () => {
		const session = await api(
			emu,
			'POST',
			'/uploads?file_name=a.pdf&file_length=3&file_type=application/pdf',
		);
		const done = await uploadBytes(session.json.id, Buffer.from('pdf'));
		const answer = await update({ profile_picture_handle: done.json.h });
		expect(answer.status).toBe(400);
		expect(answer.json.error.error_data.details).toContain('JPEG or PNG');
	});
});

describe('block list', () => {
	const users = (...list: string[]) => ({
		body: { messaging_product: 'whatsapp', block_users: list.map((user) => ({ user })) },
	});

	it('blocks users who wrote in the last 24 hours, lists them in pages, and unblocks them', async () => {
		const contacts = Array.from({ length: 5 }, (_, index) => `49151000000${index}`);
		for (const waId of contacts) emu.setContactWindow({ waId, lastInboundHoursAgo: 1 });
		const blocked = await api(emu, 'POST', '/block_users', users(...contacts.map((c) => `+${c}`)));
		expect(blocked.status).toBe(200);
		expect(blocked.json.block_users.added_users[0]).toEqual({
			input: `+${contacts[0]}`,
			wa_id: contacts[0],
		});

		const first = (await api(emu, 'GET', '/block_users?limit=2')).json;
		expect(first.data[0].block_users.map((user: any) => user.wa_id)).toEqual(contacts.slice(0, 2));
		expect(first.paging.next).toEqual(expect.any(String));
		const second = (
			await api(emu, 'GET', `/block_users?limit=2&after=${first.paging.cursors.after}`)
		).json;
		expect(second.data[0].block_users.map((user: any) => user.wa_id)).toEqual(contacts.slice(2, 4));
		const last = (
			await api(emu, 'GET', `/block_users?limit=2&after=${second.paging.cursors.after}`)
		).json;
		expect(last.data[0].block_users.map((user: any) => user.wa_id)).toEqual(contacts.slice(4));
		expect(last.paging.next).toBeUndefined();
		const back = (
			await api(emu, 'GET', `/block_users?limit=2&before=${last.paging.cursors.before}`)
		).json;
		expect(back.data[0].block_users.map((user: any) => user.wa_id)).toEqual(contacts.slice(2, 4));

		const removed = await api(emu, 'DELETE', '/block_users', users(contacts[0]));
		expect(removed.json.block_users.removed_users).toEqual([
			{ input: contacts[0], wa_id: contacts[0] },
		]);
		const after = (await api(emu, 'GET', '/block_users?limit=100')).json;
		expect(after.data[0].block_users).toHaveLength(4);
	});

	it('answers a partial failure with 400 / 139100 and the per-user reasons', async () => {
		emu.setContactWindow({ waId: CUSTOMER, lastInboundHoursAgo: 2 });
		const answer = await api(emu, 'POST', '/block_users', users(CUSTOMER, '4915199999999', 'abc'));
		expect(answer.status).toBe(400);
		expect(answer.json.error.code).toBe(139100);
		expect(answer.json.block_users.added_users).toEqual([{ input: CUSTOMER, wa_id: CUSTOMER }]);
		expect(answer.json.block_users.failed_users).toEqual([
			expect.objectContaining({
				input: '4915199999999',
				errors: [expect.objectContaining({ code: 131047 })],
			}),
			expect.objectContaining({
				input: 'abc',
				errors: [expect.objectContaining({ code: 131009 })],
			}),
		]);
	});

	it('rejects a body without users and a limit out of range', async () => {
		expect((await api(emu, 'POST', '/block_users', users())).status).toBe(400);
		expect((await api(emu, 'GET', '/block_users?limit=0')).status).toBe(400);
	});
});
