/**
 * How long a bench run is: the default fits a newcomer's run on 2 cores; N8N360_BENCH_FULL=1 doubles posts, texts
 * and runs for a longer, more precise one.
 */
export const FULL_RUN = process.env.N8N360_BENCH_FULL === '1';

/** `count` in a default run, twice that with N8N360_BENCH_FULL=1. */
export const scaled = (count: number) => (FULL_RUN ? count * 2 : count);
