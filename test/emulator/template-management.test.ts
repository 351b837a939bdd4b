import { startEmulator, type Emulator } from '../../emulator/index';
import { api, TEST_NUMBER } from './testkit';

let emu: Emulator;
let clock: number;

beforeEach(async () => {
	clock = Date.UTC(2025, 5, 1, 12);
	emu = await startEmulator({ numbers: [TEST_NUMBER], now: () => clock });
});

afterEach(() => emu.close());

const create = (body: Record<string, unknown>) =>
	api(emu, 'POST', '/v1/configs/templates', {
		body: { name: 'shipping_note', category: 'UTILITY', language: 'en_US', ...body },
	});

const body = (text: string, example?: unknown) => ({
	type: 'BODY',
	text,
	...(example ? { example } : {}),
});

describe('creating a template', () => {
	it('accepts header, body with examples, footer and buttons, and stores it', async () => {
		const components = [
			{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['#1234'] } },
			body('Hi {{1}}, order {{2}} ships today.', { body_text: [['Jane', '#1234']] }),
			{ type: 'FOOTER', text: 'Reply STOP to opt out' },
			{
				type: 'BUTTONS',
				buttons: [
					{ type: 'QUICK_REPLY', text: 'Thanks' },
					{ type: 'QUICK_REPLY', text: 'Stop' },
					{
						type: 'URL',
						text: 'Track',
						url: 'https://example.com/t/{{1}}',
						example: ['https://example.com/t/1234'],
					},
					{ type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+4930123456' },
				],
			},
		];
		const answer = await create({ components, allow_category_change: true });
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({
			name: 'shipping_note',
			status: 'APPROVED',
			category: 'UTILITY',
		});
		expect(emu.templates().find((entry) => entry.name === 'shipping_note')?.components).toEqual(
			components,
		);
	});

	it('marks a template with named variables NAMED', async () => {
		const answer = await create({
			components: [
				body('Hello {{first_name}}, welcome.', {
					body_text_named_params: [{ param_name: 'first_name', example: 'Jane' }],
				}),
			],
		});
		expect(answer.json.parameter_format).toBe('NAMED');
	});

	it.each([
		['no BODY', [{ type: 'FOOTER', text: 'x' }], 'needs a BODY'],
		['an unknown component', [body('Hi'), { type: 'SIDEBAR' }], 'components[1].type'],
		['a variable without example', [body('Hi {{1}}, welcome.')], 'example'],
		['too few examples', [body('Hi {{1}} and {{2}}.', { body_text: [['a']] })], 'body_text'],
		[
			'variables with a gap',
			[body('Hi {{1}} and {{3}}.', { body_text: [['a', 'b']] })],
			'without gaps',
		],
		[
			'a body ending in a variable',
			[body('Your code is {{1}}', { body_text: [['1']] })],
			'start or end',
		],
		[
			'a body starting with a variable',
			[body('{{1}} is your code.', { body_text: [['1']] })],
			'start or end',
		],
		['a body of 1025 characters', [body('a'.repeat(1025))], 'at most 1024'],
		['a footer with a variable', [body('Hi'), { type: 'FOOTER', text: 'Bye {{1}}' }], 'FOOTER'],
		[
			'an image header without sample',
			[{ type: 'HEADER', format: 'IMAGE' }, body('Hi')],
			'header_handle',
		],
		[
			'a header of 61 characters',
			[{ type: 'HEADER', format: 'TEXT', text: 'h'.repeat(61) }, body('Hi')],
			'at most 60',
		],
		[
			'quick replies around a URL button',
			[
				body('Hi'),
				{
					type: 'BUTTONS',
					buttons: [
						{ type: 'QUICK_REPLY', text: 'a' },
						{ type: 'URL', text: 'b', url: 'https://e.com' },
						{ type: 'QUICK_REPLY', text: 'c' },
					],
				},
			],
			'grouped',
		],
		[
			'a URL variable in the middle',
			[
				body('Hi'),
				{
					type: 'BUTTONS',
					buttons: [{ type: 'URL', text: 'b', url: 'https://e.com/{{1}}/x', example: ['x'] }],
				},
			],
			'only at its end',
		],
		[
			'a copy code example of 16 characters',
			[body('Hi'), { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', example: 'c'.repeat(16) }] }],
			'15 characters',
		],
	])('rejects %s with Meta error 100 and a user title', async (_label, components, detail) => {
		const answer = await create({ components });
		expect(answer.status).toBe(400);
		expect(answer.json.error).toMatchObject({ code: 100, error_user_title: expect.any(String) });
		expect(answer.json.error.error_data.details).toContain(detail);
	});

	it('refuses a name and language that exist (subcode 2388024), but takes another language', async () => {
		const components = [body('Hi there.')];
		expect((await create({ name: 'hello_world', components })).json.error).toMatchObject({
			code: 100,
			error_subcode: 2388024,
			error_user_title: 'Content in this language already exists',
		});
		expect((await create({ name: 'hello_world', language: 'fr', components })).status).toBe(200);
	});

	it('holds a deleted name for 4 weeks in the languages it had', async () => {
		const components = [body('Hi there.')];
		await create({ components });
		const removed = await api(emu, 'DELETE', '/v1/configs/templates/shipping_note');
		expect(removed.json.meta).toMatchObject({ success: true, http_code: 200 });
		expect((await create({ components })).json.error.error_subcode).toBe(2388023);
		expect((await create({ language: 'de', components })).status).toBe(200);
		clock += 29 * 24 * 3600_000;
		expect((await create({ components })).status).toBe(200);
	});

	it('rejects an allow_category_change that is not a boolean', async () => {
		const answer = await create({ components: [body('Hi.')], allow_category_change: 'yes' });
		expect(answer.status).toBe(400);
	});
});

describe('listing templates', () => {
	it('pages with offset and limit over the filtered, sorted list', async () => {
		for (let index = 0; index < 7; index++)
			await create({ name: `batch_${index}`, components: [body(`Number ${index}.`)] });
		const filters = encodeURIComponent(JSON.stringify({ category: 'UTILITY' }));
		const all = (await api(emu, 'GET', `/v1/configs/templates?filters=${filters}&limit=100`)).json;
		const pages = [];
		for (let offset = 0; offset < all.total; offset += 3) {
			const page = (
				await api(emu, 'GET', `/v1/configs/templates?filters=${filters}&limit=3&offset=${offset}`)
			).json;
			expect(page).toMatchObject({ limit: 3, offset, total: all.total });
			pages.push(...page.waba_templates.map((entry: any) => `${entry.name}/${entry.language}`));
		}
		expect(pages).toEqual(
			all.waba_templates.map((entry: any) => `${entry.name}/${entry.language}`),
		);
		expect(pages.filter((name) => name.startsWith('batch_'))).toHaveLength(7);
	});

	it('rejects a negative offset and filters that are not JSON', async () => {
		expect((await api(emu, 'GET', '/v1/configs/templates?offset=-1')).status).toBe(400);
		expect((await api(emu, 'GET', '/v1/configs/templates?filters=name')).status).toBe(400);
	});
});
