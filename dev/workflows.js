// @ts-check
/** The example workflows, made ready for an n8n that loads this package through N8N_CUSTOM_EXTENSIONS. */
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

const EXAMPLES = path.join(__dirname, '..', 'examples');
const PACKAGE_PREFIX = 'n8n-nodes-360dialog.';

/** The credential the examples use, as the stack imports it. */
const CREDENTIAL = { id: 'D360credential01', name: '360dialog' };

/** The flow endpoint credential the flow examples use; its key is made when the stack starts (flowCredential). */
const FLOW_CREDENTIAL = { id: 'D360flowEndpoint', name: '360dialog Flow Endpoint' };
const FLOW_CREDENTIAL_TYPE = 'dialog360FlowEndpointApi';

/** Ids of the example workflows that scripts and tests activate. */
const ECHO_BOT = 'D360EchoBot00001';
const SEND_HOOK = 'D360SendHook0001';
/** The trigger examples that listen beside the echo bot as extra destinations of its number. */
const ROUTE_BY_TYPE = 'D360RouteType001';
const VOICE_NOTE = 'D360VoiceNote001';
const FLOW_ENDPOINT = 'D360FlowEndpoint';
const FLOW_CHAT = 'D360FlowChat0001';

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
		const types = Object.keys(node.credentials ?? { dialog360Api: true });
		node.credentials = Object.fromEntries(
			types.map((type) => [
				type,
				type === FLOW_CREDENTIAL_TYPE
					? FLOW_CREDENTIAL
					: { id: credential.id, name: credential.name },
			]),
		);
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

/**
 * The flow endpoint credential for the stack to import, with a fresh key pair: the public half is for the
 * number (Upload Public Key, or the emulator's encryption endpoint).
 * @param {{ tokenSecret?: string }} [options]
 */
function flowCredential(options = {}) {
	const { generateKeyPairSync, randomBytes } = require('node:crypto');
	const { privateKey, publicKey } = generateKeyPairSync('rsa', {
		modulusLength: 2048,
		publicKeyEncoding: { type: 'spki', format: 'pem' },
		privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
	});
	const tokenSecret = options.tokenSecret ?? randomBytes(24).toString('base64url');
	return {
		credential: {
			...FLOW_CREDENTIAL,
			type: FLOW_CREDENTIAL_TYPE,
			data: { privateKey, passphrase: '', tokenSecret },
		},
		privateKey,
		publicKey,
		tokenSecret,
	};
}

/** The example flow's JSON (examples/flows), as the emulator's flow client walks it. */
function loadExampleFlow(file = 'appointment-booking.flow.json') {
	return JSON.parse(readFileSync(path.join(EXAMPLES, 'flows', file), 'utf8'));
}

module.exports = {
	loadExample,
	loadAllExamples,
	loadExampleFlow,
	flowCredential,
	CREDENTIAL,
	FLOW_CREDENTIAL,
	ECHO_BOT,
	SEND_HOOK,
	ROUTE_BY_TYPE,
	VOICE_NOTE,
	FLOW_ENDPOINT,
	FLOW_CHAT,
};
