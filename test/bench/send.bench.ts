/**
 * Sending inside a real n8n: 400 texts to an emulator answering after 50 ms, sent by the other 360dialog package,
 * by n8n's HTTP Request node with a hand-built body, and by this package at Concurrency 1 / 5 / 20 / 50 with
 * Messages Per Second 0 (the platform's highest rate, 1,000/s) / 80 / 1,000 (the emulator then allows that many per second too, answering 429
 * above it). The rate is taken between the emulator's first and last accepted request; "most in flight" is the
 * emulator's own count.
 */
import { createServer, type AddressInfo } from 'node:net';

import { startEmulator, type Emulator } from '../../emulator';
import { hasSendRateCap } from './support/features';
import { latestPeerVersion, PEER_PACKAGE, PEER_VERSION, peerExtensionFor } from './support/peer';
import { runToEnd, startStack } from './support/runs';
import { bareClientFigures, markEmulator, sendFigures, type SendFigures } from './support/sendRuns';
import { check, Table } from './support/verdict';
import {
	CREDENTIAL,
	httpRequestSender,
	peerSender,
	sendWorkflow,
	thisPackageSender,
} from './support/workflows';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const n8nSupport = require('../../dev/n8n') as typeof import('../../dev/n8n');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { connectRest } = require('../../dev/rest') as typeof import('../../dev/rest');

const COUNT = Number(process.env.N8N360_BENCH_SEND_COUNT ?? 400);
const THROTTLED_COUNT = COUNT * 2;
const LATENCY_MS = 50;
const API_KEY = 'emulator-key';
const CONCURRENCIES = [1, 5, 20, 50];
const CAPS = [0, 80, 1000];
const RUN_TIMEOUT_MS = 180_000;
/**
 * Each of this package's rows and the bare client run this many times; the run with the median rate is shown and
 * judged, the others beside it. At 900 msg/s a run of 400 texts lasts under half a second, so one pause on the
 * machine moves a single run's rate by a fifth.
 */
const RUNS = Math.max(1, Number(process.env.N8N360_BENCH_SEND_RUNS ?? 3));

const table = new Table(
	`Sending ${COUNT} texts inside n8n 2.41.1 (emulator answering after ${LATENCY_MS} ms)`,
);
/** The other package's rate, for the "50 × the other package" target. */
let peerRate: number | undefined;

const figuresOf = (run: SendFigures, status: string) => ({
	'msg/s': run.rate,
	'most in flight': run.mostInFlight,
	throttled: run.throttled,
	'accepted once': `${run.acceptedOnce}/${COUNT}`,
	run: status,
});

/** Runs `once` RUNS times: the run with the median rate, every run's rate, and whether a check held in all. */
async function repeated<T extends { figures: SendFigures }>(once: () => Promise<T>) {
	const runs: T[] = [];
	for (let i = 0; i < RUNS; i++) runs.push(await once());
	const byRate = [...runs].sort((a, b) => a.figures.rate - b.figures.rate);
	return {
		median: byRate[Math.floor((byRate.length - 1) / 2)],
		every: (holds: (run: T) => boolean) => runs.every(holds),
		note:
			runs.length > 1
				? `median of ${runs.length} runs: ${runs.map((run) => Math.round(run.figures.rate)).join(' / ')} msg/s`
				: undefined,
	};
}

async function sendOnce(
	emulator: Emulator,
	run: () => Promise<{ status: string }>,
	throughputPerSecond: number | null,
) {
	emulator.setOptions({ latencyMs: LATENCY_MS, throughputPerSecond, statusSequence: [] });
	const mark = markEmulator(emulator);
	const { status } = await run();
	return { figures: sendFigures(emulator, mark), status };
}

test('the other 360dialog package sends one text at a time', async () => {
	const latest = latestPeerVersion();
	const emulator = await startEmulator({ numbers: [{ apiKey: API_KEY }], maxRecords: 100_000 });
	const peer = peerExtensionFor(emulator.url);
	const workflow = sendWorkflow('peer', COUNT, peerSender());
	let n8n: Awaited<ReturnType<typeof n8nSupport.startN8n>> | undefined;
	try {
		n8n = await n8nSupport.startN8n({
			extensions: peer.folder,
			credentials: [{ ...CREDENTIAL, type: 'dialog360Api', data: { apiKey: API_KEY } }],
			workflows: [workflow],
		});
		const rest = await connectRest(n8n.url, n8nSupport.ensureRuntime().modules);
		const { figures, status } = await sendOnce(
			emulator,
			() => runToEnd(rest, workflow.id, RUN_TIMEOUT_MS),
			null,
		);
		peerRate = figures.rate;
		table.add({
			name: `${PEER_PACKAGE} ${PEER_VERSION}`,
			figures: figuresOf(figures, status),
			target: '',
			verdict: '',
			note: latest && latest !== PEER_VERSION ? `npm has ${latest}` : `latest on npm`,
		});
	} finally {
		await n8n?.stop();
		n8n?.cleanup();
		peer.remove();
		await emulator.close();
	}
}, 600_000);

test('n8n HTTP Request node and this package, by concurrency and cap', async () => {
	const capAvailable = hasSendRateCap();
	const emulatorPort = await freePort();
	const baseUrl = `http://127.0.0.1:${emulatorPort}`;
	const httpRequest = sendWorkflow('httprequest', COUNT, httpRequestSender(baseUrl, API_KEY));
	const ours = CONCURRENCIES.flatMap((concurrency) =>
		CAPS.map((cap) => ({
			concurrency,
			cap,
			workflow: sendWorkflow(
				`c${concurrency}cap${cap}`,
				COUNT,
				thisPackageSender({ concurrency, messagesPerSecond: capAvailable ? cap : undefined }),
			),
		})),
	);
	// No cap in the node against an emulator that allows 80 per second: every throttled answer must slow the whole
	// pool and be sent again, and every message accepted once.
	const againstThrottling = sendWorkflow(
		'throttled',
		THROTTLED_COUNT,
		thisPackageSender({ concurrency: 20, messagesPerSecond: capAvailable ? 0 : undefined }),
	);
	const stack = await startStack({
		workflows: [httpRequest, ...ours.map((run) => run.workflow), againstThrottling],
		emulatorPort,
		emulatorOptions: { maxRecords: 200_000, statusSequence: [] },
	});
	const emulator = stack.emulator!;
	const run = (workflowId: string) => () => runToEnd(stack.rest, workflowId, RUN_TIMEOUT_MS);
	try {
		// Warm-up: n8n loads the nodes and starts its task runner on first use.
		await sendOnce(emulator, run(ours.find((o) => o.concurrency === 50)!.workflow.id), null);

		const core = await sendOnce(emulator, run(httpRequest.id), null);
		table.add({
			name: 'n8n HTTP Request node 4.2, hand-built JSON body',
			figures: figuresOf(core.figures, core.status),
			target: '',
			verdict: '',
		});

		// The machine's ceiling at Concurrency 50: a bare Node.js client, no n8n, in its own process.
		emulator.setOptions({ latencyMs: LATENCY_MS, throughputPerSecond: null, statusSequence: [] });
		const bare: Record<string, SendFigures> = {};
		for (const keepAlive of [false, true]) {
			const runs = await repeated(async () => ({
				figures: await bareClientFigures(emulator, {
					nodeBin: n8nSupport.ensureRuntime().nodeBin,
					apiKey: API_KEY,
					count: COUNT,
					concurrency: 50,
					keepAlive,
				}),
			}));
			const { figures } = runs.median;
			bare[keepAlive ? 'keepAlive' : 'newConnection'] = figures;
			table.add({
				name: `bare Node.js client, no n8n, Concurrency 50, ${keepAlive ? 'connections kept alive' : 'a new connection per request'}`,
				figures: { 'msg/s': figures.rate, 'most in flight': figures.mostInFlight },
				target: '',
				verdict: '',
				note: [
					keepAlive
						? undefined
						: "as n8n's HTTP helpers connect: this machine's ceiling for any sender at Concurrency 50",
					runs.note,
				]
					.filter(Boolean)
					.join('; '),
			});
		}

		for (const { concurrency, cap, workflow } of ours) {
			const name = `this package, Concurrency ${concurrency}, ${cap === 0 ? 'Messages Per Second 0' : `cap ${cap}/s`}`;
			const expected = Math.min(concurrency * (1000 / LATENCY_MS), cap === 0 ? Infinity : cap);
			if (cap !== 0 && !capAvailable) {
				table.add({
					name,
					figures: { 'msg/s': undefined },
					target: `≥ ${Math.round(0.9 * expected)} msg/s`,
					verdict: 'n/a',
					note: 'not available: this build has no Messages Per Second option',
				});
				continue;
			}
			const runs = await repeated(() =>
				sendOnce(emulator, run(workflow.id), cap === 0 ? null : cap),
			);
			const { figures, status } = runs.median;
			// Every run must send every text exactly once, and with a cap get no throttled answer.
			const complete = runs.every(
				(one) => one.figures.acceptedOnce === COUNT && one.status === 'success',
			);
			const unthrottled = runs.every((one) => one.figures.throttled === 0);
			if (cap === 80) {
				table.add({
					name,
					figures: figuresOf(figures, status),
					target:
						concurrency * (1000 / LATENCY_MS) >= 80
							? '76–84 msg/s, no throttled answer, all once'
							: `≥ ${Math.round(0.9 * expected)} msg/s, no throttled answer, all once`,
					note: runs.note,
					verdict: check(
						complete &&
							unthrottled &&
							(expected >= 80
								? figures.rate >= 76 && figures.rate <= 84
								: figures.rate >= 0.9 * expected),
					),
				});
			} else {
				table.add({
					name,
					figures: figuresOf(figures, status),
					target: `≥ ${Math.round(0.9 * expected)} msg/s${cap ? ', no throttled answer' : ''}, all once`,
					note: runs.note,
					verdict: check(complete && figures.rate >= 0.9 * expected && (cap === 0 || unthrottled)),
				});
			}
			if (concurrency === 50 && cap === 0) {
				table.add({
					name: 'this package at Concurrency 50, Messages Per Second 0 / the bare client',
					figures: { ratio: figures.rate / bare.newConnection.rate },
					target: '',
					verdict: '',
					note: "the share of the machine's ceiling the node reaches inside n8n",
				});
				table.add({
					name: `this package at Concurrency 50, Messages Per Second 0 / ${PEER_PACKAGE}`,
					figures: { ratio: peerRate === undefined ? undefined : figures.rate / peerRate },
					target: '≥ 50×',
					verdict: check(peerRate === undefined ? undefined : figures.rate / peerRate >= 50),
				});
			}
		}

		const throttled = await sendOnce(emulator, run(againstThrottling.id), 80);
		table.add({
			name: `this package, ${THROTTLED_COUNT} texts, Concurrency 20, Messages Per Second 0, emulator allowing 80/s`,
			figures: {
				'msg/s': throttled.figures.rate,
				throttled: throttled.figures.throttled,
				'accepted once': `${throttled.figures.acceptedOnce}/${THROTTLED_COUNT}`,
				'sent twice': throttled.figures.duplicates,
				run: throttled.status,
			},
			target: 'all accepted exactly once',
			verdict: check(
				throttled.figures.acceptedOnce === THROTTLED_COUNT && throttled.figures.duplicates === 0,
			),
		});
	} finally {
		await stack.stop();
		table.print();
	}
}, 1_200_000);

/** A port nothing listens on right now, on 127.0.0.1. */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			server.close(() => resolve(port));
		});
	});
}
