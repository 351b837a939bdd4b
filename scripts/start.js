// @ts-check
/**
 * `npm start`: a local n8n with this package and the example workflows, talking to the built-in 360dialog
 * emulator (or to real 360dialog when D360_API_KEY is set). Prints the editor URL and a command that makes
 * the emulator deliver an inbound WhatsApp message. Ctrl-C stops everything.
 */
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const { OWNER } = require('../test/e2e/support/rest');
const { startStack } = require('../test/e2e/support/stack');
const { loadAllExamples, ECHO_BOT, SEND_HOOK } = require('../test/e2e/support/workflows');

const ROOT = path.join(__dirname, '..');

async function main() {
	console.log('Building the package...');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });

	const apiKey = process.env.D360_API_KEY;
	const realBaseUrl = apiKey
		? (process.env.D360_BASE_URL ?? 'https://waba-v2.360dialog.io')
		: undefined;
	console.log(
		apiKey ? `Using 360dialog at ${realBaseUrl}.` : 'Starting the 360dialog emulator and n8n...',
	);

	// Ctrl-C stops n8n gracefully here, also while it is starting (then the exit handler of startN8n takes it down).
	/** @type {Awaited<ReturnType<typeof startStack>> | undefined} */
	let stack;
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the emulator...');
		await stack?.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);

	stack = await startStack({
		workflows: loadAllExamples(),
		apiKey,
		baseUrl: realBaseUrl,
		n8nPort: Number(process.env.N8N_PORT ?? 5678),
		emulatorPort: Number(process.env.EMULATOR_PORT ?? 4010),
		log: process.env.VERBOSE ? (line) => console.log(`[n8n] ${line}`) : undefined,
		killOnSignal: false,
	});

	if (!apiKey) {
		await stack.rest.activate(ECHO_BOT);
		await stack.rest.activate(SEND_HOOK);
	}

	const lines = [
		'',
		`n8n is running:        ${stack.n8n.url}`,
		`  log in with:         ${OWNER.email} / ${OWNER.password}`,
		'  workflows:           the examples from examples/, with a "360dialog" credential',
	];
	if (stack.emulator) {
		lines.push(
			`360dialog emulator:    ${stack.emulator.url}  (API key: ${stack.number.apiKey})`,
			'',
			'The echo bot is active. Send it a WhatsApp message through the emulator:',
			`  curl -s -X POST ${stack.emulator.url}/_emulator/inbound -H 'content-type: application/json' -d '{"from":"4915112345678","name":"Jane","type":"text","text":{"body":"hi"}}'`,
			'',
			'See what the bot sent back:',
			`  curl -s ${stack.emulator.url}/_emulator/sent`,
			'',
			'Send a message from any app through n8n:',
			`  curl -s -X POST ${stack.n8n.url}/webhook/send-whatsapp -H 'content-type: application/json' -d '{"to":"+4915112345678","text":"Hello from n8n"}'`,
		);
	} else {
		lines.push(
			'',
			'Activate a trigger workflow once n8n is reachable on a public https URL (set WEBHOOK_URL).',
		);
	}
	lines.push('', 'Press Ctrl-C to stop.');
	console.log(lines.join('\n'));
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
