import type { RecordingServer } from '../helpers/recordingServer';
import type { Emulator } from '../../emulator/index';
import {
	api,
	changeValue,
	CUSTOMER,
	sendMessage,
	startWithReceiver,
	statusesReceived,
	stopWithReceiver,
	TEST_NUMBER,
} from './testkit';

const HOUR = 3600_000;
let clock: number;
let emu: Emulator;
let receiver: RecordingServer;

beforeEach(async () => {
	clock = Date.UTC(2025, 5, 1, 12);
	({ emu, receiver } = await startWithReceiver({
		numbers: [TEST_NUMBER],
		statusGapMs: 5,
		now: () => clock,
	}));
});

afterEach(() => stopWithReceiver(emu, receiver));

const template = (name: string, code = 'en_US', components?: unknown[]) => ({
	to: CUSTOMER,
	type: 'template',
	template: { name, language: { code }, ...(components ? { components } : {}) },
});

describe('the 24-hour customer-service window', () => {
	async function sendAndAwaitFinalStatus(body: Record<string, unknown>) {
		const answer = await sendMessage(emu, body);
		expect(answer.status).toBe(200);
		const messageId: string = answer.json.messages[0].id;
		await emu.waitFor(() => {
			const statuses = statusesReceived(receiver, messageId);
			return statuses.includes('failed') || statuses.includes('read');
		});
		return { messageId, statuses: statusesReceived(receiver, messageId) };
	}

	it('accepts a free-form message to a contact who never wrote, then reports failed / 131047', async () => {
		const { messageId, statuses } = await sendAndAwaitFinalStatus({
			to: CUSTOMER,
			text: { body: 'hi' },
		});
		expect(statuses).toEqual(['failed']);
		const status = changeValue(receiver.requests[0].json).statuses[0];
		expect(status).toEqual({
			id: messageId,
			status: 'failed',
			timestamp: String(clock / 1000),
			recipient_id: CUSTOMER,
			errors: [
				{
					code: 131047,
					title: 'Re-engagement message',
					message: 'Re-engagement message',
					error_data: {
						details:
							'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
					},
					href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
				},
			],
		});
		expect(emu.sent[0]).toMatchObject({ id: messageId, status: 'failed', windowOpen: false });
	});

	it('fails a free-form message when the last inbound is 25 hours old (set via the control API)', async () => {
		const window = await fetch(`${emu.url}/_emulator/contacts`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ waId: CUSTOMER, lastInboundAt: clock - 25 * HOUR }),
		});
		expect(await window.json()).toMatchObject({ windowOpen: false });
		expect(
			(await sendAndAwaitFinalStatus({ to: CUSTOMER, text: { body: 'hi' } })).statuses,
		).toEqual(['failed']);
	});

	it('delivers once the contact has written, and fails again when 24 hours have passed', async () => {
		emu.injectInbound({ from: CUSTOMER, name: 'Jane', text: { body: 'hello' } });
		expect(
			(await sendAndAwaitFinalStatus({ to: CUSTOMER, text: { body: 'hi' } })).statuses,
		).toEqual(['sent', 'delivered', 'read']);
		clock += 24 * HOUR + 1000;
		expect(
			(await sendAndAwaitFinalStatus({ to: CUSTOMER, text: { body: 'later' } })).statuses,
		).toEqual(['failed']);
	});

	it('delivers an approved template outside the window, with the template category in pricing', async () => {
		const { messageId, statuses } = await sendAndAwaitFinalStatus(template('hello_world'));
		expect(statuses).toEqual(['sent', 'delivered', 'read']);
		const sent = receiver.requests
			.map((request) => changeValue(request.json).statuses[0])
			.find((status) => status.id === messageId);
		expect(sent.pricing).toEqual({
			billable: true,
			pricing_model: 'PMP',
			category: 'utility',
			type: 'regular',
		});
		expect(sent.conversation.origin).toEqual({ type: 'utility' });
	});
});

describe('template sends', () => {
	it('answers message_status "accepted" for a template send', async () => {
		const answer = await sendMessage(emu, template('hello_world'));
		expect(answer.json.messages).toEqual([
			{ id: expect.stringMatching(/^wamid\./), message_status: 'accepted' },
		]);
	});

	it.each([
		['a name that does not exist', template('no_such_template')],
		['a language the template does not have', template('hello_world', 'fr')],
		[
			'a PENDING template',
			template('seasonal_promo', 'en_US', [
				{ type: 'body', parameters: [{ type: 'text', text: 'x' }] },
			]),
		],
	])('rejects %s with 400 / 132001', async (_label, body) => {
		const answer = await sendMessage(emu, body);
		expect(answer.status).toBe(400);
		expect(answer.json.error).toMatchObject({
			code: 132001,
			message: '(#132001) Template name does not exist in the translation',
		});
		expect(emu.sent).toHaveLength(0);
	});

	it('checks the number of body parameters against the stored template (132000)', async () => {
		const one = await sendMessage(
			emu,
			template('order_update', 'en_US', [
				{ type: 'body', parameters: [{ type: 'text', text: 'Jane' }] },
			]),
		);
		expect(one.status).toBe(400);
		expect(one.json.error.code).toBe(132000);
		expect(one.json.error.error_data.details).toContain('body');

		const two = await sendMessage(
			emu,
			template('order_update', 'en_US', [
				{
					type: 'body',
					parameters: [
						{ type: 'text', text: 'Jane' },
						{ type: 'text', text: '#1' },
					],
				},
			]),
		);
		expect(two.status).toBe(200);
	});

	it('checks named parameters', async () => {
		const named = (parameters: unknown[]) =>
			template('appointment_reminder', 'en_US', [{ type: 'body', parameters }]);
		const wrong = await sendMessage(
			emu,
			named([
				{ type: 'text', text: 'Jane' },
				{ type: 'text', text: 'May 4' },
			]),
		);
		expect(wrong.json.error.code).toBe(132000);
		const right = await sendMessage(
			emu,
			named([
				{ type: 'text', parameter_name: 'first_name', text: 'Jane' },
				{ type: 'text', parameter_name: 'appointment_date', text: 'May 4' },
			]),
		);
		expect(right.status).toBe(200);
	});

	it('requires the image header parameter of an image-header template', async () => {
		const body = { type: 'body', parameters: [{ type: 'text', text: 'Summer' }] };
		const missing = await sendMessage(emu, template('product_launch', 'en_US', [body]));
		expect(missing.json.error.code).toBe(132000);
		const wrongFormat = await sendMessage(
			emu,
			template('product_launch', 'en_US', [
				{ type: 'header', parameters: [{ type: 'text', text: 'x' }] },
				body,
			]),
		);
		expect(wrongFormat.json.error.code).toBe(132012);
		const right = await sendMessage(
			emu,
			template('product_launch', 'en_US', [
				{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://e.com/a.jpg' } }] },
				body,
			]),
		);
		expect(right.status).toBe(200);
	});
});

describe('template endpoints', () => {
	const list = (query = '') => api(emu, 'GET', `/v1/configs/templates${query}`);

	it('lists the seeded templates in 360dialog shape', async () => {
		const answer = await list();
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({
			offset: 0,
			limit: 1000,
			filters: {},
			sort: ['business_templates.name'],
		});
		expect(answer.json.count).toBe(answer.json.waba_templates.length);
		expect(answer.json.total).toBe(answer.json.count);
		const names = answer.json.waba_templates.map(
			(entry: { name: string; language: string }) => `${entry.name}/${entry.language}`,
		);
		expect(names).toEqual(
			expect.arrayContaining([
				'hello_world/en_US',
				'order_update/en_US',
				'appointment_reminder/en_US',
				'product_launch/en_US',
				'seasonal_promo/en_US',
			]),
		);
		expect(answer.json.waba_templates[0]).toEqual(
			expect.objectContaining({
				id: expect.stringMatching(/^\d+$/),
				namespace: expect.any(String),
				rejected_reason: 'NONE',
				components: expect.any(Array),
			}),
		);
	});

	it('filters by name, status, category and language, and pages', async () => {
		const filtered = async (filters: Record<string, string>) =>
			(
				await list(`?filters=${encodeURIComponent(JSON.stringify(filters))}`)
			).json.waba_templates.map(
				(entry: { name: string; language: string }) => `${entry.name}/${entry.language}`,
			);
		expect(await filtered({ 'business_templates.name': 'order_update' })).toEqual([
			'order_update/de',
			'order_update/en_US',
		]);
		expect(await filtered({ status: 'PENDING' })).toEqual(['seasonal_promo/en_US']);
		expect(await filtered({ category: 'AUTHENTICATION', status: 'APPROVED' })).toEqual([
			'verification_code/en_US',
			'verification_code_one_tap/en_US',
		]);
		expect(await filtered({ language: 'de' })).toEqual(['order_update/de']);
		// Unknown filter keys are ignored, also names every object has.
		expect(await filtered({ constructor: 'x' })).toEqual(await filtered({}));

		const page = (await list('?limit=2&offset=1')).json;
		expect(page).toMatchObject({ count: 2, limit: 2, offset: 1 });
		expect(page.total).toBeGreaterThan(2);
	});

	it('creates a template (APPROVED by default) that can then be sent, and deletes all its languages', async () => {
		const components = [
			{ type: 'BODY', text: 'Your code is {{1}}.', example: { body_text: [['123456']] } },
		];
		const created = await api(emu, 'POST', '/v1/configs/templates', {
			body: { name: 'login_code', category: 'UTILITY', language: 'en_US', components },
		});
		expect(created.status).toBe(200);
		expect(created.json).toMatchObject({
			name: 'login_code',
			language: 'en_US',
			status: 'APPROVED',
			category: 'UTILITY',
		});
		await api(emu, 'POST', '/v1/configs/templates', {
			body: { name: 'login_code', category: 'UTILITY', language: 'de', components },
		});

		const send = await sendMessage(
			emu,
			template('login_code', 'en_US', [
				{ type: 'body', parameters: [{ type: 'text', text: '123' }] },
			]),
		);
		expect(send.status).toBe(200);

		const removed = await api(emu, 'DELETE', '/v1/configs/templates/login_code');
		expect(removed.status).toBe(200);
		expect((await api(emu, 'DELETE', '/v1/configs/templates/%E0')).status).toBe(404);
		const after = await list(
			`?filters=${encodeURIComponent(JSON.stringify({ 'business_templates.name': 'login_code' }))}`,
		);
		expect(after.json.total).toBe(0);
	});

	it('creates templates with the configured status', async () => {
		emu.setOptions({ newTemplateStatus: 'PENDING' });
		const created = await api(emu, 'POST', '/v1/configs/templates', {
			body: {
				name: 'waiting',
				category: 'MARKETING',
				language: 'en_US',
				components: [{ type: 'BODY', text: 'Hi' }],
			},
		});
		expect(created.json.status).toBe('PENDING');
		expect((await sendMessage(emu, template('waiting'))).json.error.code).toBe(132001);
	});

	it.each([
		[
			'a name with capitals',
			{
				name: 'Bad-Name',
				category: 'UTILITY',
				language: 'en_US',
				components: [{ type: 'BODY', text: 'x' }],
			},
		],
		[
			'an unknown category',
			{
				name: 'ok_name',
				category: 'PROMO',
				language: 'en_US',
				components: [{ type: 'BODY', text: 'x' }],
			},
		],
	])('rejects creating %s', async (_label, body) => {
		const answer = await api(emu, 'POST', '/v1/configs/templates', { body });
		expect(answer.status).toBe(400);
		expect(answer.json.meta).toMatchObject({ success: false, http_code: 400 });
	});

	it('reseeds templates on reset', async () => {
		await api(emu, 'DELETE', '/v1/configs/templates/hello_world');
		emu.reset();
		expect(emu.templates().some((entry) => entry.name === 'hello_world')).toBe(true);
	});
});
