/** Prints benchmark figures as aligned lines, and the percentiles they are made of. */
export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[index];
}

export function summarize(samplesMs: number[]) {
	const sorted = [...samplesMs].sort((a, b) => a - b);
	const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
	return {
		n: sorted.length,
		mean,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99),
		max: sorted.at(-1) ?? NaN,
	};
}

const lines: string[] = [];

export function report(name: string, figures: Record<string, string | number>) {
	const text = Object.entries(figures)
		.map(
			([key, value]) =>
				`${key}=${typeof value === 'number' ? (Number.isInteger(value) ? value : value.toFixed(3)) : value}`,
		)
		.join('  ');
	lines.push(`${name.padEnd(46)} ${text}`);
}

export function printReport(title: string) {
	process.stdout.write(`\n== ${title}\n${lines.join('\n')}\n`);
	lines.length = 0;
}
