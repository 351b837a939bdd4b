#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Runs the emulator from a terminal:
 *
 *   node emulator/cli.js --port 0 --key KEY [--key KEY2] [--latency-ms N] ...
 *
 * Prints one line of JSON when listening: {"url":"http://127.0.0.1:PORT","port":PORT,"pid":PID}.
 * Stops cleanly on SIGTERM / SIGINT.
 */
const { startEmulator } = require('./index');

const USAGE = `Usage: node emulator/cli.js [options]
  --port N                     port on 127.0.0.1 (default 0 = any free port)
  --key KEY                    an API key; repeat for more numbers (default: emulator-key)
  --latency-ms N               delay before answering every API call
  --throughput N               POST /messages per second per number before HTTP 429 (default: no cap)
  --failure-ratio R            share of API calls answered 500 (0..1)
  --drop-ratio R               share of API calls whose connection is dropped (0..1)
  --recipient-faults T,F,D[,S] POST /messages per recipient and attempt: shares throttled (429),
                               failed (500) and dropped, from seed S (default 1)
  --status-gap-ms N            gap between sent / delivered / read webhooks (default 50)
  --retry-delays-ms A,B,C      webhook redelivery backoff (default 200,400,800,1600,3200)
  --webhook-timeout-ms N       how long a webhook target may take to answer (default 5000)
  --webhook URL                register this webhook for every number at start
  --webhook-header 'Name: v'   a header for --webhook; repeatable
  --new-template-status S      status of created templates (default APPROVED)
  --enforce-cloud-webhook-rules  reject webhook URLs the cloud would reject (http, port, "_")
  --verbose                    log API calls and webhook attempts to stderr
  --help`;

/** @param {string} name @param {string | undefined} value */
function numberArgument(name, value) {
	const number = Number(value);
	if (value === undefined || value === '' || !Number.isFinite(number))
		throw new Error(`${name} needs a number`);
	return number;
}

/** @param {string[]} argv */
function parseArguments(argv) {
	/** @type {Record<string, any>} */
	const options = {};
	/** @type {string[]} */
	const keys = [];
	/** @type {Record<string, string>} */
	const webhookHeaders = {};
	let webhookUrl;
	let verbose = false;
	for (let index = 0; index < argv.length; index += 1) {
		const flag = argv[index];
		const value = () => {
			index += 1;
			if (argv[index] === undefined) throw new Error(`${flag} needs a value`);
			return argv[index];
		};
		switch (flag) {
			case '--port':
				options.port = numberArgument(flag, value());
				break;
			case '--key':
				keys.push(value());
				break;
			case '--latency-ms':
				options.latencyMs = numberArgument(flag, value());
				break;
			case '--throughput':
				options.throughputPerSecond = numberArgument(flag, value());
				break;
			case '--failure-ratio':
				options.failureRatio = numberArgument(flag, value());
				break;
			case '--drop-ratio':
				options.dropRatio = numberArgument(flag, value());
				break;
			case '--recipient-faults': {
				const [throttleRatio, failureRatio, dropRatio, seed] = value()
					.split(',')
					.map((part) => numberArgument(flag, part));
				options.recipientFaults = { throttleRatio, failureRatio, dropRatio, seed };
				break;
			}
			case '--status-gap-ms':
				options.statusGapMs = numberArgument(flag, value());
				break;
			case '--retry-delays-ms':
				options.webhookRetryDelaysMs = value()
					.split(',')
					.filter(Boolean)
					.map((delay) => numberArgument(flag, delay));
				break;
			case '--webhook-timeout-ms':
				options.webhookTimeoutMs = numberArgument(flag, value());
				break;
			case '--webhook':
				webhookUrl = value();
				break;
			case '--webhook-header': {
				const header = value();
				const colon = header.indexOf(':');
				if (colon <= 0) throw new Error(`--webhook-header needs "Name: value", got "${header}"`);
				webhookHeaders[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
				break;
			}
			case '--new-template-status':
				options.newTemplateStatus = value();
				break;
			case '--enforce-cloud-webhook-rules':
				options.enforceCloudWebhookRules = true;
				break;
			case '--verbose':
				verbose = true;
				break;
			case '--help':
			case '-h':
				options.help = true;
				break;
			default:
				throw new Error(`unknown argument: ${flag}`);
		}
	}
	const webhook = webhookUrl ? { url: webhookUrl, headers: webhookHeaders } : undefined;
	if (keys.length > 0) options.numbers = keys.map((apiKey) => ({ apiKey, webhook }));
	else if (webhook) options.numbers = [{ apiKey: 'emulator-key', webhook }];
	if (verbose)
		options.log = (/** @type {string} */ line) => process.stderr.write(`[emulator] ${line}\n`);
	return options;
}

/** @param {string[]} argv */
async function main(argv = process.argv.slice(2)) {
	let options;
	try {
		options = parseArguments(argv);
	} catch (error) {
		process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
		process.exitCode = 2;
		return;
	}
	if (options.help) {
		process.stdout.write(`${USAGE}\n`);
		return;
	}
	delete options.help;
	const emulator = await startEmulator(options);
	process.stdout.write(
		`${JSON.stringify({ url: emulator.url, port: emulator.port, pid: process.pid })}\n`,
	);
	const stop = () => {
		emulator.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);
}

if (require.main === module) {
	main().catch((error) => {
		process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	});
}

module.exports = { main };
