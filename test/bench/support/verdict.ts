/**
 * Figures with their targets: each row of a table prints its measured values, the target it is held to and PASS,
 * FAIL or n/a (a feature this build does not have, or a run that could not be made). Rows are also appended to the
 * run's results file, which the bench's global teardown prints as one summary at the end of `npm run bench`.
 */
import { appendFileSync } from 'node:fs';

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

function formatValue(value: number | string | undefined | null): string {
	if (value === undefined || value === null) return NOT_AVAILABLE;
	if (typeof value === 'string') return value;
	if (!Number.isFinite(value)) return NOT_AVAILABLE;
	if (Number.isInteger(value)) return value.toLocaleString('en-US');
	return value.toLocaleString('en-US', { maximumFractionDigits: value >= 100 ? 0 : 1 });
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

/** One table: rows collected while a bench runs, printed together. */
export class Table {
	private readonly rows: Row[] = [];

	constructor(private readonly title: string) {}

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
