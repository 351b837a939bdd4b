// @ts-check
/**
 * `npm start`: a local n8n with this package and the example workflows, talking to the built-in 360dialog
 * emulator (or to real 360dialog when D360_API_KEY is set). Prints the editor URL and a command that makes
 * the emulator deliver an inbound WhatsApp message. Ctrl-C stops everything.
 *
 * `npm start -- --queue`: the same in n8n's queue mode: Redis and PostgreSQL (private instances from Debian's packages,
 * installed when missing), an n8n main, a worker and a webhook processor.
 *
 * Both run with the settings that keep the 360dialog Trigger fast (RECOMMENDED_N8N_ENV / RECOMMENDED_QUEUE_ENV).
 */
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const { freePort } = require('../dev/n8n');
const { OWNER } = require('../dev/rest');
const { startStack, RECOMMENDED_N8N_ENV, RECOMMENDED_QUEUE_ENV } = require('../dev/stack');
const { loadAllExamples, ECHO_BOT, SEND_HOOK } = require('../dev/workflows');

const ROOT = path.join(__dirname, '..');
const USAGE = 'Usage: npm start [-- --queue]';

/** @param {string[]} args */
function parseArgs(args) {
	const unknown = args.filter((arg) => arg !== '--queue');
	if (unknown.length) {
		console.error(`Unknown option ${unknown.join(' ')}. ${USAGE}`);
		process.exit(2);
	}
	return { queue: args.includes('--queue') };
}

/** The ports `npm start` listens on, each chosen by an environment variable; null: a free port unless set. */
const PORT_VARIABLES = {
	N8N_PORT: 5678,
	EMULATOR_PORT: 4010,
	WEBHOOK_PORT: 5680,
	N8N_RUNNERS_BROKER_PORT: null,
};

/**
 * Each port variable's value: the environment's, else its default, else a free port.
 * @returns {Promise<Record<keyof typeof PORT_VARIABLES, number>>}
 */
async function choosePorts() {
	/** @type {Record<string, number>} */
	const ports = {};
	for (const [name, fallback] of Object.entries(PORT_VARIABLES)) {
		const given = process.env[name];
		if (given === undefined || given === '') {
			ports[name] = fallback ?? (await freePort());
			continue;
		}
		const port = Number(given);
		if (!Number.isInteger(port) || port < 1 || port > 65535) {
			console.error(`${name} must be a port number from 1 to 65535 (got "${given}").`);
			process.exit(2);
		}
		ports[name] = port;
	}
	return /** @type {Record<keyof typeof PORT_VARIABLES, number>} */ (ports);
}

/** @param {Record<string, string | number>} env */
const describeSettings = (env) =>
	Object.entries(env)
		.map(([name, value]) => `${name}=${value}`)
		.join(' ');

async function main() {
	const { queue } = parseArgs(process.argv.slice(2));
	const ports = await choosePorts();
	console.log('Building the package...');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });

	const apiKey = process.env.D360_API_KEY;
	const realBaseUrl = apiKey
		? (process.env.D360_BASE_URL ?? 'https://waba-v2.360dialog.io')
		: undefined;
	const what = queue
		? 'Redis, PostgreSQL and n8n in queue mode (main, worker, webhook processor)'
		: 'n8n';
	console.log(
		apiKey
			? `Using 360dialog at ${realBaseUrl}. Starting ${what}...`
			: `Starting the 360dialog emulator and ${what}...`,
	);

	// Ctrl-C stops everything gracefully here, also while it is starting (then the exit handler of each process takes it down).
	/** @type {Awaited<ReturnType<typeof startStack>> | undefined} */
	let stack;
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log(`\nStopping ${queue ? 'n8n, Redis, PostgreSQL' : 'n8n'} and the emulator...`);
		await stack?.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);

	stack = await startStack({
		mode: queue ? 'queue' : 'regular',
		recommended: true,
		workflows: loadAllExamples(),
		apiKey,
		baseUrl: realBaseUrl,
		n8nPort: ports.N8N_PORT,
		webhookPort: queue ? ports.WEBHOOK_PORT : undefined,
		emulatorPort: ports.EMULATOR_PORT,
		brokerPort: ports.N8N_RUNNERS_BROKER_PORT,
		// Behind a tunnel or reverse proxy, triggers register its public URL.
		n8nEnv: process.env.WEBHOOK_URL ? { WEBHOOK_URL: process.env.WEBHOOK_URL } : undefined,
		log: process.env.VERBOSE ? (line) => console.log(`[n8n] ${line}`) : undefined,
		killOnSignal: false,
	});

	if (!apiKey) {
		await stack.rest.activate(ECHO_BOT);
		await stack.rest.activate(SEND_HOOK);
	}
	const { WEBHOOK_PORT, EMULATOR_PORT, ...always } = ports;
	const portsInUse = {
		...always,
		...(queue ? { WEBHOOK_PORT } : {}),
		...(apiKey ? {} : { EMULATOR_PORT }),
	};

	const lines = [
		'',
		`n8n is running:        ${stack.n8n.url}`,
		`  log in with:         ${OWNER.email} / ${OWNER.password}`,
		'  workflows:           the examples from examples/, with a "360dialog" credential',
	];
	if (stack.queue) {
		lines.push(
			`  webhooks:            ${stack.webhookUrl}  (n8n webhook, pid ${stack.queue.webhookProcessors[0].pid})`,
			`  executions:          n8n worker, pid ${stack.queue.workers[0].pid}`,
			`  Redis / PostgreSQL:  127.0.0.1:${stack.queue.redis.port} / 127.0.0.1:${stack.queue.postgres.port} (throw-away, removed on stop)`,
		);
	}
	lines.push(
		`  settings:            ${describeSettings(queue ? RECOMMENDED_QUEUE_ENV : RECOMMENDED_N8N_ENV)}`,
		`  ports:               ${describeSettings(portsInUse)}  (set any of them to choose another)`,
	);
	if (stack.emulator) {
		lines.push(
			`360dialog emulator:    ${stack.emulator.url}  (API key: ${stack.number.apiKey})`,
			'',
			'The echo bot is published. Send it a WhatsApp message through the emulator:',
			`  curl -s -X POST ${stack.emulator.url}/_emulator/inbound -H 'content-type: application/json' -d '{"from":"4915112345678","name":"Jane","type":"text","text":{"body":"hi"}}'`,
			'',
			'See what the bot sent back:',
			`  curl -s ${stack.emulator.url}/_emulator/sent`,
			'',
			'Send a message from any app through n8n:',
			`  curl -s -X POST ${stack.webhookUrl}/webhook/send-whatsapp -H 'content-type: application/json' -d '{"to":"+4915112345678","text":"Hello from n8n"}'`,
		);
	} else {
		lines.push(
			'',
			'Publish a trigger workflow once n8n is reachable on a public https URL (set WEBHOOK_URL).',
		);
	}
	lines.push('', 'Press Ctrl-C to stop.');
	console.log(lines.join('\n'));
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
