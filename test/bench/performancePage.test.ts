// eslint-disable-next-line @typescript-eslint/no-require-imports
const { performancePage, readResults } = require('./support/performancePage') as {
	readResults(text: string): { tables: Array<{ title: string; rows: unknown[] }>; rows: unknown[] };
	performancePage(run: object): string;
};

const lines = (...records: object[]) => records.map((record) => JSON.stringify(record)).join('\n');

describe('docs/performance.md from a run’s results', () => {
	const results = lines(
		{ about: 'Receiving', order: 20, measures: 'Posts at fixed rates.', verdicts: 'A/A band.' },
		{
			table: 'Receiving',
			name: 'trigger, 10/s',
			figures: { p50: '13 ms' },
			target: 'band',
			verdict: 'PASS',
		},
		{ about: 'Sending', order: 10, measures: 'Texts to the emulator.', verdicts: 'Ratio to bare.' },
		{
			table: 'Sending',
			name: 'Concurrency 5',
			figures: { 'msg/s': 9.5 },
			target: '≥ 0.9',
			verdict: 'FAIL',
		},
		{ about: 'Never measured', measures: 'x', verdicts: 'y' },
	);

	test('orders the tables by their place on the page, and leaves out a table without rows', () => {
		const { tables, rows } = readResults(results);
		expect(tables.map((table) => table.title)).toEqual(['Sending', 'Receiving']);
		expect(rows).toHaveLength(2);
	});

	test('prints each table’s prose above its rows, and counts the verdicts', () => {
		const page = performancePage({
			...readResults(results),
			root: __dirname,
			started: 0,
			minutes: 12.34,
		});
		expect(page).toContain('## Sending\n\nTexts to the emulator.\n\n**Verdicts.** Ratio to bare.');
		expect(page).toContain('| Concurrency 5 | msg/s 9.5 | ≥ 0.9 | FAIL |');
		expect(page).toContain('| verdicts | PASS 1 · FAIL 1 · n/a 0 |');
		expect(page).toContain('| duration | 12.3 minutes |');
		expect(page).toMatch(/\| commit \| [0-9a-f]{7,}( \(dirty\))? \|/);
		expect(page.indexOf('## Sending')).toBeLessThan(page.indexOf('## Receiving'));
	});
});
