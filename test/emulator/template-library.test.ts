/** The emulator's templates from the library: known names, utility only, the button inputs they need. */
import { api, TEST_NUMBER } from './testkit';
import { startEmulator, type Emulator } from '../../emulator/index';

let emu: Emulator;
beforeEach(async () => {
	emu = await startEmulator({ numbers: [TEST_NUMBER] });
});
afterEach(async () => await emu.close());

const create = (body: Record<string, unknown>) =>
	api(emu, 'POST', '/v1/configs/templates', {
		body: { name: 'copy', language: 'en_US', category: 'UTILITY', ...body },
	});

test('a library template takes its components from the library', async () => {
	const answer = await create({ library_template_name: 'group_invite_link' });
	expect(answer.status).toBe(200);
	expect(answer.json.components[0]).toMatchObject({ type: 'BODY' });
});

test('unknown names, other categories and missing button inputs are refused', async () => {
	expect((await create({ library_template_name: 'nope' })).json.error.error_data.details).toMatch(
		/no library template/,
	);
	expect(
		(await create({ library_template_name: 'group_invite_link', category: 'MARKETING' })).status,
	).toBe(400);
	expect(
		(
			await create({
				library_template_name: 'payment_reminder_1',
				library_template_button_inputs: [{ type: 'URL', url: { base_url: 'https://a.example' } }],
			})
		).json.error.error_data.details,
	).toMatch(/PHONE_NUMBER input/);
	expect(
		(
			await create({
				library_template_name: 'delivery_update_1',
				library_template_button_inputs: [{ type: 'URL', url: {} }],
			})
		).status,
	).toBe(400);
});
