/**
 * Sending inside a real n8n: the other 360dialog package, n8n's HTTP Request node with a hand-built body, the bare
 * Node.js client (no n8n) and this package at Concurrency 1 / 5 / 20 / 50, the bare client and the node taking turns
 * at each Concurrency, every rate target a ratio against the bare client; then the pace at the platform's highest
 * rate and a cap of 80, and the node against an emulator that throttles.
 */
import { createServer, type AddressInfo } from 'node:net';

import { startEmulator, type Emulator } from '../../emulator';
import { pairedRatio } from './report';
import { hasSendRateCap } from './support/features';
import { latestPeerVersion, PEER_PACKAGE, PEER_VERSION, peerExtensionFor } from './support/peer';
import { runToEnd, startStack } from './support/runs';
import { FULL_RUN, scaled } from './support/scale';
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

/**
 * The emulator's answer time for the rate rows. The rate is then set by the answers and the Concurrency, as against
 * the real API, and n8n needs a fraction of a core for it: on a shared 2-core machine whose other processes take most
 * of the CPU, a faster answer makes every sender's rate the CPU n8n is left, which no target against a client
 * without n8n survives.
 */
const LATENCY_MS = 500;
/** The answer time for the pace and throttling rows, where a high rate is the point. */
const FAST_LATENCY_MS = 50;
const API_KEY = 'emulator-key';
/** Texts per run at each Concurrency: eight rounds of answers, about four seconds. */
const COUNTS: Record<number, number> = {
	1: scaled(8),
	5: scaled(40),
	20: scaled(160),
	50: scaled(400),
};
const CONCURRENCIES = [1, 5, 20, 50];
const CAP = 80;
const CAPPED_COUNT = scaled(400);
const TOP_CAP = 1000;
const TOP_CAP_COUNT = scaled(800);
const PEER_COUNT = scaled(8);
const THROTTLED_COUNT = scaled(400);
const THROTTLED_RATE = 80;
/** Node runs at each Concurrency; the bare client runs once more, before, between and after them. */
const RUNS = Math.max(1, Number(process.env.N8N360_BENCH_SEND_RUNS ?? (FULL_RUN ? 5 : 3)));
/** The node inside n8n against the bare client without it, at the same Concurrency. */
const RATIO_TARGET = 0.9;
const RUN_TIMEOUT_MS = 180_000;

const table = new Table('Sending texts inside n8n', {
	order: 10,
	measures: [
		'A manual workflow (Code node → sender) sends texts to the emulator. The rate is taken between the',
		'emulator’s first and last accepted request; "most in flight" is the emulator’s own count. With the',
		`emulator answering after ${LATENCY_MS} ms: the other 360dialog package (one text at a time, in its own n8n),`,
		'n8n’s HTTP Request node with a hand-built JSON body (which sends every item at once), the bare Node.js',
		'client (support/bare-client.js: no n8n, its own process, a new connection per request as n8n’s HTTP helpers',
		'open them) and this package with Messages Per Second 0, at Concurrency 1 / 5 / 20 / 50',
		`(${COUNTS[1]} / ${COUNTS[5]} / ${COUNTS[20]} / ${COUNTS[50]} texts, eight rounds of answers), and capped at`,
		`${CAP} per second at Concurrency 50 (the emulator then allowing ${CAP} per second and answering 429 above).`,
		`With the emulator answering after ${FAST_LATENCY_MS} ms: the pace at the platform’s highest rate`,
		`(${TOP_CAP_COUNT} texts, Concurrency 50, cap ${TOP_CAP.toLocaleString('en-US')}, the emulator allowing that`,
		`many), and ${THROTTLED_COUNT} texts at Concurrency 20 without a cap against an emulator allowing`,
		`${THROTTLED_RATE} per second, where every throttled answer must slow the pool and be sent again. The pace`,
		'behind a cap spaces sends evenly and moves its slots back after a pause of n8n, so that a capped run meets',
		'no 429.',
	].join(' '),
	verdicts: [
		`At each Concurrency the bare client and the node take turns: bare, node, bare, ..., bare (${RUNS} node`,
		'runs). Each node run’s rate is divided by the mean of the bare runs just before and after it, and the',
		`median of those ratios must be at least ${RATIO_TARGET}: the node loses at most a tenth of what the machine`,
		'gives any sender at that Concurrency. The other package sends one text at a time: at Concurrency 50 this',
		`package must reach ${RATIO_TARGET} × 50 × its rate. A capped run is held to what a cap promises: no`,
		'throttled answer and at most 5 % over the cap; how close it comes to the cap is printed (× cap), as every',
		'late timer of a busy n8n moves the pace’s slots back. Every run must send every text exactly once. The rows',
		'of the other package, n8n’s HTTP Request node and the bare client are references.',
	].join(' '),
});
/** The other package's rate, for the "50 × the other package" target. */
let peerRate: number | undefined;

const figuresOf = (run: SendFigures, count: number, status: string) => ({
	'msg/s': run.rate,
	'most in flight': run.mostInFlight,
	throttled: run.throttled,
	'accepted once': `${run.acceptedOnce}/${count}`,
	run: status,
});

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const rounded = (values: number[], digits = 0) =>
	values.map((value) => value.toFixed(digits)).join(' / ');

async function sendOnce(
	emulator: Emulator,
	run: () => Promise<{ status: string }>,
	throughputPerSecond: number | null,
	latencyMs = LATENCY_MS,
) {
	emulator.setOptions({ latencyMs, throughputPerSecond, statusSequence: [] });
	const mark = markEmulator(emulator);
	const { status } = await run();
	return { figures: sendFigures(emulator, mark), status };
}

type Sent = Awaited<ReturnType<typeof sendOnce>>;
const allOnce = (runs: Sent[], count: number) =>
	runs.every((one) => one.figures.acceptedOnce === count && one.status === 'success');
const unthrottled = (runs: Sent[]) => runs.every((one) => one.figures.throttled === 0);
/** The run whose rate is the median, shown with the figures of every run beside it. */
const medianRun = (runs: Sent[]) => {
	const rates = runs.map((one) => one.figures.rate);
	return { shown: runs.find((one) => one.figures.rate === median(rates))!, rates };
};

test('the other 360dialog package sends one text at a time', async () => {
	const latest = latestPeerVersion();
	const emulator = await startEmulator({ numbers: [{ apiKey: API_KEY }], maxRecords: 100_000 });
	const peer = peerExtensionFor(emulator.url);
	const workflow = sendWorkflow('peer', PEER_COUNT, peerSender());
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
			name: `${PEER_PACKAGE} ${PEER_VERSION}, ${PEER_COUNT} texts`,
			figures: figuresOf(figures, PEER_COUNT, status),
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

test('n8n HTTP Request node and this package against the bare client, by concurrency and cap', async () => {
	const capAvailable = hasSendRateCap();
	const cap = (messagesPerSecond: number) => (capAvailable ? messagesPerSecond : undefined);
	const emulatorPort = await freePort();
	const baseUrl = `http://127.0.0.1:${emulatorPort}`;
	const httpCount = COUNTS[50];
	const httpRequest = sendWorkflow('httprequest', httpCount, httpRequestSender(baseUrl, API_KEY));
	const uncapped = new Map(
		CONCURRENCIES.map((concurrency) => [
			concurrency,
			sendWorkflow(
				`c${concurrency}`,
				COUNTS[concurrency],
				thisPackageSender({ concurrency, messagesPerSecond: cap(0) }),
			),
		]),
	);
	const capped = sendWorkflow(
		`c50cap${CAP}`,
		CAPPED_COUNT,
		thisPackageSender({ concurrency: 50, messagesPerSecond: cap(CAP) }),
	);
	const topCapped = sendWorkflow(
		`c50cap${TOP_CAP}`,
		TOP_CAP_COUNT,
		thisPackageSender({ concurrency: 50, messagesPerSecond: cap(TOP_CAP) }),
	);
	const againstThrottling = sendWorkflow(
		'throttled',
		THROTTLED_COUNT,
		thisPackageSender({ concurrency: 20, messagesPerSecond: cap(0) }),
	);
	const stack = await startStack({
		workflows: [httpRequest, ...uncapped.values(), capped, topCapped, againstThrottling],
		emulatorPort,
		emulatorOptions: { maxRecords: 200_000, statusSequence: [] },
	});
	const emulator = stack.emulator!;
	const run = (workflowId: string) => () => runToEnd(stack.rest, workflowId, RUN_TIMEOUT_MS);
	const nodeBin = n8nSupport.ensureRuntime().nodeBin;
	const bareRun = async (concurrency: number) => {
		emulator.setOptions({ latencyMs: LATENCY_MS, throughputPerSecond: null, statusSequence: [] });
		return await bareClientFigures(emulator, {
			nodeBin,
			apiKey: API_KEY,
			count: COUNTS[concurrency],
			concurrency,
		});
	};
	try {
		// Warm-up: n8n loads the nodes and starts its task runner on first use.
		await sendOnce(emulator, run(uncapped.get(50)!.id), null);
		await bareRun(50);

		const core = await sendOnce(emulator, run(httpRequest.id), null);
		table.add({
			name: `n8n HTTP Request node 4.2, hand-built JSON body, ${httpCount} texts`,
			figures: figuresOf(core.figures, httpCount, core.status),
			target: '',
			verdict: '',
		});

		let fastestRate: number | undefined;
		for (const concurrency of CONCURRENCIES) {
			const workflow = uncapped.get(concurrency)!;
			const withCap = concurrency === 50 && capAvailable;
			const bare: SendFigures[] = [await bareRun(concurrency)];
			const runs: Sent[] = [];
			const cappedRuns: Sent[] = [];
			for (let round = 0; round < RUNS; round++) {
				runs.push(await sendOnce(emulator, run(workflow.id), null));
				if (withCap) cappedRuns.push(await sendOnce(emulator, run(capped.id), CAP));
				bare.push(await bareRun(concurrency));
			}
			const bareRates = bare.map((figures) => figures.rate);
			table.add({
				name: `bare Node.js client, no n8n, Concurrency ${concurrency}, ${COUNTS[concurrency]} texts`,
				figures: { 'msg/s': median(bareRates), 'most in flight': bare.at(-1)!.mostInFlight },
				target: '',
				verdict: '',
				note: `a new connection per request; runs ${rounded(bareRates, 1)}`,
			});
			const { shown, rates } = medianRun(runs);
			const ratio = pairedRatio(rates, bareRates);
			if (concurrency === 50) fastestRate = median(rates);
			table.add({
				name: `this package, Concurrency ${concurrency}, Messages Per Second 0, ${COUNTS[concurrency]} texts`,
				figures: {
					...figuresOf(shown.figures, COUNTS[concurrency], shown.status),
					'× bare client': ratio.median,
				},
				target: `≥ ${RATIO_TARGET} × the bare client at Concurrency ${concurrency}, all once`,
				verdict: check(allOnce(runs, COUNTS[concurrency]) && ratio.median >= RATIO_TARGET),
				note: `ratios ${rounded(ratio.ratios, 2)}; runs ${rounded(rates, 1)} msg/s`,
			});
			if (!withCap) continue;
			const cappedMedian = medianRun(cappedRuns);
			table.add({
				name: `this package, Concurrency 50, cap ${CAP}/s, ${CAPPED_COUNT} texts`,
				figures: {
					...figuresOf(cappedMedian.shown.figures, CAPPED_COUNT, cappedMedian.shown.status),
					'× cap': median(cappedMedian.rates) / CAP,
				},
				target: `no throttled answer, ≤ ${CAP * 1.05} msg/s, all once`,
				verdict: check(
					allOnce(cappedRuns, CAPPED_COUNT) &&
						unthrottled(cappedRuns) &&
						median(cappedMedian.rates) <= CAP * 1.05,
				),
				note: `runs ${rounded(cappedMedian.rates, 1)} msg/s`,
			});
		}
		const peerTarget = RATIO_TARGET * 50;
		table.add({
			name: `this package at Concurrency 50, Messages Per Second 0 / ${PEER_PACKAGE}`,
			figures: {
				ratio:
					peerRate === undefined || fastestRate === undefined ? undefined : fastestRate / peerRate,
			},
			target: `≥ ${peerTarget}× (${RATIO_TARGET} × 50 at once against one at a time)`,
			verdict: check(
				peerRate === undefined || fastestRate === undefined
					? undefined
					: fastestRate / peerRate >= peerTarget,
			),
		});

		if (capAvailable) {
			const topRuns: Sent[] = [];
			for (let round = 0; round < RUNS; round++)
				topRuns.push(await sendOnce(emulator, run(topCapped.id), TOP_CAP, FAST_LATENCY_MS));
			const top = medianRun(topRuns);
			table.add({
				name: `this package, Concurrency 50, cap ${TOP_CAP.toLocaleString('en-US')}/s, ${TOP_CAP_COUNT} texts, answers after ${FAST_LATENCY_MS} ms`,
				figures: {
					...figuresOf(top.shown.figures, TOP_CAP_COUNT, top.shown.status),
					'× cap': median(top.rates) / TOP_CAP,
				},
				target: `no throttled answer, ≤ ${TOP_CAP * 1.05} msg/s, all once`,
				verdict: check(
					allOnce(topRuns, TOP_CAP_COUNT) &&
						unthrottled(topRuns) &&
						median(top.rates) <= TOP_CAP * 1.05,
				),
				note: `runs ${rounded(top.rates)} msg/s`,
			});
		}

		const throttled = await sendOnce(
			emulator,
			run(againstThrottling.id),
			THROTTLED_RATE,
			FAST_LATENCY_MS,
		);
		table.add({
			name: `this package, ${THROTTLED_COUNT} texts, Concurrency 20, Messages Per Second 0, emulator allowing ${THROTTLED_RATE}/s`,
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
