/**
 * Open-loop load on loopback: posts go out on a fixed schedule (`rate` per second for a bounded count), whether or
 * not earlier ones have been answered, as webhooks arrive from 360dialog. Each post is timed from the moment it is
 * sent to the end of its answer; a post unanswered within `timeoutMs` counts as an error.
 */
import { Agent, request } from 'undici';

import { delay } from '../../helpers/wait';
import { summarize } from '../report';

export interface LoadResult {
	sent: number;
	/** Answered 200. */
	accepted: number;
	/** Any other answer, a refused connection or no answer in time. */
	errors: number;
	p50: number;
	p99: number;
	max: number;
	/** First few error descriptions, for the report. */
	errorSamples: string[];
	/** Every accepted post's answer time, ms. */
	samples: number[];
}

/** Several runs as one: their posts together, percentiles over all their answers. */
export function mergeLoads(results: LoadResult[]): LoadResult {
	const samples = results.flatMap((result) => result.samples);
	const figures = summarize(samples);
	return {
		sent: results.reduce((sum, result) => sum + result.sent, 0),
		accepted: results.reduce((sum, result) => sum + result.accepted, 0),
		errors: results.reduce((sum, result) => sum + result.errors, 0),
		p50: figures.p50,
		p99: figures.p99,
		max: figures.max,
		errorSamples: results.flatMap((result) => result.errorSamples).slice(0, 3),
		samples,
	};
}

export interface Post {
	url: string;
	body: string;
	headers?: Record<string, string>;
}

export async function postAtRate(
	posts: Post[],
	rate: number,
	{ timeoutMs = 30_000 }: { timeoutMs?: number } = {},
): Promise<LoadResult> {
	const dispatcher = new Agent({
		connections: 512,
		headersTimeout: timeoutMs,
		bodyTimeout: timeoutMs,
		keepAliveTimeout: 10_000,
	});
	const samples: number[] = [];
	const errorSamples: string[] = [];
	let accepted = 0;
	let errors = 0;
	const fail = (description: string) => {
		errors += 1;
		if (errorSamples.length < 3) errorSamples.push(description);
	};
	const one = async (post: Post) => {
		const started = process.hrtime.bigint();
		try {
			const answer = await request(post.url, {
				method: 'POST',
				body: post.body,
				headers: { 'content-type': 'application/json', ...post.headers },
				dispatcher,
			});
			await answer.body.dump();
			const ms = Number(process.hrtime.bigint() - started) / 1e6;
			if (answer.statusCode === 200) {
				accepted += 1;
				samples.push(ms);
			} else fail(`HTTP ${answer.statusCode}`);
		} catch (error) {
			fail((error as { code?: string }).code ?? (error as Error).message);
		}
	};
	const pending: Promise<void>[] = [];
	const startedAt = performance.now();
	try {
		for (let i = 0; i < posts.length; i++) {
			const due = startedAt + (i * 1000) / rate;
			const wait = due - performance.now();
			if (wait > 0) await delay(wait);
			pending.push(one(posts[i]));
		}
		await Promise.all(pending);
	} finally {
		await dispatcher.close();
	}
	const figures = summarize(samples);
	return {
		sent: posts.length,
		accepted,
		errors,
		p50: figures.p50,
		p99: figures.p99,
		max: figures.max,
		errorSamples,
		samples,
	};
}
