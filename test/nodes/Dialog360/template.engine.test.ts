/**
 * The Template resource run through n8n-core against the emulator over loopback HTTP: paging, filters, Get,
 * Create from the form and from JSON (the exact body the emulator received), Delete, and the errors.
 */
import { ensureBinaryData, runActionNode } from '../../helpers/engine';
import { startEmulator, type Emulator } from '../../../emulator';

const KEY = 'template-key';
let emu: Emulator;

beforeAll(async () => await ensureBinaryData());
beforeEach(async () => {
	emu = await startEmulator({ numbers: [{ apiKey: KEY }] });
});
afterEach(async () => await emu.close());

const run = (parameters: Record<string, unknown>, items = [{ json: {} }], continueOnFail = false) =>
	runActionNode({ resource: 'template', ...parameters }, items, {
		baseUrl: emu.url,
		apiKey: KEY,
		continueOnFail,
	});

const byName = (value: string) => ({ __rl: true, mode: 'name', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

async function createTemplates(count: number) {
	for (let index = 0; index < count; index++) {
		const response = await fetch(`${emu.url}/v1/configs/templates`, {
			method: 'POST',
			headers: { 'D360-API-KEY': KEY, 'content-type': 'application/json' },
			body: JSON.stringify({
				name: `bulk_${String(index).padStart(3, '0')}`,
				language: 'en_US',
				category: 'MARKETING',
				components: [{ type: 'BODY', text: `Offer number ${index}.` }],
			}),
		});
		expect(response.status).toBe(200);
	}
}

const listCalls = () =>
	emu.requests.filter(
		(request) => request.method === 'GET' && request.path === '/v1/configs/templates',
	);

const created = () =>
	emu.requests.filter(
		(request) => request.method === 'POST' && request.path === '/v1/configs/templates',
	);

describe('List', () => {
	test('Return All walks every page: more templates than one page, one item per template in name order', async () => {
		await createTemplates(130);
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error('360dialog')).toBeUndefined();
		const total = emu.templates().length;
		expect(total).toBeGreaterThan(130);
		expect(items).toHaveLength(total);
		expect(listCalls().map((request) => [request.query.offset, request.query.limit])).toEqual([
			['0', '100'],
			['100', '100'],
		]);
		const names = items.map((item) => item.json.name as string);
		expect(names).toEqual([...names].sort());
		expect(items.find((item) => item.json.name === 'bulk_007')?.json).toMatchObject({
			language: 'en_US',
			status: 'APPROVED',
			category: 'MARKETING',
			body: 'Offer number 7.',
		});
		expect(
			items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0),
		).toBe(true);
	});

	test('version 1.2: every template of a list has the same keys, so that n8n\'s table shows no "undefined"', async () => {
		const { items } = await runActionNode(
			{ resource: 'template', operation: 'list', returnAll: true },
			[{ json: {} }],
			{ baseUrl: emu.url, apiKey: KEY, typeVersion: 1.2 },
		);
		const keys = (json: object) => Object.keys(json).sort().join(',');
		expect(items.length).toBeGreaterThan(1);
		expect(new Set(items.map((item) => keys(item.json))).size).toBe(1);
		expect(items.map((item) => item.json.footer)).toContain('');
		for (const item of items) expect(Object.values(item.json)).not.toContain(undefined);
	});

	test('earlier versions keep leaving out the texts a template lacks', async () => {
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items.some((item) => !('footer' in item.json))).toBe(true);
		for (const item of items) expect(Object.values(item.json)).not.toContain(undefined);
	});

	test('a Limit asks for that many and stops', async () => {
		await createTemplates(130);
		const { items } = await run({ operation: 'list', returnAll: false, limit: 7 });
		expect(items).toHaveLength(7);
		expect(listCalls().map((request) => request.query.limit)).toEqual(['7']);
	});

	test('filters: name, category and language go to the API, status is matched in the node', async () => {
		const names = async (filters: Record<string, string>) =>
			(await run({ operation: 'list', returnAll: true, filters })).items.map(
				(item) => `${item.json.name}/${item.json.language}`,
			);
		expect(await names({ name: 'order_update' })).toEqual([
			'order_update/de',
			'order_update/en_US',
		]);
		expect(JSON.parse(listCalls().at(-1)!.query.filters)).toEqual({
			'business_templates.name': 'order_update',
		});
		expect(await names({ status: 'PENDING' })).toEqual(['seasonal_promo/en_US']);
		expect(await names({ category: 'AUTHENTICATION', status: 'APPROVED' })).toEqual([
			'verification_code/en_US',
			'verification_code_one_tap/en_US',
		]);
		expect(await names({ language: 'de' })).toEqual(['order_update/de']);
	});
});

describe('Get', () => {
	test('by name: every language; picked from the list: that language', async () => {
		const all = await run({ operation: 'get', template: byName('order_update') });
		expect(all.items.map((item) => item.json.language)).toEqual(['de', 'en_US']);
		const one = await run({ operation: 'get', template: fromList('order_update|de') });
		expect(one.items).toHaveLength(1);
		expect(one.items[0].json).toMatchObject({
			name: 'order_update',
			language: 'de',
			body: 'Hallo {{1}}, deine Bestellung {{2}} ist unterwegs.',
			parameterFormat: 'POSITIONAL',
		});
	});

	test('a name that does not exist fails the item and says where to look', async () => {
		const { error } = await run({ operation: 'get', template: byName('no_such_template') });
		expect(error('360dialog')?.message).toBe('No template named "no_such_template"');
	});
});

describe('Create', () => {
	test('from the form: the emulator receives the built template, and the item shows it', async () => {
		const { items, error } = await run({
			operation: 'create',
			name: 'shipping_update',
			language: 'en-us',
			category: 'UTILITY',
			allowCategoryChange: false,
			definedWith: 'form',
			headerFormat: 'TEXT',
			headerText: 'Order {{1}}',
			headerExample: '#1234',
			body: 'Hi {{1}}, order {{2}} ships today.',
			bodyExamples: {
				example: [
					{ variable: '{{2}}', value: '#1234' },
					{ variable: '1', value: 'Jane' },
				],
			},
			footer: 'Reply STOP to opt out',
			buttons: {
				button: [
					{ type: 'QUICK_REPLY', text: 'Thanks' },
					{
						type: 'URL',
						text: 'Track',
						url: 'https://example.com/t/{{1}}',
						urlExample: 'https://example.com/t/1234',
					},
				],
			},
		});
		expect(error('360dialog')).toBeUndefined();
		expect(created().map((request) => request.body)).toEqual([
			{
				name: 'shipping_update',
				language: 'en_US',
				category: 'UTILITY',
				allow_category_change: false,
				components: [
					{
						type: 'HEADER',
						format: 'TEXT',
						text: 'Order {{1}}',
						example: { header_text: ['#1234'] },
					},
					{
						type: 'BODY',
						text: 'Hi {{1}}, order {{2}} ships today.',
						example: { body_text: [['Jane', '#1234']] },
					},
					{ type: 'FOOTER', text: 'Reply STOP to opt out' },
					{
						type: 'BUTTONS',
						buttons: [
							{ type: 'QUICK_REPLY', text: 'Thanks' },
							{
								type: 'URL',
								text: 'Track',
								url: 'https://example.com/t/{{1}}',
								example: ['https://example.com/t/1234'],
							},
						],
					},
				],
			},
		]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			name: 'shipping_update',
			language: 'en_US',
			category: 'UTILITY',
			status: 'APPROVED',
			id: expect.stringMatching(/^\d+$/),
			header: 'Order {{1}}',
			allowCategoryChange: false,
		});
	});

	test('from JSON: the components go as given', async () => {
		const components = [
			{ type: 'BODY', text: 'Your code is {{1}}.', example: { body_text: [['123456']] } },
			{ type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', example: 'SAVE10' }] },
		];
		const { error } = await run({
			operation: 'create',
			name: 'json_template',
			language: 'de',
			category: 'MARKETING',
			definedWith: 'json',
			componentsJson: JSON.stringify(components),
		});
		expect(error('360dialog')).toBeUndefined();
		expect(created()[0].body).toEqual({
			name: 'json_template',
			language: 'de',
			category: 'MARKETING',
			allow_category_change: true,
			components,
		});
	});

	test('a media header: the sample goes up through the Resumable Upload API and its handle into the template', async () => {
		const image = Buffer.from('fake jpeg bytes for the reviewer');
		const { error } = await run(
			{
				operation: 'create',
				name: 'new_arrivals',
				language: 'en_US',
				category: 'MARKETING',
				headerFormat: 'IMAGE',
				headerSampleBinaryPropertyName: 'sample',
				body: 'New arrivals are in store.',
			},
			[
				{
					json: {},
					binary: {
						sample: { data: image.toString('base64'), mimeType: 'image/jpeg', fileName: 'a.jpg' },
					},
				} as never,
			],
		);
		expect(error('360dialog')).toBeUndefined();
		const session = emu.requests.find((request) => request.path === '/uploads');
		expect(session?.query).toEqual({
			file_name: 'a.jpg',
			file_length: String(image.length),
			file_type: 'image/jpeg',
		});
		const header = (created()[0].body as any).components[0];
		expect(header).toEqual({
			type: 'HEADER',
			format: 'IMAGE',
			example: { header_handle: [expect.stringMatching(/^4:/)] },
		});
	});

	test('a name that exists in that language fails with what to do', async () => {
		const { error } = await run({
			operation: 'create',
			name: 'hello_world',
			language: 'en_US',
			category: 'UTILITY',
			body: 'Hello there.',
		});
		expect(error('360dialog')?.message).toBe(
			'A template with this name already exists in this language (#100)',
		);
		expect(error('360dialog')?.description).toMatch(/Choose another name/);
	});

	test('a body variable without example fails the item before anything is sent', async () => {
		const { error } = await run({
			operation: 'create',
			name: 'no_example',
			language: 'en_US',
			category: 'UTILITY',
			body: 'Hi {{1}}, welcome.',
		});
		expect(error('360dialog')?.message).toBe('The body variable {{1}} has no example');
		expect(error('360dialog')?.description).toMatch(/Body Examples/);
		expect(created()).toHaveLength(0);
	});
});

describe('Delete', () => {
	test('deletes every language of the name and says which', async () => {
		const { items, error } = await run({
			operation: 'delete',
			template: fromList('order_update|de'),
		});
		expect(error('360dialog')).toBeUndefined();
		expect(items[0].json).toEqual({
			deleted: true,
			name: 'order_update',
			languages: ['de', 'en_US'],
			message: 'template name=order_update was deleted',
		});
		expect(emu.templates().filter((template) => template.name === 'order_update')).toEqual([]);
		expect(emu.requests.at(-1)).toMatchObject({
			method: 'DELETE',
			path: '/v1/configs/templates/order_update',
		});
	});

	test('a name that does not exist deletes nothing and says so', async () => {
		const { error } = await run({ operation: 'delete', template: byName('gone_already') });
		expect(error('360dialog')?.message).toBe(
			'No template named "gone_already": nothing was deleted',
		);
		expect(emu.requests.some((request) => request.method === 'DELETE')).toBe(false);
	});
});
