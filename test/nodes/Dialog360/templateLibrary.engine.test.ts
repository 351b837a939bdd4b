/** Template → Create From Library through n8n-core against the emulator. */
import { runActionNode } from '../../helpers/engine';
import { startEmulator, type Emulator } from '../../../emulator';

const KEY = 'library-key';
let emu: Emulator;
beforeEach(async () => {
	emu = await startEmulator({ numbers: [{ apiKey: KEY }] });
});
afterEach(async () => await emu.close());

const create = (parameters: Record<string, unknown>) =>
	runActionNode(
		{ resource: 'template', operation: 'createFromLibrary', language: 'en_US', ...parameters },
		[{ json: {} }],
		{ baseUrl: emu.url, apiKey: KEY, typeVersion: 1.1 },
	);

test('a library template goes out with its name and the button inputs, as a utility template', async () => {
	const { items, error } = await create({
		name: 'track_my_order',
		libraryTemplateName: 'delivery_update_1',
		websiteUrl: 'https://shop.example.com/orders/{{1}}',
		urlSuffixExample: 'https://shop.example.com/orders/4471',
	});
	expect(error('360dialog')).toBeUndefined();
	expect(emu.requests[0].body).toEqual({
		name: 'track_my_order',
		language: 'en_US',
		category: 'UTILITY',
		library_template_name: 'delivery_update_1',
		library_template_button_inputs: [
			{
				type: 'URL',
				url: {
					base_url: 'https://shop.example.com/orders/{{1}}',
					url_suffix_example: 'https://shop.example.com/orders/4471',
				},
			},
		],
	});
	expect(items[0].json).toMatchObject({
		name: 'track_my_order',
		libraryTemplateName: 'delivery_update_1',
	});
	expect(emu.templates().find((template: any) => template.name === 'track_my_order')).toBeDefined();
});

test('the group invite template needs no button input', async () => {
	const { error } = await create({ name: 'club_invite', libraryTemplateName: 'group_invite_link' });
	expect(error('360dialog')).toBeUndefined();
});

test("a library template whose button needs the business's website is refused without one, with the platform's words", async () => {
	const { error } = await create({
		name: 'track_my_order',
		libraryTemplateName: 'delivery_update_1',
	});
	expect(error('360dialog')?.description).toMatch(/needs a URL input/);
});

test('a website ending in {{1}} without an example fails before any call', async () => {
	const { error } = await create({
		name: 'track_my_order',
		libraryTemplateName: 'delivery_update_1',
		websiteUrl: 'https://shop.example.com/orders/{{1}}',
	});
	expect(error('360dialog')?.description).toMatch(/\(parameter: urlSuffixExample\)/);
	expect(emu.requests).toHaveLength(0);
});
