// @ts-check
'use strict';
/**
 * Conversational components (Meta, "Conversational Components"; 360dialog docs, conversational-components):
 * GET and POST /conversational_automation, with WhatsApp's limits (4 ice breakers of 80 characters, 30
 * commands with names of 32 and descriptions of 256 characters).
 */
const { invalidParameter } = require('./errors');
const { isObject, lengthOf } = require('./field-checks');

/** @typedef {import('./cloud-api').Handler} Handler */

function createConversationalStore() {
	/** @type {Map<string, { enable_welcome_message: boolean, prompts: string[], commands: Array<{ command_name: string, command_description: string }> }>} */
	const byNumber = new Map();
	return {
		/** @param {string} phoneNumberId */
		of: (phoneNumberId) =>
			byNumber.get(phoneNumberId) ?? { enable_welcome_message: false, prompts: [], commands: [] },
		/** @param {string} phoneNumberId @param {ReturnType<typeof byNumber.get> & {}} next */
		set: (phoneNumberId, next) => byNumber.set(phoneNumberId, next),
		clear: () => byNumber.clear(),
	};
}

/** @param {unknown} value */
function checkPrompts(value) {
	if (!Array.isArray(value)) throw invalidParameter("Parameter 'prompts' must be an array");
	if (value.length > 4) throw invalidParameter("Parameter 'prompts' takes at most 4 ice breakers");
	value.forEach((prompt, index) => {
		if (typeof prompt !== 'string' || prompt.trim() === '' || lengthOf(prompt) > 80)
			throw invalidParameter(`Parameter 'prompts[${index}]' must be a text of 1 to 80 characters`);
	});
	return value;
}

/** @param {unknown} value */
function checkCommands(value) {
	if (!Array.isArray(value)) throw invalidParameter("Parameter 'commands' must be an array");
	if (value.length > 30) throw invalidParameter("Parameter 'commands' takes at most 30 commands");
	return value.map((command, index) => {
		const at = `commands[${index}]`;
		if (!isObject(command)) throw invalidParameter(`Parameter '${at}' must be an object`);
		const name = command.command_name;
		if (typeof name !== 'string' || !/^[A-Za-z0-9_]{1,32}$/.test(name))
			throw invalidParameter(
				`Parameter '${at}.command_name' must be one word of up to 32 characters`,
			);
		const description = command.command_description;
		if (typeof description !== 'string' || description.trim() === '' || lengthOf(description) > 256)
			throw invalidParameter(
				`Parameter '${at}.command_description' must be a text of 1 to 256 characters`,
			);
		return { command_name: name, command_description: description };
	});
}

/** GET /conversational_automation, shaped as Meta's `?fields=conversational_automation`. @type {Handler} */
function getComponents(ctx, call) {
	return {
		body: {
			conversational_automation: structuredClone(ctx.conversational.of(call.number.phoneNumberId)),
			id: call.number.phoneNumberId,
		},
	};
}

/** POST /conversational_automation: what is given replaces what was set. @type {Handler} */
function postComponents(ctx, call) {
	if (!call.json?.ok || !isObject(call.json.value))
		throw invalidParameter('The request body must be a JSON object');
	const body = call.json.value;
	const next = { ...ctx.conversational.of(call.number.phoneNumberId) };
	if (body.enable_welcome_message !== undefined) {
		if (typeof body.enable_welcome_message !== 'boolean')
			throw invalidParameter("Parameter 'enable_welcome_message' must be a boolean");
		next.enable_welcome_message = body.enable_welcome_message;
	}
	if (body.prompts !== undefined) next.prompts = checkPrompts(body.prompts);
	if (body.commands !== undefined) next.commands = checkCommands(body.commands);
	ctx.conversational.set(call.number.phoneNumberId, next);
	return { body: { success: true } };
}

/** @type {[string, RegExp, Handler][]} */
const CONVERSATIONAL_ROUTES = [
	['GET', /^\/conversational_automation\/?$/, getComponents],
	['POST', /^\/conversational_automation\/?$/, postComponents],
];

module.exports = { CONVERSATIONAL_ROUTES, createConversationalStore };
