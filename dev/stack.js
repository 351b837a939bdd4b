// @ts-check
/**
 * The whole loop on one machine: the 360dialog emulator (or real 360dialog when a key is given), and a real n8n with
 * this package and the given workflows loaded, in either of n8n's execution modes:
 *
 * - `regular` (default): one `n8n start` on SQLite, as a first install runs.
 * - `queue`: what n8n scales on. Redis and PostgreSQL (private instances, see services.js), an n8n main (editor, REST
 *   API, activation; production webhooks off), `workers` × `n8n worker` (run every execution, manual ones too) and
 *   `webhookProcessors` × `n8n webhook` (receive production webhooks and queue executions). With more than one
 *   webhook processor a round-robin load balancer (balancer.js) stands in front of them, as in production.
 *
 * Used by the end-to-end suite, the benchmarks and `npm start`:
 *
 *   const stack = await startStack({ mode: 'queue', webhookProcessors: 2, workflows, n8nEnv: { ... } });
 *   await stack.rest.activate(workflowId);          // through the main's REST API
 *   await fetch(`${stack.webhookUrl}/webhook/...`); // where production webhooks go, in either mode
 *   await stack.stop();                              // everything, by process id
 */
const { existsSync, rmSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const path = require('node:path');

const { startEmulator } = require('../emulator');
const { startBalancer } = require('./balancer');
const {
	ensureRuntime,
	freePort,
	importData,
	makeUserFolder,
	n8nEnv,
	runN8n,
	startN8n,
	PACKAGE_ROOT,
} = require('./n8n');
const { connectRest } = require('./rest');
const { ensureServicesInstalled, startPostgres, startRedis } = require('./services');
const { CREDENTIAL } = require('./workflows');

const EMULATOR_NUMBER = {
	apiKey: 'emulator-key',
	phoneNumberId: '100000000000001',
	displayPhoneNumber: '15550001111',
	wabaId: '200000000000001',
};

/**
 * n8n settings that keep the 360dialog Trigger's answers fast on n8n's default (secure) expression engine.
 * With the default `vm` engine each expression isolate n8n takes costs far more CPU than the trigger's own work; a
 * delivery to a trigger other than n8n's own Webhook node takes one for the webhook phase and, without lazy
 * acquisition, another for the execution. Lazy acquisition takes the second only when an expression is really
 * evaluated (with the trigger at typeVersion 2, n8n also stops evaluating `$parameter.options.binaryData` for it when
 * reading the body; version 2.1 also has n8n write nothing to its database before it answers: use version 2.1).
 */
const RECOMMENDED_N8N_ENV = { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' };
/** Queue mode adds: n8n's PostgreSQL pool defaults to 2 connections per process, too few once requests back up. */
const RECOMMENDED_QUEUE_ENV = { ...RECOMMENDED_N8N_ENV, DB_POSTGRESDB_POOL_SIZE: '10' };

function ensureBuilt() {
	if (existsSync(path.join(PACKAGE_ROOT, 'dist', 'nodes', 'Dialog360', 'Dialog360.node.js')))
		return;
	execFileSync('npm', ['run', 'build'], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
}

/**
 * @typedef {{
 *   mode?: 'regular' | 'queue',
 *   webhookProcessors?: number,
 *   workers?: number,
 *   recommended?: boolean,
 *   workflows?: object[],
 *   credentials?: object[],
 *   apiKey?: string, baseUrl?: string,
 *   emulatorPort?: number, n8nPort?: number, webhookPort?: number, brokerPort?: number,
 *   emulatorOptions?: import('../emulator').StartEmulatorOptions,
 *   n8nEnv?: Record<string, string>,
 *   extraEnv?: Record<string, string>,
 *   killOnSignal?: boolean,
 *   log?: (line: string) => void,
 * }} StackOptions
 * - `mode`: 'regular' (default) or 'queue'.
 * - `webhookProcessors` (queue mode, default 1) and `workers` (queue mode, default 1): how many of each.
 * - `recommended`: add RECOMMENDED_N8N_ENV (regular) or RECOMMENDED_QUEUE_ENV (queue) to every n8n process. Default
 *   true in queue mode, false in regular mode (where the suite and the benchmarks see n8n's own defaults).
 * - `workflows`: imported before n8n starts, inactive; activate them through `stack.rest.activate(id)`, as a user would
 *   in the editor (in queue mode the main then registers the webhooks, and the webhook processors receive them).
 * - `credentials`: more credentials to import beside the 360dialog one (`{ id, name, type, data }`, data in plain).
 * - `n8nEnv` / `extraEnv` (the same; both are merged): environment for every n8n process, over everything else.
 * - `webhookPort` (queue mode): the port production webhooks are received on (the balancer's, with several processors).
 * - `brokerPort`: the task-runner broker's port of the n8n that serves the editor (the main in queue mode); the other
 *   processes take free ports.
 * - `killOnSignal` (default true): on SIGINT/SIGTERM everything is killed and this process ends; false when the
 *   caller handles signals and calls stop() itself.
 * - `log`: every line the processes print; in queue mode prefixed with the process (`main`, `worker 1`, `webhook 1`,
 *   `redis`, `postgres`).
 */

/** @param {StackOptions} options */
async function startStack(options = {}) {
	ensureBuilt();
	const emulator = options.baseUrl
		? undefined
		: await startEmulator({
				port: options.emulatorPort ?? 0,
				numbers: [EMULATOR_NUMBER],
				...options.emulatorOptions,
			});
	const baseUrl = options.baseUrl ?? /** @type {NonNullable<typeof emulator>} */ (emulator).url;
	const apiKey = options.apiKey ?? EMULATOR_NUMBER.apiKey;
	const credentials = [
		{ ...CREDENTIAL, type: 'dialog360Api', data: { apiKey, baseUrl } },
		...(options.credentials ?? []),
	];
	try {
		const started =
			options.mode === 'queue'
				? await startQueueMode(options, credentials)
				: await startRegularMode(options, credentials);
		return {
			...started,
			emulator,
			number: EMULATOR_NUMBER,
			async stop() {
				await started.stopN8n();
				await emulator?.close();
			},
		};
	} catch (error) {
		await emulator?.close();
		throw error;
	}
}

/** @param {StackOptions} options */
const callerEnv = (options) => ({ ...options.n8nEnv, ...options.extraEnv });

/** @param {StackOptions} options @param {object[]} credentials */
async function startRegularMode(options, credentials) {
	const runtime = ensureRuntime();
	const n8n = await startN8n({
		extensions: path.join(PACKAGE_ROOT, 'dist'),
		credentials,
		workflows: options.workflows ?? [],
		port: options.n8nPort,
		brokerPort: options.brokerPort,
		extraEnv: {
			...(options.recommended ? RECOMMENDED_N8N_ENV : {}),
			...callerEnv(options),
		},
		killOnSignal: options.killOnSignal,
		log: options.log,
	});
	let rest;
	try {
		rest = await connectRest(n8n.url, runtime.modules);
	} catch (error) {
		await n8n.stop();
		throw error;
	}
	return {
		mode: /** @type {'regular' | 'queue'} */ ('regular'),
		n8n,
		webhookUrl: n8n.url,
		rest,
		queue: undefined,
		stopN8n: n8n.stop,
	};
}

/** @param {StackOptions} options @param {object[]} credentials */
async function startQueueMode(options, credentials) {
	const runtime = ensureRuntime();
	ensureServicesInstalled();
	const webhookProcessors = options.webhookProcessors ?? 1;
	const workers = options.workers ?? 1;
	const prefixed = (/** @type {string} */ name) =>
		options.log ? (/** @type {string} */ line) => options.log?.(`${name} | ${line}`) : undefined;
	const shared = { killOnSignal: options.killOnSignal };

	/**
	 * Everything started so far, in stages stopped last to first; the parts of one stage (the n8n processes, the two
	 * services) stop together.
	 * @type {Array<Array<() => Promise<unknown>>>}
	 */
	const stages = [[], [], []];
	const [services, balancerAndFolders, n8nProcesses] = stages;
	const stopAll = async () => {
		for (const stage of [...stages].reverse())
			await Promise.all(stage.splice(0).map((stop) => stop()));
	};

	try {
		const [redis, postgres] = await Promise.all([
			startRedis({ ...shared, log: prefixed('redis') }),
			startPostgres({ ...shared, log: prefixed('postgres') }),
		]);
		services.push(redis.stop, postgres.stop);

		const mainPort = options.n8nPort ?? (await freePort());
		const processorPorts = [];
		for (let i = 0; i < webhookProcessors; i++)
			processorPorts.push(
				webhookProcessors === 1 && options.webhookPort ? options.webhookPort : await freePort(),
			);
		const processorUrls = processorPorts.map((port) => `http://127.0.0.1:${port}`);
		const balancer =
			webhookProcessors > 1
				? await startBalancer(processorUrls, { port: options.webhookPort })
				: undefined;
		if (balancer) balancerAndFolders.push(balancer.close);
		const webhookUrl = balancer?.url ?? processorUrls[0];

		const queueEnv = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
			DB_POSTGRESDB_DATABASE: postgres.database,
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
			// Main computes the URL a trigger registers: the webhook processors' (or their balancer's).
			WEBHOOK_URL: `${webhookUrl}/`,
			...(options.recommended === false ? {} : RECOMMENDED_QUEUE_ENV),
		};
		/** @param {number} port @param {Record<string, string>} own */
		const envFor = async (port, own) => {
			const userFolder = makeUserFolder();
			balancerAndFolders.push(async () => rmSync(userFolder, { recursive: true, force: true }));
			const env = n8nEnv({
				runtime,
				userFolder,
				port,
				brokerPort: await freePort(),
				extensions: path.join(PACKAGE_ROOT, 'dist'),
				extraEnv: { ...queueEnv, ...own, ...callerEnv(options) },
			});
			return { env, userFolder };
		};

		const main = await envFor(mainPort, {
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			...(options.brokerPort ? { N8N_RUNNERS_BROKER_PORT: String(options.brokerPort) } : {}),
		});
		// Before any n8n runs: a running main does not see what the CLI imports.
		importData(main.env, main.userFolder, { credentials, workflows: options.workflows ?? [] });

		const mainUrl = `http://127.0.0.1:${mainPort}`;
		const starting = [
			runN8n({
				command: 'start',
				...main,
				readyUrl: `${mainUrl}/healthz/readiness`,
				name: 'n8n main',
				log: prefixed('main'),
				...shared,
			}),
		];
		for (let i = 1; i <= workers; i++) {
			const healthPort = await freePort();
			const worker = await envFor(await freePort(), {
				// At info a worker logs every job it starts and finishes ("Worker started execution 12 (job 7)").
				N8N_LOG_LEVEL: 'info',
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(healthPort),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			});
			starting.push(
				runN8n({
					command: 'worker',
					...worker,
					readyUrl: `http://127.0.0.1:${healthPort}/healthz/readiness`,
					name: `n8n worker ${i}`,
					log: prefixed(`worker ${i}`),
					...shared,
				}),
			);
		}
		for (const [index, port] of processorPorts.entries()) {
			const processor = await envFor(port, {});
			starting.push(
				runN8n({
					command: 'webhook',
					...processor,
					readyUrl: `${processorUrls[index]}/healthz/readiness`,
					name: `n8n webhook processor ${index + 1}`,
					log: prefixed(`webhook ${index + 1}`),
					...shared,
				}),
			);
		}
		const results = await Promise.allSettled(starting);
		for (const result of results)
			if (result.status === 'fulfilled') n8nProcesses.push(result.value.stop);
		const failed = results.find((result) => result.status === 'rejected');
		if (failed) throw /** @type {PromiseRejectedResult} */ (failed).reason;
		const [mainProcess, ...others] = results.map(
			(result) =>
				/** @type {PromiseFulfilledResult<Awaited<ReturnType<typeof runN8n>>>} */ (result).value,
		);

		const rest = await connectRest(mainUrl, runtime.modules);
		const n8n = {
			url: mainUrl,
			pid: mainProcess.pid,
			stop: stopAll,
			cleanup: () => undefined,
		};
		return {
			mode: /** @type {'regular' | 'queue'} */ ('queue'),
			n8n,
			webhookUrl,
			rest,
			queue: {
				redis: { port: redis.port, pid: redis.pid },
				postgres: {
					host: postgres.host,
					port: postgres.port,
					user: postgres.user,
					password: postgres.password,
					database: postgres.database,
					pid: postgres.pid,
				},
				/** `output`: the last lines each printed (bounded). */
				workers: others
					.slice(0, workers)
					.map((worker) => ({ pid: worker.pid, output: worker.output })),
				webhookProcessors: others.slice(workers).map((processor, index) => ({
					url: processorUrls[index],
					pid: processor.pid,
					output: processor.output,
				})),
				balancer,
			},
			stopN8n: stopAll,
		};
	} catch (error) {
		await stopAll();
		throw error;
	}
}

module.exports = { startStack, EMULATOR_NUMBER, RECOMMENDED_N8N_ENV, RECOMMENDED_QUEUE_ENV };
