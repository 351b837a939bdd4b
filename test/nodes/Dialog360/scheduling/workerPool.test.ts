import { runChains } from '../../../../nodes/Dialog360/actions/scheduling/workerPool';

/** A run of `items` in which each item waits `ms` and notes when it started and ended. */
function timedRun(ms: number) {
	const log: Array<{ item: number; event: 'start' | 'end' }> = [];
	let running = 0;
	let mostAtOnce = 0;
	const runItem = async (item: number) => {
		log.push({ item, event: 'start' });
		mostAtOnce = Math.max(mostAtOnce, ++running);
		await new Promise((resolve) => setTimeout(resolve, ms));
		running--;
		log.push({ item, event: 'end' });
	};
	return { log, runItem, mostAtOnce: () => mostAtOnce };
}

describe('runChains: chains on a pool of workers', () => {
	test('no more items run at once than the concurrency', async () => {
		const run = timedRun(5);
		const chains = Array.from({ length: 10 }, (_, i) => [i]);
		await runChains(chains, 3, run.runItem, () => false);
		expect(run.mostAtOnce()).toBe(3);
		expect(run.log.filter((entry) => entry.event === 'end')).toHaveLength(10);
	});

	test('the items of one chain run one after another, in order', async () => {
		const run = timedRun(2);
		await runChains([[0, 1, 2], [3], [4]], 5, run.runItem, () => false);
		const chain = run.log.filter((entry) => entry.item <= 2).map((e) => `${e.event}${e.item}`);
		expect(chain).toEqual(['start0', 'end0', 'start1', 'end1', 'start2', 'end2']);
	});

	test('a worker takes no further item once the run is stopped', async () => {
		const started: number[] = [];
		await runChains(
			[[0, 1, 2, 3]],
			2,
			async (item) => {
				started.push(item);
			},
			() => started.includes(1),
		);
		expect(started).toEqual([0, 1]);
	});
});
