// @ts-check
/**
 * The whole loop on one machine: the 360dialog emulator (or real 360dialog when a key is given), and a real n8n
 * with this package and the example workflows loaded. Used by the end-to-end suite and by `npm start`.
 */
const { existsSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const { startEmulator } = require('../../emulator');
const { ensureRuntime, startN8n, PACKAGE_ROOT } = require('./n8n');
const { connectRest } = require('./rest');
const { CREDENTIAL } = require('./workflows');

const EMULATOR_NUMBER = {
	apiKey: 'emulator-key',
	phoneNumberId: '100000000000001',
	displayPhoneNumber: '15550001111',
	wabaId: '200000000000001',
};

function ensureBuilt() {
	if (existsSync(path.join(PACKAGE_ROOT, 'dist', 'nodes', 'Dialog360', 'Dialog360.node.js')))
		return;
	execFileSync('npm', ['run', 'build'], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
}

/**
 * @param {{
 *   workflows?: object[],
 *   apiKey?: string, baseUrl?: string,
 *   emulatorPort?: number, n8nPort?: number,
 *   emulatorOptions?: import('../../emulator').StartEmulatorOptions,
 *   n8nEnv?: Record<string, string>,
 *   killOnSignal?: boolean,
 *   log?: (line: string) => void,
 * }} options
 */
async function startStack(options = {}) {
	ensureBuilt();
	const runtime = ensureRuntime();
	const emulator = options.baseUrl
		? undefined
		: await startEmulator({
				port: options.emulatorPort ?? 0,
				numbers: [EMULATOR_NUMBER],
				...options.emulatorOptions,
			});
	const baseUrl = options.baseUrl ?? /** @type {NonNullable<typeof emulator>} */ (emulator).url;
	const apiKey = options.apiKey ?? EMULATOR_NUMBER.apiKey;
	let n8n;
	try {
		n8n = await startN8n({
			extensions: path.join(PACKAGE_ROOT, 'dist'),
			credentials: [{ ...CREDENTIAL, type: 'dialog360Api', data: { apiKey, baseUrl } }],
			workflows: options.workflows ?? [],
			port: options.n8nPort,
			extraEnv: options.n8nEnv,
			killOnSignal: options.killOnSignal,
			log: options.log,
		});
	} catch (error) {
		await emulator?.close();
		throw error;
	}
	let rest;
	try {
		rest = await connectRest(n8n.url, runtime.modules);
	} catch (error) {
		await n8n.stop();
		n8n.cleanup();
		await emulator?.close();
		throw error;
	}
	return {
		emulator,
		n8n,
		rest,
		number: EMULATOR_NUMBER,
		async stop() {
			await n8n.stop();
			await emulator?.close();
			n8n.cleanup();
		},
	};
}

module.exports = { startStack, EMULATOR_NUMBER };
