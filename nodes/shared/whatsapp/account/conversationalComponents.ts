/**
 * Conversational components (Meta, "Conversational Components"; 360dialog docs partner/messaging/…/
 * conversational-components; GET and POST /conversational_automation): ice breakers, slash commands and the
 * welcome message, checked against WhatsApp's limits before anything is sent.
 */
import { asRecord } from '../json';
import type { JsonRecord } from '../json';
import { checkCount, checkLength, findDuplicate, PayloadError, requireText } from '../validation';

export const CONVERSATIONAL_LIMITS = {
	iceBreakers: 4,
	iceBreaker: 80,
	commands: 30,
	commandName: 32,
	commandDescription: 256,
} as const;

export interface ConversationalComponents {
	welcomeMessage?: boolean;
	iceBreakers?: string[];
	commands?: Array<{ name: string; description: string }>;
}

function iceBreakers(values: string[]): string[] {
	const prompts = values.map((value) => value.trim()).filter(Boolean);
	checkCount(prompts, CONVERSATIONAL_LIMITS.iceBreakers, 'iceBreakers', 'Ice breakers', 0);
	prompts.forEach((prompt, at) =>
		checkLength(prompt, CONVERSATIONAL_LIMITS.iceBreaker, 'iceBreakers', `Ice breaker ${at + 1}`),
	);
	return prompts;
}

function commands(values: Array<{ name: string; description: string }>): JsonRecord[] {
	checkCount(values, CONVERSATIONAL_LIMITS.commands, 'commands', 'Commands', 0);
	const names = values.map((command, at) => {
		const name = requireText(command.name, 'commands', `Command ${at + 1} name`)
			.trim()
			.replace(/^\//, '');
		if (!/^[A-Za-z0-9_]+$/.test(name)) {
			throw new PayloadError(
				`Command "${name}" may hold only letters, digits and underscores`,
				'commands',
				'Name the command with one word, without spaces or punctuation, e.g. track_order.',
			);
		}
		return checkLength(name, CONVERSATIONAL_LIMITS.commandName, 'commands', `Command "${name}"`);
	});
	const twice = findDuplicate(names.map((name) => name.toLowerCase()));
	if (twice) {
		throw new PayloadError(
			`Command "${names[twice[1]]}" is listed twice`,
			'commands',
			'Give each command its own name.',
		);
	}
	return values.map((command, at) => ({
		command_name: names[at],
		command_description: checkLength(
			requireText(command.description, 'commands', `Command "${names[at]}" description`).trim(),
			CONVERSATIONAL_LIMITS.commandDescription,
			'commands',
			`Command "${names[at]}" description`,
		),
	}));
}

/** POST /conversational_automation: only the components given change; an empty list removes them all. */
export function buildConversationalBody(input: ConversationalComponents): JsonRecord {
	const body: JsonRecord = {};
	if (input.welcomeMessage !== undefined) body.enable_welcome_message = input.welcomeMessage;
	if (input.iceBreakers !== undefined) body.prompts = iceBreakers(input.iceBreakers);
	if (input.commands !== undefined) body.commands = commands(input.commands);
	if (Object.keys(body).length === 0) {
		throw new PayloadError(
			'Nothing to set',
			'components',
			'Add the welcome message, ice breakers or commands under "Components".',
		);
	}
	return body;
}

/** The components as GET answers them (`conversational_automation` or at the top), in the node's names. */
export function readConversationalComponents(answer: unknown): JsonRecord {
	const root = asRecord(answer) ?? {};
	const automation = asRecord(root.conversational_automation) ?? root;
	const list = (value: unknown) => (Array.isArray(value) ? value : []);
	return {
		welcomeMessage: automation.enable_welcome_message === true,
		iceBreakers: list(automation.prompts).map(String),
		commands: list(automation.commands).map((raw) => {
			const command = asRecord(raw) ?? {};
			return {
				name: String(command.command_name ?? ''),
				description: String(command.command_description ?? ''),
			};
		}),
	};
}
