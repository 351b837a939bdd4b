/**
 * Figures with their targets: each row of a table prints its measured values, the target it is held to and PASS,
 * FAIL or n/a (a feature this build does not have, or a run that could not be made). Rows are also appended to the
 * run's results file, which the bench's global teardown prints as one summary at the end of `npm run bench` and,
 * after a run of every bench file, writes into docs/performance.md (support/performancePage.js).
 *
 * A bench file adds its rows and its prose to that page like this:
 *
 *   const table = new Table('Sending 400 texts inside n8n', {
 *     order: 10,                        // where the table stands on the page (lower first)
 *     measures: 'What each row measures, in sentences a reader of docs/performance.md understands.',
 *     verdicts: 'How each PASS/FAIL is reached: which figure, held to what, measured where.',
 *   });
 *   table.add({ name: 'this package, Concurrency 20', figures: { 'msg/s': 371 }, target: '≥ 0.9 × bare client',
 *               verdict: check(ratio >= 0.9), note: 'runs 0.97 / 0.99 / 1.01' });
 *   afterAll(() => table.print());
 *
 * A row whose target is '' and verdict '' is a reference (another package, n8n's own node). `check(ok)` turns a
 * judgement into PASS/FAIL (n/a when undefined). Judgements that hold from run to run are in ../report.ts:
 * `pairedRatio` (a rate against the bare client run turn about with it) and `withinNoise` (a percentile against an
 * A/A pair's own noise band); an absolute figure on this shared machine flips with its load, so no verdict uses one
 * unless it is a property of the product itself (a cap, a count, nothing lost).
 */
import { appendFileSync } from 'node:fs';

import { formatValue } from './performancePage';

export type Verdict = 'PASS' | 'FAIL' | 'n/a' | '';

export interface Row {
	/** What was measured: "this package, Concurrency 20, no cap". */
	name: string;
	/** Measured figures, printed in order: { 'msg/s': 380.2, 'most in flight': 20 }. */
	figures: Record<string, number | string | undefined>;
	/** The target in words, or '' for a reference row (another package, n8n's own node). */
	target: string;
	verdict: Verdict;
	/** Why a figure is n/a, or what else a reader must know. */
	note?: string;
}

export const NOT_AVAILABLE = 'n/a';

/** PASS when `ok`, FAIL otherwise; n/a when any figure it depends on is missing. */
export function check(ok: boolean | undefined): Verdict {
	if (ok === undefined) return 'n/a';
	return ok ? 'PASS' : 'FAIL';
}

export function formatRow(row: Row): string {
	const figures = Object.entries(row.figures)
		.map(([key, value]) => `${key} ${formatValue(value)}`)
		.join(' · ');
	const target = row.target ? `  [target: ${row.target}]` : '';
	const verdict = row.verdict ? `  ${row.verdict}` : '';
	const note = row.note ? `  (${row.note})` : '';
	return `${row.name.padEnd(58)} ${figures}${target}${verdict}${note}`;
}

/** The prose docs/performance.md prints above a table's rows. */
export interface TableAbout {
	/** Lower first on the page; tables without one follow in the order they were measured. */
	order?: number;
	/** What the rows measure and how. */
	measures: string;
	/** How each verdict is reached. */
	verdicts: string;
}

/** One table: rows collected while a bench runs, printed together. */
export class Table {
	private readonly rows: Row[] = [];

	constructor(
		private readonly title: string,
		about?: TableAbout,
	) {
		const file = process.env.N8N360_BENCH_RESULTS;
		if (file && about) appendFileSync(file, `${JSON.stringify({ about: title, ...about })}\n`);
	}

	add(row: Row): void {
		this.rows.push(row);
		const file = process.env.N8N360_BENCH_RESULTS;
		// Missing figures are kept as null, so that the summary prints them as n/a too.
		const figures = Object.fromEntries(
			Object.entries(row.figures).map(([key, value]) => [key, value ?? null]),
		);
		if (file) appendFileSync(file, `${JSON.stringify({ table: this.title, ...row, figures })}\n`);
		// Printed at once as well, so a run that dies half-way still shows what it measured.
		process.stdout.write(`  measured: ${formatRow(row)}\n`);
	}

	print(): void {
		process.stdout.write(`\n== ${this.title}\n${this.rows.map(formatRow).join('\n')}\n`);
	}
}
