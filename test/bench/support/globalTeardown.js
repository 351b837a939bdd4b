// @ts-check
/**
 * Prints every row the bench run measured, table by table, with its target and verdict, and counts the verdicts:
 * the summary the README's results table is written from.
 */
const { existsSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');

/** @param {unknown} value */
function formatValue(value) {
	if (value === undefined || value === null) return 'n/a';
	if (typeof value === 'string') return value;
	if (typeof value !== 'number' || !Number.isFinite(value)) return 'n/a';
	if (Number.isInteger(value)) return value.toLocaleString('en-US');
	return value.toLocaleString('en-US', { maximumFractionDigits: value >= 100 ? 0 : 1 });
}

module.exports = async function globalTeardown() {
	const file = process.env.N8N360_BENCH_RESULTS;
	if (!file || !existsSync(file)) return;
	const rows = readFileSync(file, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line));
	/** @type {Map<string, any[]>} */
	const tables = new Map();
	for (const row of rows) {
		if (!tables.has(row.table)) tables.set(row.table, []);
		tables.get(row.table)?.push(row);
	}
	const lines = ['', '==== npm run bench: every figure with its target', ''];
	for (const [title, tableRows] of tables) {
		lines.push(`== ${title}`);
		for (const row of tableRows) {
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
	lines.push(`PASS ${count('PASS')} · FAIL ${count('FAIL')} · n/a ${count('n/a')}`, '');
	process.stdout.write(lines.join('\n'));
	// N8N360_BENCH_MARKDOWN=<file>: the same rows as Markdown tables, for the README's results section.
	const markdownFile = process.env.N8N360_BENCH_MARKDOWN;
	if (markdownFile) {
		const markdown = [];
		for (const [title, tableRows] of tables) {
			markdown.push(`**${title}**`, '', '| | figures | target | |', '| --- | --- | --- | --- |');
			for (const row of tableRows) {
				const figures = Object.entries(row.figures ?? {})
					.map(([key, value]) => `${key} ${formatValue(value)}`)
					.join(' · ');
				const cell = (/** @type {string} */ text) => text.replace(/\|/g, '\\|');
				markdown.push(
					`| ${cell(row.name)} | ${cell(figures)}${row.note ? ` (${cell(row.note)})` : ''} | ${cell(row.target || '')} | ${row.verdict || ''} |`,
				);
			}
			markdown.push('');
		}
		writeFileSync(markdownFile, markdown.join('\n'));
	}
	// Only what globalSetup made: the results file, and its folder when it is the one globalSetup created.
	rmSync(file, { force: true });
	const folder = path.dirname(file);
	if (path.basename(folder).startsWith('n8n360-bench-'))
		rmSync(folder, { recursive: true, force: true });
};
