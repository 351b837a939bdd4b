/** Account → Get / Set Conversational Components through n8n-core against the emulator. */
import { runActionNode } from '../../helpers/engine';
import { startEmulator, type Emulator } from '../../../emulator';

const KEY = 'components-key';
let emu: Emulator;
beforeEach(async () => {
	emu = await startEmulator({ numbers: [{ apiKey: KEY }] });
});
afterEach(async () => await emu.close());

const run = (operation: string, parameters: Record<string, unknown> = {}) =>
	runActionNode({ resource: 'account', operation, ...parameters }, [{ json: {} }], {
		baseUrl: emu.url,
		apiKey: KEY,
		typeVersion: 1.1,
	});

test('Set sends ice breakers, commands and the welcome message; Get reads them back', async () => {
	const set = await run('setConversationalComponents', {
		components: {
			welcomeMessage: true,
			iceBreakers: ['Where is my order?', 'Talk to a person'],
			commands: { command: [{ name: 'track', description: 'Track an order' }] },
		},
	});
	expect(set.error('360dialog')).toBeUndefined();
	expect(emu.requests[0].body).toEqual({
		enable_welcome_message: true,
		prompts: ['Where is my order?', 'Talk to a person'],
		commands: [{ command_name: 'track', command_description: 'Track an order' }],
	});
	const { items } = await run('getConversationalComponents');
	expect(items[0].json).toEqual({
		welcomeMessage: true,
		iceBreakers: ['Where is my order?', 'Talk to a person'],
		commands: [{ name: 'track', description: 'Track an order' }],
	});
});

test('a fifth ice breaker fails the item before any call', async () => {
	const { error } = await run('setConversationalComponents', {
		components: { iceBreakers: ['a', 'b', 'c', 'd', 'e'] },
	});
	expect(error('360dialog')?.message).toBe('Ice breakers: WhatsApp allows at most 4, got 5');
	expect(emu.requests).toHaveLength(0);
});
