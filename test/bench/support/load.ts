/**
 * Open-loop load on loopback: posts go out on a fixed schedule (`rate` per second for a bounded count), whether or
 * not earlier ones have been answered, as webhooks arrive from 360dialog. Each post is timed from the moment it is
 * sent to the end of its answer; a post unanswered within `timeoutMs` counts as an error.
 */
import { Agent, request } from 'undici';

import { delay } from '../../../dev/wait';
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

export interface Post {
	url: string;
	body: string;
	headers?: Record<string, string>;
	/** Which figures the post counts toward (postGroupsAtRate); one group by default. */
	group?: string;
}

/** What one group of posts saw. */
class Tally {
	samples: number[] = [];
	errorSamples: string[] = [];
	sent = 0;
	accepted = 0;
	errors = 0;

	fail(description: string) {
		this.errors += 1;
		if (this.errorSamples.length < 3) this.errorSamples.push(description);
	}

	result(): LoadResult {
		const figures = summarize(this.samples);
		return {
			sent: this.sent,
			accepted: this.accepted,
			errors: this.errors,
			p50: figures.p50,
			p99: figures.p99,
			max: figures.max,
			errorSamples: this.errorSamples,
			samples: this.samples,
		};
	}
}

export async function postAtRate(
	posts: Post[],
	rate: number,
	options: { timeoutMs?: number } = {},
): Promise<LoadResult> {
	const groups = await postGroupsAtRate(
		posts.map((post) => ({ ...post, group: '' })),
		rate,
		options,
	);
	// No posts, no group: the same empty figures as a stream that sent nothing.
	return groups.get('') ?? new Tally().result();
}

/**
 * One stream of posts at `rate`, whatever their targets, with figures per `group`: posts to different targets
 * interleaved in one stream see the same machine at the same moments.
 */
export async function postGroupsAtRate(
	posts: Post[],
	rate: number,
	{ timeoutMs = 30_000 }: { timeoutMs?: number } = {},
): Promise<Map<string, LoadResult>> {
	const dispatcher = new Agent({
		connections: 512,
		headersTimeout: timeoutMs,
		bodyTimeout: timeoutMs,
		keepAliveTimeout: 10_000,
	});
	const tallies = new Map<string, Tally>();
	const one = async (post: Post) => {
		const group = post.group ?? '';
		let tally = tallies.get(group);
		if (!tally) tallies.set(group, (tally = new Tally()));
		tally.sent += 1;
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
				tally.accepted += 1;
				tally.samples.push(ms);
			} else tally.fail(`HTTP ${answer.statusCode}`);
		} catch (error) {
			tally.fail((error as { code?: string }).code ?? (error as Error).message);
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
	return new Map([...tallies].map(([group, tally]) => [group, tally.result()]));
}
