import type { RecordingServer } from '../helpers/recordingServer';
import { delay } from '../../dev/wait';
import type { Emulator } from '../../emulator/index';
import {
	api,
	changeValue,
	control,
	CUSTOMER,
	documentedEnvelope,
	KEY,
	PHONE_NUMBER_ID,
	sendMessage,
	startReceiver,
	startWithReceiver,
	stopWithReceiver,
	TEST_NUMBER,
} from './testkit';

let emu: Emulator;
let receiver: RecordingServer;
const clock = Date.UTC(2025, 5, 1, 12);

beforeEach(async () => {
	({ emu, receiver } = await startWithReceiver({
		numbers: [TEST_NUMBER, { apiKey: 'second-key' }],
		statusGapMs: 5,
		now: () => clock,
	}));
});

afterEach(() => stopWithReceiver(emu, receiver));

describe('inbound injection', () => {
	it('posts the documented Cloud API envelope and answers it with the message id', async () => {
		const answer = await control(emu, 'POST', '/inbound', {
			from: CUSTOMER,
			name: 'Jane',
			type: 'text',
			text: { body: 'hi' },
		});
		expect(answer.status).toBe(200);
		const { messageId, envelope } = answer.json;
		expect(messageId).toMatch(/^wamid\./);
		expect(envelope).toEqual(
			documentedEnvelope({
				contacts: [{ profile: { name: 'Jane' }, wa_id: CUSTOMER }],
				messages: [
					{
						from: CUSTOMER,
						id: messageId,
						timestamp: String(clock / 1000),
						type: 'text',
						text: { body: 'hi' },
					},
				],
			}),
		);
		await emu.waitFor(() => receiver.requests.length === 1);
		expect(receiver.requests[0].json).toEqual(envelope);
		expect(receiver.requests[0].headers['x-webhook-secret']).toBe('hush');
	});

	it('builds a message for a user who hides the phone number (BSUID only)', async () => {
		const { envelope } = emu.injectInbound({
			hidePhone: true,
			fromUserId: 'US.13491208655302741918',
			name: 'Anon',
			text: { body: 'hi' },
		});
		const value = changeValue(envelope);
		expect(value.contacts).toEqual([
			{ profile: { name: 'Anon' }, user_id: 'US.13491208655302741918' },
		]);
		expect(value.messages[0]).not.toHaveProperty('from');
		expect(value.messages[0].from_user_id).toBe('US.13491208655302741918');
		// The window opens for the BSUID: a reply addressed by recipient is delivered.
		const reply = await sendMessage(emu, {
			recipient: 'US.13491208655302741918',
			text: { body: 'hello' },
		});
		expect(reply.status).toBe(200);
		expect(emu.sent[0].windowOpen).toBe(true);
	});

	it('carries both phone and BSUID when the user shares both', () => {
		const value = changeValue(
			emu.injectInbound({ from: CUSTOMER, fromUserId: 'US.1', text: { body: 'hi' } }).envelope,
		);
		expect(value.contacts[0]).toMatchObject({ wa_id: CUSTOMER, user_id: 'US.1' });
		expect(value.messages[0]).toMatchObject({ from: CUSTOMER, from_user_id: 'US.1' });
	});

	it('adds context, referral and a given timestamp', () => {
		const value = changeValue(
			emu.injectInbound({
				from: CUSTOMER,
				text: { body: 'about this' },
				context: { message_id: 'wamid.ORIGINAL' },
				referral: { source_url: 'https://fb.me/ad', source_type: 'ad', source_id: '1' },
				timestamp: 1700000000,
			}).envelope,
		);
		expect(value.messages[0]).toMatchObject({
			timestamp: '1700000000',
			context: { from: '15550001111', id: 'wamid.ORIGINAL' },
			referral: { source_url: 'https://fb.me/ad', source_type: 'ad', source_id: '1' },
		});
	});

	it.each<[string, Record<string, unknown>, (message: any) => void]>([
		[
			'location',
			{ type: 'location', location: { latitude: 52.5, longitude: 13.4, name: 'Office' } },
			(m) => expect(m.location.latitude).toBe(52.5),
		],
		[
			'contacts',
			{
				type: 'contacts',
				contacts: [{ name: { formatted_name: 'Bob' }, phones: [{ phone: '+1' }] }],
			},
			(m) => expect(m.contacts[0].name.formatted_name).toBe('Bob'),
		],
		[
			'button_reply',
			{
				type: 'interactive',
				interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } },
			},
			(m) =>
				expect(m.interactive).toEqual({
					type: 'button_reply',
					button_reply: { id: 'yes', title: 'Yes' },
				}),
		],
		[
			'list_reply',
			{
				type: 'interactive',
				interactive: {
					type: 'list_reply',
					list_reply: { id: 'r1', title: 'Row', description: 'd' },
				},
			},
			(m) => expect(m.interactive.list_reply.id).toBe('r1'),
		],
		[
			'nfm_reply',
			{
				type: 'interactive',
				interactive: {
					type: 'nfm_reply',
					nfm_reply: { response_json: { flow_token: 't', answer: 42 } },
				},
			},
			(m) => {
				expect(typeof m.interactive.nfm_reply.response_json).toBe('string');
				expect(JSON.parse(m.interactive.nfm_reply.response_json)).toEqual({
					flow_token: 't',
					answer: 42,
				});
				expect(m.interactive.nfm_reply).toMatchObject({ name: 'flow', body: 'Sent' });
			},
		],
		[
			'button',
			{ type: 'button', button: { payload: 'STOP', text: 'Stop promotions' } },
			(m) => expect(m.button).toEqual({ payload: 'STOP', text: 'Stop promotions' }),
		],
		[
			'reaction',
			{ type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '👍' } },
			(m) => expect(m.reaction).toEqual({ message_id: 'wamid.X', emoji: '👍' }),
		],
		[
			'order',
			{
				type: 'order',
				order: {
					catalog_id: 'c1',
					product_items: [
						{ product_retailer_id: 'p1', quantity: 1, item_price: 9.5, currency: 'EUR' },
					],
				},
			},
			(m) => expect(m.order.catalog_id).toBe('c1'),
		],
		[
			'audio (voice)',
			{ type: 'audio', audio: { voice: true } },
			(m) =>
				expect(m.audio).toMatchObject({
					voice: true,
					mime_type: 'audio/ogg',
					id: expect.any(String),
				}),
		],
		[
			'sticker',
			{ type: 'sticker' },
			(m) => expect(m.sticker).toMatchObject({ mime_type: 'image/webp' }),
		],
		[
			'video',
			{ type: 'video', video: { caption: 'clip' } },
			(m) => expect(m.video).toMatchObject({ caption: 'clip', mime_type: 'video/mp4' }),
		],
		['unsupported', { type: 'unsupported' }, (m) => expect(m.errors[0].code).toBe(131051)],
	])('builds an inbound %s message', (_label, input, check) => {
		const { envelope } = emu.injectInbound({ from: CUSTOMER, name: 'Jane', ...input });
		const value = changeValue(envelope);
		expect(value.contacts).toHaveLength(1);
		check(value.messages[0]);
	});

	it('sends a system message without contacts[]', () => {
		const value = changeValue(
			emu.injectInbound({
				from: CUSTOMER,
				type: 'system',
				system: { body: 'changed', new_wa_id: '4915100000000' },
			}).envelope,
		);
		expect(value).not.toHaveProperty('contacts');
		expect(value.messages[0].system).toMatchObject({
			type: 'user_changed_number',
			new_wa_id: '4915100000000',
		});
	});

	it('with deliver: false receives the message without posting it, so a typing indicator for it is accepted', async () => {
		const { messageId, envelope } = emu.injectInbound({
			from: CUSTOMER,
			text: { body: 'posted by the caller' },
			deliver: false,
		});
		expect(changeValue(envelope).messages[0].id).toBe(messageId);
		const typing = await api(emu, 'POST', '/messages', {
			body: {
				messaging_product: 'whatsapp',
				status: 'read',
				message_id: messageId,
				typing_indicator: { type: 'text' },
			},
		});
		expect(typing.json).toEqual({ success: true });
		const unknown = await api(emu, 'POST', '/messages', {
			body: {
				messaging_product: 'whatsapp',
				status: 'read',
				message_id: 'wamid.NEVER',
				typing_indicator: { type: 'text' },
			},
		});
		expect(unknown.status).toBe(400);
		await delay(50);
		expect(receiver.requests).toHaveLength(0);
		expect(emu.deliveries).toHaveLength(0);
	});

	it('answers 409 when no webhook is registered for the number', async () => {
		const answer = await control(emu, 'POST', '/inbound', {
			apiKey: 'second-key',
			from: CUSTOMER,
			text: { body: 'hi' },
		});
		expect(answer.status).toBe(409);
		expect(answer.json.error).toMatch(/no webhook is registered/);
	});

	it('answers 400 for an inbound without sender or with an unknown type', async () => {
		expect((await control(emu, 'POST', '/inbound', { text: { body: 'hi' } })).status).toBe(400);
		expect(
			(await control(emu, 'POST', '/inbound', { from: CUSTOMER, type: 'hologram' })).status,
		).toBe(400);
	});

	it('routes to the number chosen by phoneNumberId', async () => {
		const second = emu.numbers[1];
		const otherReceiver = await startReceiver();
		try {
			await api(emu, 'POST', '/v1/configs/webhook', {
				key: 'second-key',
				body: { url: `${otherReceiver.url}/other` },
			});
			const { envelope } = emu.injectInbound({
				phoneNumberId: second.phoneNumberId,
				from: CUSTOMER,
				text: { body: 'hi' },
			});
			expect(changeValue(envelope).metadata.phone_number_id).toBe(second.phoneNumberId);
			expect(envelope.entry[0].id).toBe(second.wabaId);
			await emu.waitFor(() => otherReceiver.requests.length === 1);
			expect(receiver.requests).toHaveLength(0);
		} finally {
			await otherReceiver.close();
		}
	});
});

describe('control API', () => {
	it('exposes health, requests, sent, deliveries, webhook and inbound records', async () => {
		const { messageId } = emu.injectInbound({ from: CUSTOMER, text: { body: 'hi' } });
		const send = await sendMessage(emu, { to: CUSTOMER, text: { body: 'reply' } });
		await emu.waitFor(() => emu.sent[0]?.status === 'read');

		const health = await control(emu, 'GET', '/health');
		expect(health.json).toMatchObject({
			ok: true,
			numbers: [{ apiKey: KEY, phoneNumberId: PHONE_NUMBER_ID }, { apiKey: 'second-key' }],
		});

		const requests = await control(emu, 'GET', '/requests?path=/messages');
		expect(requests.json).toHaveLength(1);
		expect(requests.json[0]).toMatchObject({
			method: 'POST',
			path: '/messages',
			status: 200,
			phoneNumberId: PHONE_NUMBER_ID,
			headers: { 'd360-api-key': KEY },
			body: { to: CUSTOMER, text: { body: 'reply' } },
		});

		const sent = await control(emu, 'GET', '/sent');
		expect(sent.json).toEqual([
			expect.objectContaining({
				id: send.json.messages[0].id,
				status: 'read',
				statuses: expect.any(Array),
			}),
		]);

		const deliveries = await control(emu, 'GET', '/deliveries');
		expect(deliveries.json.length).toBe(emu.deliveries.length);
		expect(deliveries.json[0]).toMatchObject({
			kind: 'inbound',
			attempt: 1,
			statusCode: 200,
			ok: true,
			url: `${receiver.url}/hook`,
		});

		const webhooks = await control(emu, 'GET', '/webhook');
		expect(webhooks.json).toEqual([
			{
				phoneNumberId: PHONE_NUMBER_ID,
				url: `${receiver.url}/hook`,
				headers: { 'X-Webhook-Secret': 'hush' },
			},
			{ phoneNumberId: emu.numbers[1].phoneNumberId, url: null, headers: {} },
		]);

		const inbound = await control(emu, 'GET', '/inbound');
		expect(inbound.json).toEqual([
			expect.objectContaining({ messageId, phoneNumberId: PHONE_NUMBER_ID }),
		]);
	});

	it('pushes a custom status for a sent message', async () => {
		emu.setOptions({ statusSequence: [] });
		emu.setContactWindow({ waId: CUSTOMER, lastInboundAt: clock });
		const send = await sendMessage(emu, { to: CUSTOMER, text: { body: 'x' } });
		const pushed = await control(emu, 'POST', '/statuses', {
			messageId: send.json.messages[0].id,
			status: 'failed',
		});
		expect(pushed.status).toBe(200);
		await emu.waitFor(() => receiver.requests.length === 1);
		expect(changeValue(receiver.requests[0].json).statuses[0]).toMatchObject({
			status: 'failed',
			errors: [expect.objectContaining({ code: 131026 })],
		});
	});

	it('resets records and webhooks but keeps numbers', async () => {
		emu.injectInbound({ from: CUSTOMER, text: { body: 'hi' } });
		await sendMessage(emu, { to: CUSTOMER, text: { body: 'x' } });
		expect((await control(emu, 'POST', '/reset')).json).toEqual({ ok: true });
		expect(emu.requests).toHaveLength(0);
		expect(emu.sent).toHaveLength(0);
		expect(emu.inbound).toHaveLength(0);
		expect((await control(emu, 'GET', '/webhook')).json[0].url).toBeNull();
		expect((await api(emu, 'GET', '/health_status')).status).toBe(200);
	});

	it('answers 404 with the list of endpoints for an unknown control path', async () => {
		const answer = await control(emu, 'GET', '/nothing');
		expect(answer.status).toBe(404);
		expect(answer.json.error).toContain('POST /_emulator/inbound');
	});
});
