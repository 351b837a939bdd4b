import { forEachItem, SLICE_MS } from '../../../nodes/Dialog360/actions/helpers/itemPass';

/** Holds the CPU for `ms`, as reading an item's expressions does. */
function busy(ms: number) {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		// spin
	}
}

describe('forEachItem: a pass over the items that shares the event loop', () => {
	test('a timer set before a long pass fires during it, not after it', async () => {
		const count = 20 * SLICE_MS;
		let visited = -1;
		let visitedWhenTimerFired: number | undefined;
		setTimeout(() => (visitedWhenTimerFired = visited), 0);
		await forEachItem(count, (i) => {
			busy(1);
			visited = i;
			return true;
		});
		expect(visited).toBe(count - 1);
		expect(visitedWhenTimerFired).toBeDefined();
		expect(visitedWhenTimerFired).toBeLessThan(count - 1);
	});

	test('visits every item once, in order, and stops where visit answers false', async () => {
		const seen: number[] = [];
		await forEachItem(10, async (i) => {
			seen.push(i);
			return i < 6;
		});
		expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
	});
});
