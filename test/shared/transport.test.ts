import {
	backoffDelayMs,
	DEFAULT_RETRY_POLICY,
	redactSecret,
	retryAfterMs,
} from '../../nodes/shared/transport';

describe('backoff', () => {
	const policy = { retries: 4, baseDelayMs: 500, maxDelayMs: 20_000 };

	test('doubles with each attempt, jittered between half and the full step', () => {
		expect(backoffDelayMs(0, policy, undefined, () => 0)).toBe(250);
		expect(backoffDelayMs(0, policy, undefined, () => 1)).toBe(500);
		expect(backoffDelayMs(3, policy, undefined, () => 0)).toBe(2000);
		expect(backoffDelayMs(3, policy, undefined, () => 1)).toBe(4000);
	});

	test('never waits longer than the cap', () => {
		expect(backoffDelayMs(30, policy, undefined, () => 1)).toBeLessThanOrEqual(20_000);
		expect(backoffDelayMs(0, policy, 120_000)).toBe(20_000);
	});

	test("follows the server's Retry-After when it gives one", () => {
		expect(backoffDelayMs(2, policy, 1500, () => 1)).toBe(1500);
		expect(backoffDelayMs(2, policy, 0, () => 1)).toBe(0);
	});

	test('the default policy is bounded: at most four retries', () => {
		expect(DEFAULT_RETRY_POLICY.retries).toBe(4);
	});
});

describe('Retry-After', () => {
	test('seconds and HTTP dates are both understood', () => {
		expect(retryAfterMs({ 'retry-after': '2' })).toBe(2000);
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(retryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }, now)).toBe(3000);
	});

	test('a missing or unreadable header gives nothing', () => {
		expect(retryAfterMs({})).toBeUndefined();
		expect(retryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
	});
});

describe('redactSecret', () => {
	test('removes every occurrence of the key', () => {
		expect(redactSecret('key abc123 and abc123 again', 'abc123')).toBe(
			'key [redacted] and [redacted] again',
		);
	});

	test('leaves text alone without a key', () => {
		expect(redactSecret('nothing secret', undefined)).toBe('nothing secret');
	});
});
