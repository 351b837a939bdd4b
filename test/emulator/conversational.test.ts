/** The emulator's /conversational_automation: Meta's shape and limits. */
import { api, TEST_NUMBER } from './testkit';
import { startEmulator, type Emulator } from '../../emulator/index';

let emu: Emulator;
beforeEach(async () => {
	emu = await startEmulator({ numbers: [TEST_NUMBER] });
});
afterEach(async () => await emu.close());

test('a change is kept and answered as conversational_automation', async () => {
	const set = await api(emu, 'POST', '/conversational_automation', {
		body: {
			prompts: ['Plan a trip'],
			commands: [{ command_name: 'help', command_description: 'Get help' }],
		},
	});
	expect(set.json).toEqual({ success: true });
	expect((await api(emu, 'GET', '/conversational_automation')).json).toEqual({
		conversational_automation: {
			enable_welcome_message: false,
			prompts: ['Plan a trip'],
			commands: [{ command_name: 'help', command_description: 'Get help' }],
		},
		id: TEST_NUMBER.phoneNumberId,
	});
});

test('what WhatsApp refuses is refused', async () => {
	const post = (body: unknown) => api(emu, 'POST', '/conversational_automation', { body });
	expect((await post({ prompts: ['a', 'b', 'c', 'd', 'e'] })).status).toBe(400);
	expect((await post({ prompts: ['x'.repeat(81)] })).status).toBe(400);
	expect(
		(await post({ commands: [{ command_name: 'two words', command_description: 'd' }] })).status,
	).toBe(400);
	expect((await post({ enable_welcome_message: 'yes' })).status).toBe(400);
});
