/**
 * The statistics every bench reports with, and the two judgements its verdicts are made of.
 *
 * - `summarize(samples)`: n, mean, p50, p95, p99, max of answer times.
 * - `noiseBand(a, b, p)`: how far the p-th percentile of one sample lies from another's when both come from the same
 *   thing (an A/A pair measured in the same run); `withinNoise` holds a candidate to a baseline with it.
 * - `pairedRatio(candidate, baseline)`: the median ratio of runs taken turn about with the baseline, each held to the
 *   mean of the baseline runs just before and after it (`baseline` has one run more than `candidate`).
 */
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

const percentileOf = (samples: number[], p: number) =>
	percentile(
		[...samples].sort((x, y) => x - y),
		p,
	);

/** A fixed-seed generator: the same samples give the same band in every run of the report. */
function seededRandom(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** How many random splits of an A/A pair `noiseBand` takes. */
export const NOISE_SPLITS = 2000;
/** The share of those splits whose gap the band covers. */
export const NOISE_COVERAGE = 0.995;

export interface NoiseBand {
	/** The A/A pair's own gap at the percentile, |A − A′|, ms. */
	observed: number;
	/** The gap that NOISE_COVERAGE of random splits of A ∪ A′ into two halves stay within, ms. */
	resampled: number;
	/** The larger of the two: what the baseline shows against itself. */
	band: number;
	/** The percentile of A ∪ A′: the baseline a candidate is held to. */
	baseline: number;
}

/**
 * What the baseline shows against itself at percentile `p`: the gap between the two halves of an A/A pair (the same
 * node posted twice, interleaved), and the gap NOISE_COVERAGE of NOISE_SPLITS random re-splits of their pooled
 * answers into two halves of the same sizes stay within; the band is the larger.
 */
export function noiseBand(a: number[], b: number[], p: number): NoiseBand {
	const pooled = [...a, ...b];
	const observed = Math.abs(percentileOf(a, p) - percentileOf(b, p));
	const random = seededRandom(a.length * 7919 + b.length + p);
	const gaps: number[] = [];
	const shuffled = [...pooled];
	for (let split = 0; split < NOISE_SPLITS; split++) {
		for (let i = shuffled.length - 1; i > 0; i--) {
			const j = Math.floor(random() * (i + 1));
			[shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
		}
		gaps.push(
			Math.abs(
				percentileOf(shuffled.slice(0, a.length), p) - percentileOf(shuffled.slice(a.length), p),
			),
		);
	}
	const resampled = percentile(
		gaps.sort((x, y) => x - y),
		NOISE_COVERAGE * 100,
	);
	return {
		observed,
		resampled,
		band: Math.max(observed, resampled),
		baseline: percentileOf(pooled, p),
	};
}

/** A candidate's percentile against an A/A pair: its gap to the pair's pooled figure, and whether that is noise. */
export function withinNoise(candidate: number[], a: number[], b: number[], p: number) {
	const noise = noiseBand(a, b, p);
	const value = percentileOf(candidate, p);
	const gap = value - noise.baseline;
	return { value, gap, ...noise, holds: gap <= noise.band };
}

/**
 * The median of candidate[i] / mean(baseline[i], baseline[i + 1]): runs taken turn about (B C B C ... B), so that
 * each candidate run is held to the baseline runs on either side of it, which met the same machine.
 */
export function pairedRatio(candidate: number[], baseline: number[]) {
	const ratios = candidate.map((value, i) => value / ((baseline[i] + baseline[i + 1]) / 2));
	const sorted = [...ratios].sort((x, y) => x - y);
	return { median: sorted[Math.floor((sorted.length - 1) / 2)], ratios };
}
