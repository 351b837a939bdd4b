// @ts-check
/**
 * docs/performance.md, written from a bench run's results file: what the bench is, the run's commit, date, machine
 * and versions, then each table's prose (what its rows measure, how its verdicts are reached: see verdict.ts) above
 * its rows. Nothing on the page is copied by hand.
 */
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** @param {unknown} value */
function formatValue(value) {
	if (value === undefined || value === null) return 'n/a';
	if (typeof value === 'string') return value;
	if (typeof value !== 'number' || !Number.isFinite(value)) return 'n/a';
	if (Number.isInteger(value)) return value.toLocaleString('en-US');
	return value.toLocaleString('en-US', { maximumFractionDigits: value >= 100 ? 0 : 2 });
}

/**
 * @typedef {{ table: string, name: string, figures?: Record<string, unknown>, target?: string, verdict?: string,
 *   note?: string }} ResultRow
 * @typedef {{ title: string, order: number, measures?: string, verdicts?: string, rows: ResultRow[] }} ResultTable
 */

/**
 * The results file's lines, as tables in page order (by `order`, then as first measured) with their rows.
 * @param {string} text
 */
function readResults(text) {
	const records = text
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line));
	/** @type {Map<string, ResultTable>} */
	const tables = new Map();
	const tableOf = (/** @type {string} */ title) => {
		let table = tables.get(title);
		if (!table) tables.set(title, (table = { title, order: Infinity, rows: [] }));
		return table;
	};
	/** @type {ResultRow[]} */
	const rows = [];
	for (const record of records) {
		if (record.about !== undefined) {
			const table = tableOf(record.about);
			table.order = record.order ?? Infinity;
			table.measures = record.measures;
			table.verdicts = record.verdicts;
		} else {
			tableOf(record.table).rows.push(record);
			rows.push(record);
		}
	}
	const measured = [...tables.values()].filter((table) => table.rows.length > 0);
	const firstSeen = (/** @type {ResultTable} */ table) => measured.indexOf(table);
	measured.sort((a, b) => a.order - b.order || firstSeen(a) - firstSeen(b));
	return { tables: measured, rows };
}

/** @param {string[]} args @param {string} cwd */
function git(args, cwd) {
	try {
		return execFileSync('git', args, {
			cwd,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		});
	} catch {
		return undefined;
	}
}

/** @param {string} root */
function commitOf(root) {
	const head = git(['rev-parse', '--short', 'HEAD'], root)?.trim() ?? 'unknown';
	const changes = git(['status', '--porcelain', '--untracked-files=no'], root);
	return changes && changes.trim() ? `${head} (dirty)` : head;
}

/** The Node.js and n8n versions the bench's n8n ran on, read from the runtime folder. */
function runtimeVersions() {
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { ensureRuntime } = require('../../../dev/n8n');
		const runtime = ensureRuntime();
		const node = execFileSync(path.join(runtime.nodeBin, 'node'), ['--version'], {
			encoding: 'utf8',
		}).trim();
		const n8nPackage = path.join(runtime.modules, 'n8n', 'package.json');
		const n8n = existsSync(n8nPackage)
			? JSON.parse(readFileSync(n8nPackage, 'utf8')).version
			: 'unknown';
		return { node, n8n };
	} catch {
		return { node: 'unknown', n8n: 'unknown' };
	}
}

/** @param {string} text */
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const INTRO = `# Performance

Written by \`npm run bench\` at the end of a run of every bench file (test/bench/support/performancePage.js): the
figures below are that run's, on the machine named under "Last run". Do not edit this page by hand; run the bench.

## What the bench is

\`npm run bench\` builds the package, installs the runtime the end-to-end suite uses (Node 24 and n8n, in a cache
folder outside the repository) and runs test/bench/*.bench.ts one after the other inside real n8n processes on
127.0.0.1, against the 360dialog emulator (\`emulator/\`). Beside this package it measures, in the same run, the other
360dialog community package (\`@pmartino/n8n-nodes-360dialog\`, installed from the npm registry into the cache folder,
its hard-coded 360dialog URL pointed at the emulator in a throw-away copy), n8n's own HTTP Request and Webhook nodes,
and a bare Node.js client without n8n (test/bench/support/bare-client.js). Every load is bounded in count and time.

Every figure is printed with its target and PASS, FAIL or n/a (the build lacks what the row measures); rows with
neither are references. A verdict never compares a figure with a fixed number that depends on the machine: on a
shared 2-core machine such a number moves with what else runs. Instead:

- **Sending** is held to the bare client measured at the same Concurrency in the same run, the two taking turns run
  by run (bare, node, bare, node, ..., bare): each node run is divided by the mean of the bare runs just before and
  after it, and the median of those ratios is judged.
- **Receiving** is held to n8n's own Webhook node posted twice in the same stream (an A/A pair): the trigger passes
  when its gap to that node, at p50 and at p99, is within what the node shows against itself.
- **Counts** (every message accepted exactly once, nothing lost or run twice, no throttled answer under a cap)
  are properties of the product, held exactly.

Environment: \`N8N360_BENCH_FULL=1\` doubles the posts, texts and runs for a longer, more precise run;
\`N8N360_BENCH_MARKDOWN=<file>\` writes this page elsewhere (and from a run of some bench files only);
\`N8N360_PEER_VERSION\` measures another version of the other package. \`npx jest test/bench/send.bench.ts
--selectProjects bench\` runs one file (its summary is printed; this page is left as it is).
`;

/**
 * @param {{ tables: ResultTable[], rows: ResultRow[], root: string, started: number, minutes: number }} run
 */
function performancePage({ tables, rows, root, started, minutes }) {
	const count = (/** @type {string} */ verdict) =>
		rows.filter((row) => row.verdict === verdict).length;
	const versions = runtimeVersions();
	const cpus = os.cpus();
	const lines = [
		INTRO,
		'## Last run',
		'',
		'| | |',
		'| --- | --- |',
		`| commit | ${commitOf(root)} |`,
		`| date | ${new Date(Number.isFinite(started) ? started : Date.now()).toISOString().slice(0, 16).replace('T', ' ')} UTC |`,
		`| duration | ${minutes.toFixed(1)} minutes |`,
		`| machine | ${cpus.length} cores, ${cell(cpus[0]?.model?.trim() ?? 'unknown CPU')}, ${Math.round(os.totalmem() / 1024 ** 3)} GB memory, ${os.type()} ${os.release()} |`,
		`| n8n | ${versions.n8n}, on Node.js ${versions.node} (the bench itself: Node.js ${process.version}) |`,
		`| verdicts | PASS ${count('PASS')} · FAIL ${count('FAIL')} · n/a ${count('n/a')} |`,
		'',
	];
	for (const table of tables) {
		lines.push(`## ${table.title}`, '');
		if (table.measures) lines.push(table.measures, '');
		if (table.verdicts) lines.push(`**Verdicts.** ${table.verdicts}`, '');
		lines.push('| | figures | target | |', '| --- | --- | --- | --- |');
		for (const row of table.rows) {
			const figures = Object.entries(row.figures ?? {})
				.map(([key, value]) => `${key} ${formatValue(value)}`)
				.join(' · ');
			lines.push(
				`| ${cell(row.name)} | ${cell(figures)}${row.note ? ` (${cell(row.note)})` : ''} | ${cell(row.target || '')} | ${row.verdict || ''} |`,
			);
		}
		lines.push('');
	}
	return lines.join('\n');
}

module.exports = { formatValue, performancePage, readResults };
