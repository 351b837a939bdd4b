import {
	buildConversationalBody,
	readConversationalComponents,
} from '../../../../nodes/shared/whatsapp/account/conversationalComponents';
import { PayloadError } from '../../../../nodes/shared/whatsapp/validation';

function refusal(run: () => unknown): PayloadError {
	try {
		run();
	} catch (error) {
		if (error instanceof PayloadError) return error;
		throw error;
	}
	throw new Error('expected a PayloadError');
}

test('only the components given are sent; a leading "/" of a command is dropped', () => {
	expect(
		buildConversationalBody({
			welcomeMessage: true,
			commands: [{ name: '/track_order', description: 'Where is my order?' }],
		}),
	).toEqual({
		enable_welcome_message: true,
		commands: [{ command_name: 'track_order', command_description: 'Where is my order?' }],
	});
	expect(buildConversationalBody({ iceBreakers: [] })).toEqual({ prompts: [] });
	expect(refusal(() => buildConversationalBody({})).field).toBe('components');
});

test("WhatsApp's limits are checked first: 4 ice breakers of 80 characters, 30 commands, one-word names", () => {
	expect(
		refusal(() => buildConversationalBody({ iceBreakers: ['a', 'b', 'c', 'd', 'e'] })).message,
	).toBe('Ice breakers: WhatsApp allows at most 4, got 5');
	expect(refusal(() => buildConversationalBody({ iceBreakers: ['x'.repeat(81)] })).message).toMatch(
		/at most 80/,
	);
	const commands = Array.from({ length: 31 }, (_, n) => ({ name: `c${n}`, description: 'd' }));
	expect(refusal(() => buildConversationalBody({ commands })).message).toBe(
		'Commands: WhatsApp allows at most 30, got 31',
	);
	expect(
		refusal(() =>
			buildConversationalBody({ commands: [{ name: 'track order', description: 'd' }] }),
		).fix,
	).toMatch(/one word/);
	expect(
		refusal(() => buildConversationalBody({ commands: [{ name: 'help', description: ' ' }] }))
			.message,
	).toMatch(/description is empty/);
	expect(
		refusal(() =>
			buildConversationalBody({
				commands: [
					{ name: 'help', description: 'a' },
					{ name: 'HELP', description: 'b' },
				],
			}),
		).message,
	).toBe('Command "HELP" is listed twice');
});

test('the answer is read in the node field names', () => {
	expect(
		readConversationalComponents({
			conversational_automation: {
				enable_welcome_message: true,
				prompts: ['Plan a trip'],
				commands: [{ command_name: 'help', command_description: 'Get help' }],
			},
			id: '1',
		}),
	).toEqual({
		welcomeMessage: true,
		iceBreakers: ['Plan a trip'],
		commands: [{ name: 'help', description: 'Get help' }],
	});
});
