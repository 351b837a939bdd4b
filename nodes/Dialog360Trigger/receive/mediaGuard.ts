/**
 * 360dialog blocks a number's media requests for a while after repeated failing ones (20 errors within
 * 60 minutes; older documents say 5 within an hour). The trigger stops asking for a number's media once
 * it has seen this many failures within the hour, per n8n process, and says so on the item.
 */
export const MEDIA_FAILURE_LIMIT = 4;
const WINDOW_MS = 60 * 60 * 1000;

export class MediaFailureGuard {
	private readonly failures = new Map<string, number[]>();

	constructor(
		private readonly limit = MEDIA_FAILURE_LIMIT,
		private readonly now: () => number = Date.now,
	) {}

	private recent(number: string): number[] {
		const since = this.now() - WINDOW_MS;
		const kept = (this.failures.get(number) ?? []).filter((at) => at > since);
		if (kept.length === 0) this.failures.delete(number);
		else this.failures.set(number, kept);
		return kept;
	}

	/** Whether requests for this number's media are paused. */
	isPaused(number: string): boolean {
		return this.recent(number).length >= this.limit;
	}

	recordFailure(number: string): void {
		const kept = this.recent(number);
		kept.push(this.now());
		this.failures.set(number, kept);
		// Bounded: the map never holds more numbers than a process could plausibly serve.
		if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
	}
}
