import { noiseBand, pairedRatio, percentile, withinNoise } from './report';

/** Answer times around `center`, with a tail: the same shape every time for one `seed`. */
function answers(count: number, center: number, seed: number): number[] {
	let state = seed;
	const next = () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
	return Array.from(
		{ length: count },
		() => center + next() * 4 + (next() < 0.03 ? next() * 200 : 0),
	);
}

describe('the A/A noise band', () => {
	const a = answers(300, 14, 1);
	const b = answers(300, 14, 2);

	test('covers at least the gap the pair shows against itself', () => {
		const band = noiseBand(a, b, 99);
		const gap = Math.abs(
			percentile(
				[...a].sort((x, y) => x - y),
				99,
			) -
				percentile(
					[...b].sort((x, y) => x - y),
					99,
				),
		);
		expect(band.observed).toBeCloseTo(gap);
		expect(band.band).toBeGreaterThanOrEqual(gap);
	});

	test('is the same for the same answers, run after run', () => {
		expect(noiseBand(a, b, 50)).toEqual(noiseBand(a, b, 50));
	});

	test('holds a candidate from the same distribution, at p50 and p99', () => {
		const candidate = answers(300, 14, 3);
		expect(withinNoise(candidate, a, b, 50).holds).toBe(true);
		expect(withinNoise(candidate, a, b, 99).holds).toBe(true);
	});

	test('refuses a candidate slower by more than the noise, and passes a faster one', () => {
		expect(withinNoise(answers(300, 20, 3), a, b, 50).holds).toBe(false);
		expect(withinNoise(answers(300, 8, 3), a, b, 50).holds).toBe(true);
	});
});

describe('the paired ratio', () => {
	test('holds each run to the mean of the baseline runs on either side of it, and takes the median', () => {
		const { median, ratios } = pairedRatio([90, 50, 100], [100, 100, 100, 100]);
		expect(ratios).toEqual([0.9, 0.5, 1]);
		expect(median).toBe(0.9);
	});

	test('cancels a machine that slows down during the runs', () => {
		const { median } = pairedRatio([95, 75, 55], [100, 80, 60, 40]);
		expect(median).toBeCloseTo(1.07, 2);
	});
});
