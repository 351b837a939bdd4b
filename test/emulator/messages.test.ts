import type { RecordingServer } from '../helpers/recordingServer';
import type { Emulator } from '../../emulator/index';
import {
	api,
	changeValue,
	CUSTOMER,
	documentedEnvelope,
	KEY,
	PHONE_NUMBER_ID,
	sendMessage,
	startWithReceiver,
	statusesReceived,
	stopWithReceiver,
	TEST_NUMBER,
	WABA_ID,
} from './testkit';

let emu: Emulator;
let receiver: RecordingServer;

beforeEach(async () => {
	({ emu, receiver } = await startWithReceiver({ numbers: [TEST_NUMBER], statusGapMs: 5 }));
});

afterEach(() => stopWithReceiver(emu, receiver));

describe('authentication', () => {
	it.each([
		['missing', null],
		['wrong', 'not-the-key'],
	])('answers 401 in 360dialog shape when the key is %s', async (_label, key) => {
		const answer = await api(emu, 'GET', '/health_status', { key });
		expect(answer.status).toBe(401);
		expect(answer.json).toEqual({
			meta: { success: false, http_code: 401, developer_message: 'Invalid api_key' },
		});
	});

	it('records the key header as received', async () => {
		await api(emu, 'GET', '/health_status');
		const record = emu.requests.find((request) => request.path === '/health_status');
		expect(record?.headers['d360-api-key']).toBe(KEY);
		expect(record?.status).toBe(200);
		expect(record?.phoneNumberId).toBe(PHONE_NUMBER_ID);
	});
});

describe('sending inside the 24-hour window', () => {
	beforeEach(() => {
		emu.setContactWindow({ waId: CUSTOMER, lastInboundHoursAgo: 1 });
	});

	it('answers a wamid and posts sent, delivered, read with the registered headers', async () => {
		const answer = await sendMessage(emu, {
			to: `+${CUSTOMER}`,
			type: 'text',
			text: { body: 'Hello' },
			biz_opaque_callback_data: 'order-7',
		});
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({
			messaging_product: 'whatsapp',
			contacts: [{ input: `+${CUSTOMER}`, wa_id: CUSTOMER }],
			messages: [{ id: expect.stringMatching(/^wamid\.[A-Za-z0-9+/=]+$/) }],
		});
		const messageId = answer.json.messages[0].id;

		await emu.waitFor(() => statusesReceived(receiver, messageId).length === 3);
		expect(statusesReceived(receiver, messageId)).toEqual(['sent', 'delivered', 'read']);

		const first = receiver.requests[0];
		expect(first.path).toBe('/hook');
		expect(first.headers['x-webhook-secret']).toBe('hush');
		expect(first.headers['content-type']).toBe('application/json');
		expect(first.json).toEqual(
			documentedEnvelope({
				statuses: [
					{
						id: messageId,
						status: 'sent',
						timestamp: expect.stringMatching(/^\d+$/),
						recipient_id: CUSTOMER,
						conversation: {
							id: expect.any(String),
							expiration_timestamp: expect.stringMatching(/^\d+$/),
							origin: { type: 'service' },
						},
						pricing: {
							billable: false,
							pricing_model: 'PMP',
							category: 'service',
							type: 'regular',
						},
						biz_opaque_callback_data: 'order-7',
					},
				],
			}),
		);
		await emu.waitFor(() => emu.sent[0]?.status === 'read');
		expect(emu.sent[0]).toMatchObject({
			id: messageId,
			type: 'text',
			to: `+${CUSTOMER}`,
			windowOpen: true,
		});
	});

	it('gives every send its own wamid', async () => {
		const ids = new Set<string>();
		for (let index = 0; index < 5; index += 1) {
			const answer = await sendMessage(emu, { to: CUSTOMER, text: { body: `n${index}` } });
			ids.add(answer.json.messages[0].id);
		}
		expect(ids.size).toBe(5);
	});

	it.each([
		['image', { link: 'https://example.com/a.jpg', caption: 'A' }],
		['audio', { id: '1234567890' }],
		['video', { link: 'https://example.com/a.mp4' }],
		['document', { link: 'https://example.com/a.pdf', filename: 'a.pdf' }],
		['sticker', { id: '1234567890' }],
		['location', { latitude: 52.52, longitude: 13.4, name: 'Berlin' }],
		[
			'contacts',
			[
				{
					name: { formatted_name: 'Jane Doe' },
					phones: [{ phone: '+4915112345678', type: 'WORK' }],
				},
			],
		],
		['reaction', { message_id: 'wamid.ABC', emoji: '' }],
	])('accepts a valid %s message', async (type, payload) => {
		const answer = await sendMessage(emu, { to: CUSTOMER, type, [type]: payload });
		expect(answer.status).toBe(200);
		expect(answer.json.messages[0].id).toMatch(/^wamid\./);
	});

	it.each([
		[
			'button',
			{
				type: 'button',
				body: { text: 'Pick' },
				action: { buttons: [{ type: 'reply', reply: { id: 'y', title: 'Yes' } }] },
			},
		],
		[
			'list',
			{
				type: 'list',
				body: { text: 'Menu' },
				action: {
					button: 'Open',
					sections: [{ title: 'S', rows: [{ id: 'r1', title: 'Row', description: 'd' }] }],
				},
			},
		],
		[
			'cta_url',
			{
				type: 'cta_url',
				body: { text: 'Visit' },
				action: {
					name: 'cta_url',
					parameters: { display_text: 'Open', url: 'https://example.com' },
				},
			},
		],
		[
			'flow',
			{
				type: 'flow',
				body: { text: 'Book' },
				action: {
					name: 'flow',
					parameters: {
						flow_message_version: '3',
						flow_id: '123',
						flow_cta: 'Book now',
						flow_action: 'navigate',
						flow_action_payload: { screen: 'FIRST' },
					},
				},
			},
		],
		[
			'flow with a 30-character button text',
			{
				type: 'flow',
				body: { text: 'Book' },
				action: {
					name: 'flow',
					parameters: { flow_id: '123', flow_cta: 'Book your table for tonight 30' },
				},
			},
		],
		[
			'location_request_message',
			{
				type: 'location_request_message',
				body: { text: 'Where?' },
				action: { name: 'send_location' },
			},
		],
	])('accepts a valid interactive %s message', async (_label, interactive) => {
		const answer = await sendMessage(emu, { to: CUSTOMER, type: 'interactive', interactive });
		expect(answer.status).toBe(200);
	});

	it('accepts a send to a business-scoped user id and reports it as user_id', async () => {
		emu.setContactWindow({ userId: 'US.1234567890', lastInboundHoursAgo: 2 });
		const answer = await sendMessage(emu, { recipient: 'US.1234567890', text: { body: 'hi' } });
		expect(answer.status).toBe(200);
		expect(answer.json.contacts).toEqual([{ input: 'US.1234567890', user_id: 'US.1234567890' }]);
		await emu.waitFor(() =>
			statusesReceived(receiver, answer.json.messages[0].id).includes('sent'),
		);
		const status = changeValue(receiver.requests[0].json).statuses[0];
		expect(status.recipient_user_id).toBe('US.1234567890');
	});
});

describe('validation', () => {
	const buttons = (count: number, title = 'Ok') =>
		Array.from({ length: count }, (_unused, index) => ({
			type: 'reply',
			reply: { id: `b${index}`, title },
		}));
	const rows = (count: number, title = 'Row') =>
		Array.from({ length: count }, (_unused, index) => ({ id: `r${index}`, title }));

	it.each<[string, Record<string, unknown>, string]>([
		[
			'messaging_product is wrong',
			{ messaging_product: 'sms', to: CUSTOMER, text: { body: 'x' } },
			"'messaging_product'",
		],
		['to and recipient are missing', { text: { body: 'x' } }, "'to'"],
		['the type is unknown', { to: CUSTOMER, type: 'fax', fax: {} }, "'type'"],
		['the object named by type is missing', { to: CUSTOMER, type: 'image' }, "'image'"],
		['text.body is missing', { to: CUSTOMER, type: 'text', text: {} }, "'text.body'"],
		[
			'text.body is over 4096 characters',
			{ to: CUSTOMER, text: { body: 'x'.repeat(4097) } },
			"'text.body'",
		],
		[
			'media has both id and link',
			{ to: CUSTOMER, type: 'image', image: { id: '1', link: 'https://e.com/a.jpg' } },
			"'image'",
		],
		[
			'media has neither id nor link',
			{ to: CUSTOMER, type: 'video', video: { caption: 'x' } },
			"'video'",
		],
		[
			'audio has a caption',
			{ to: CUSTOMER, type: 'audio', audio: { id: '1', caption: 'x' } },
			"'audio.caption'",
		],
		[
			'sticker has a caption',
			{ to: CUSTOMER, type: 'sticker', sticker: { id: '1', caption: 'x' } },
			"'sticker.caption'",
		],
		[
			'latitude is not a number',
			{ to: CUSTOMER, type: 'location', location: { latitude: '52', longitude: 13 } },
			"'location.latitude'",
		],
		['contacts is empty', { to: CUSTOMER, type: 'contacts', contacts: [] }, "'contacts'"],
		[
			'a contact has no formatted_name',
			{ to: CUSTOMER, type: 'contacts', contacts: [{ name: { first_name: 'J' } }] },
			"'contacts[0].name.formatted_name'",
		],
		[
			'reaction has no message_id',
			{ to: CUSTOMER, type: 'reaction', reaction: { emoji: 'x' } },
			"'reaction.message_id'",
		],
		[
			'interactive.type is unknown',
			{ to: CUSTOMER, type: 'interactive', interactive: { type: 'carousel3d', action: {} } },
			"'interactive.type'",
		],
		[
			'interactive.type is a name every object has',
			{
				to: CUSTOMER,
				type: 'interactive',
				interactive: { type: 'toString', body: { text: 'x' }, action: {} },
			},
			"'interactive.type'",
		],
		[
			'interactive.type is __proto__',
			{
				to: CUSTOMER,
				type: 'interactive',
				interactive: { type: '__proto__', body: { text: 'x' }, action: {} },
			},
			"'interactive.type'",
		],
		[
			'button body.text is missing',
			{
				to: CUSTOMER,
				type: 'interactive',
				interactive: { type: 'button', action: { buttons: buttons(1) } },
			},
			"'interactive.body'",
		],
		[
			'there are more than 3 buttons',
			{
				to: CUSTOMER,
				type: 'interactive',
				interactive: { type: 'button', body: { text: 'x' }, action: { buttons: buttons(4) } },
			},
			"Parameter 'interactive.action.buttons' has too many elements (max 3)",
		],
		[
			'a button title is over 20 characters',
			{
				to: CUSTOMER,
				type: 'interactive',
				interactive: {
					type: 'button',
					body: { text: 'x' },
					action: { buttons: buttons(1, 'x'.repeat(21)) },
				},
			},
			"'interactive.action.buttons[0].reply.title'",
		],
		[
			'button ids repeat',
			{
				to: CUSTOMER,
				type: 'interactive',
				interactive: {
					type: 'button',
					body: { text: 'x' },
					action: { buttons: [...buttons(1), ...buttons(1)] },
				},
			},
			"'interactive.action.buttons'",
		],
		[
			'a list has more than 10 rows',
			{
				to: CUSTOMER,
				type: 'interactive',
				interactive: {
					type: 'list',
					body: { text: 'x' },
					action: {
						button: 'Open',
						sections: [
							{ title: 'A', rows: rows(6) },
							{ title: 'B', rows: rows(5).map((row) => ({ ...row, id: `b${row.id}` })) },
						],
					},
				},
			},
			"'interactive.action.sections'",
		],
		[
			'a row title is over 24 characters',
			{
				to: CUSTOMER,
				type: 'interactive',
				interactive: {
					type: 'list',
					body: { text: 'x' },
					action: { button: 'Open', sections: [{ rows: rows(1, 'x'.repeat(25)) }] },
				},
			},
			"'interactive.action.sections[0].rows[0].title'",
		],
		[
			'the list button label is over 20 characters',
			{
				to: CUSTOMER,
				type: 'interactive',
				interactive: {
					type: 'list',
					body: { text: 'x' },
					action: { button: 'x'.repeat(21), sections: [{ rows: rows(1) }] },
				},
			},
			"'interactive.action.button'",
		],
		[
			'cta_url has no url',
			{
				to: CUSTOMER,
				type: 'interactive',
				interactive: {
					type: 'cta_url',
					body: { text: 'x' },
					action: { name: 'cta_url', parameters: { display_text: 'Go' } },
				},
			},
			"'interactive.action.parameters.url'",
		],
		[
			'cta_url has no display_text',
			{
				to: CUSTOMER,
				type: 'interactive',
				interactive: {
					type: 'cta_url',
					body: { text: 'x' },
					action: { name: 'cta_url', parameters: { url: 'https://e.com' } },
				},
			},
			"'interactive.action.parameters.display_text'",
		],
		[
			'the flow button text is over 30 characters',
			{
				to: CUSTOMER,
				type: 'interactive',
				interactive: {
					type: 'flow',
					body: { text: 'x' },
					action: { name: 'flow', parameters: { flow_id: '1', flow_cta: 'x'.repeat(31) } },
				},
			},
			"'interactive.action.parameters.flow_cta'",
		],
		[
			'flow has no flow_cta',
			{
				to: CUSTOMER,
				type: 'interactive',
				interactive: {
					type: 'flow',
					body: { text: 'x' },
					action: { name: 'flow', parameters: { flow_id: '1' } },
				},
			},
			"'interactive.action.parameters.flow_cta'",
		],
		[
			'flow has neither flow_id nor flow_name',
			{
				to: CUSTOMER,
				type: 'interactive',
				interactive: {
					type: 'flow',
					body: { text: 'x' },
					action: { name: 'flow', parameters: { flow_cta: 'Go' } },
				},
			},
			"'interactive.action.parameters.flow_id'",
		],
		[
			'template has no name',
			{ to: CUSTOMER, type: 'template', template: { language: { code: 'en_US' } } },
			"'template.name'",
		],
		[
			'template name is over 512 characters',
			{
				to: CUSTOMER,
				type: 'template',
				template: { name: 'x'.repeat(513), language: { code: 'en_US' } },
			},
			"'template.name'",
		],
		[
			'template has no language.code',
			{ to: CUSTOMER, type: 'template', template: { name: 'hello_world', language: {} } },
			"'template.language.code'",
		],
	])('rejects with 400 / #100 naming the field when %s', async (_label, body, expectedDetail) => {
		const answer = await api(emu, 'POST', '/messages', {
			body: { messaging_product: 'whatsapp', ...body },
		});
		expect(answer.status).toBe(400);
		expect(answer.json.error).toMatchObject({
			type: 'OAuthException',
			code: 100,
			error_data: { messaging_product: 'whatsapp' },
		});
		expect(answer.json.error.message).toMatch(/^\(#100\) /);
		expect(typeof answer.json.error.fbtrace_id).toBe('string');
		expect(answer.json.error.error_data.details).toContain(expectedDetail);
		expect(emu.sent).toHaveLength(0);
	});

	it('also serves /v1/messages', async () => {
		const answer = await api(emu, 'POST', '/v1/messages', {
			body: { messaging_product: 'whatsapp', to: CUSTOMER, type: 'image' },
		});
		expect(answer.status).toBe(400);
		expect(answer.json.error.error_data.details).toContain("'image'");
	});
});

describe('mark as read and typing indicator', () => {
	it('marks an inbound message read, with and without typing indicator', async () => {
		const { messageId } = emu.injectInbound({ from: CUSTOMER, text: { body: 'hi' } });
		const read = await sendMessage(emu, { status: 'read', message_id: messageId });
		expect(read).toMatchObject({ status: 200, json: { success: true } });
		const typing = await sendMessage(emu, {
			status: 'read',
			message_id: messageId,
			typing_indicator: { type: 'text' },
		});
		expect(typing).toMatchObject({ status: 200, json: { success: true } });
	});

	it('rejects an unknown message id with 400 / #100', async () => {
		const answer = await sendMessage(emu, { status: 'read', message_id: 'wamid.UNKNOWN' });
		expect(answer.status).toBe(400);
		expect(answer.json.error.code).toBe(100);
		expect(answer.json.error.error_data.details).toContain("'message_id'");
	});
});

describe('account endpoints', () => {
	it('answers health_status for the number and its WABA', async () => {
		const answer = await api(emu, 'GET', '/health_status');
		expect(answer.status).toBe(200);
		expect(answer.json.id).toBe(PHONE_NUMBER_ID);
		expect(answer.json.health_status.can_send_message).toBe('AVAILABLE');
		expect(answer.json.health_status.entities).toEqual(
			expect.arrayContaining([
				{ entity_type: 'PHONE_NUMBER', id: PHONE_NUMBER_ID, can_send_message: 'AVAILABLE' },
				{ entity_type: 'WABA', id: WABA_ID, can_send_message: 'AVAILABLE' },
			]),
		);
	});

	it('stores and returns the business profile', async () => {
		const update = await api(emu, 'POST', '/whatsapp_business_profile', {
			body: { messaging_product: 'whatsapp', about: 'Open 9-5', websites: ['https://e.com'] },
		});
		expect(update).toMatchObject({ status: 200, json: { success: true } });
		const answer = await api(emu, 'GET', '/whatsapp_business_profile?fields=about,websites');
		expect(answer.json).toEqual({
			data: [{ about: 'Open 9-5', websites: ['https://e.com'], messaging_product: 'whatsapp' }],
		});
	});

	it('answers the webhook config, and {"url":""} when none is set', async () => {
		expect((await api(emu, 'GET', '/v1/configs/webhook')).json).toEqual({
			url: `${receiver.url}/hook`,
			headers: { 'X-Webhook-Secret': 'hush' },
		});
		emu.reset();
		expect((await api(emu, 'GET', '/v1/configs/webhook')).json).toEqual({ url: '' });
	});

	it('rejects a webhook URL that is not a URL', async () => {
		const answer = await api(emu, 'POST', '/v1/configs/webhook', { body: { url: 'not a url' } });
		expect(answer.status).toBe(400);
		expect(answer.json.meta).toMatchObject({ success: false, http_code: 400 });
	});

	it('enforces the cloud URL rules only when asked to', async () => {
		emu.setOptions({ enforceCloudWebhookRules: true });
		const local = await api(emu, 'POST', '/v1/configs/webhook', {
			body: { url: `${receiver.url}/hook` },
		});
		expect(local.status).toBe(400);
		const underscore = await api(emu, 'POST', '/v1/configs/webhook', {
			body: { url: 'https://my_host.example.com/hook' },
		});
		expect(underscore.status).toBe(400);
		const fine = await api(emu, 'POST', '/v1/configs/webhook', {
			body: { url: 'https://hooks.example.com/wa' },
		});
		expect(fine.status).toBe(200);
	});

	it('answers unknown paths with 404 in Meta shape', async () => {
		const answer = await api(emu, 'GET', '/v17.0/nothing/here');
		expect(answer.status).toBe(404);
		expect(answer.json.error).toMatchObject({ type: 'OAuthException', code: 100 });
	});
});
