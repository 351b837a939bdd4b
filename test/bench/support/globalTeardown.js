// @ts-check
/**
 * Prints every row the bench run measured, table by table, with its target and verdict, and counts the verdicts.
 * A run of every bench file (no path filter) also writes docs/performance.md (performancePage.js); a filtered run
 * writes that page only where N8N360_BENCH_MARKDOWN=<file> says, so that a partial run never replaces the record.
 */
const { existsSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const { formatValue, performancePage, readResults } = require('./performancePage');

/** Whether the run was narrowed to some files or tests. @param {any} [globalConfig] */
function filtered(globalConfig) {
	const patterns = globalConfig?.testPathPatterns?.patterns ?? [];
	return patterns.length > 0 || Boolean(globalConfig?.testNamePattern);
}

/** @param {any} [globalConfig] */
module.exports = async function globalTeardown(globalConfig) {
	const file = process.env.N8N360_BENCH_RESULTS;
	if (!file || !existsSync(file)) return;
	const { tables, rows } = readResults(readFileSync(file, 'utf8'));
	const lines = ['', '==== npm run bench: every figure with its target', ''];
	for (const table of tables) {
		lines.push(`== ${table.title}`);
		for (const row of table.rows) {
			const figures = Object.entries(row.figures ?? {})
				.map(([key, value]) => `${key} ${formatValue(value)}`)
				.join(' · ');
			const target = row.target ? `  [target: ${row.target}]` : '';
			const note = row.note ? `  (${row.note})` : '';
			lines.push(
				`${row.verdict ? row.verdict.padEnd(5) : '     '} ${row.name}: ${figures}${target}${note}`,
			);
		}
		lines.push('');
	}
	const count = (/** @type {string} */ verdict) =>
		rows.filter((row) => row.verdict === verdict).length;
	const started = Date.parse(process.env.N8N360_BENCH_STARTED ?? '');
	const minutes = (Date.now() - started) / 60_000;
	lines.push(
		`PASS ${count('PASS')} · FAIL ${count('FAIL')} · n/a ${count('n/a')} · ${minutes.toFixed(1)} minutes`,
		'',
	);
	process.stdout.write(lines.join('\n'));
	const root = globalConfig?.rootDir ?? path.join(__dirname, '..', '..', '..');
	const pageFile =
		process.env.N8N360_BENCH_MARKDOWN ??
		(filtered(globalConfig) ? undefined : path.join(root, 'docs', 'performance.md'));
	if (pageFile) {
		writeFileSync(pageFile, performancePage({ tables, rows, root, started, minutes }));
		process.stdout.write(`Written: ${pageFile}\n`);
	}
	// Only what globalSetup made: the results file, and its folder when it is the one globalSetup created.
	rmSync(file, { force: true });
	const folder = path.dirname(file);
	if (path.basename(folder).startsWith('n8n360-bench-'))
		rmSync(folder, { recursive: true, force: true });
};
