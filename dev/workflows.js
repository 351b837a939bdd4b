// @ts-check
/** The example workflows, made ready for an n8n that loads this package through N8N_CUSTOM_EXTENSIONS. */
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

const EXAMPLES = path.join(__dirname, '..', 'examples');
const PACKAGE_PREFIX = 'n8n-nodes-360dialog.';

/** The credential the examples use, as the stack imports it. */
const CREDENTIAL = { id: 'D360credential01', name: '360dialog' };

/** Ids of the example workflows that scripts and tests activate. */
const ECHO_BOT = 'D360EchoBot00001';
const SEND_HOOK = 'D360SendHook0001';
/** The trigger examples that listen beside the echo bot as extra destinations of its number. */
const ROUTE_BY_TYPE = 'D360RouteType001';
const VOICE_NOTE = 'D360VoiceNote001';

/**
 * Reads an example and points its 360dialog nodes at the custom-extension node types and the given credential.
 * @param {string} file e.g. 'echo-bot.json'
 * @param {{ id: string, name: string }} [credential]
 */
function loadExample(file, credential = CREDENTIAL) {
	const workflow = JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8'));
	for (const node of workflow.nodes) {
		if (!String(node.type).startsWith(PACKAGE_PREFIX)) continue;
		node.type = `CUSTOM.${node.type.slice(PACKAGE_PREFIX.length)}`;
		node.credentials = { dialog360Api: { id: credential.id, name: credential.name } };
	}
	workflow.active = false;
	return workflow;
}

/** @param {{ id: string, name: string }} [credential] */
function loadAllExamples(credential = CREDENTIAL) {
	return readdirSync(EXAMPLES)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => loadExample(file, credential));
}

module.exports = {
	loadExample,
	loadAllExamples,
	CREDENTIAL,
	ECHO_BOT,
	SEND_HOOK,
	ROUTE_BY_TYPE,
	VOICE_NOTE,
};
