// @ts-check
'use strict';
/**
 * Faults of POST /messages chosen per recipient and attempt: the n-th call for a recipient always meets the
 * same fate for the same seed, whatever order concurrent senders' calls arrive in. A sender that keeps each
 * recipient's messages in order therefore sees the same faults on every run, so a test can assert exactly
 * what happened.
 */
const { createHash } = require('node:crypto');

/**
 * @typedef {object} RecipientFaults
 * @property {number} throttleRatio share answered 429 / 130429 with Retry-After
 * @property {number} failureRatio share answered 500 / 131000
 * @property {number} dropRatio share whose connection is destroyed before the message is processed
 * @property {number} seed selects one fixed sequence of faults
 * @property {number} retryAfterSeconds the Retry-After of a throttled answer
 * @property {((recipient: string, attempt: number) => number) | undefined} draw a number in [0, 1) per call;
 *   replaces the seeded hash
 */

/** @typedef {'drop' | 'fail' | 'throttle'} RecipientFault */

/** How many recipients keep their attempt count; the oldest is forgotten first. */
const MAX_RECIPIENTS = 100_000;

/** A number in [0, 1) fixed by seed, recipient and attempt. @param {number} seed @param {string} recipient @param {number} attempt */
function seededDraw(seed, recipient, attempt) {
	const digest = createHash('sha256').update(`${seed}:${recipient}:${attempt}`).digest();
	return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** The recipient a message body names (`to` digits, or a user id), if any. @param {unknown} body */
function recipientOf(body) {
	if (typeof body !== 'object' || body === null) return undefined;
	const { to, recipient } = /** @type {{ to?: unknown, recipient?: unknown }} */ (body);
	if (typeof to === 'string' || typeof to === 'number') return String(to).replace(/\D/g, '');
	if (typeof recipient === 'string' && recipient !== '') return recipient;
	return undefined;
}

function createRecipientFaultPlan() {
	/** @type {Map<string, number>} */
	const attempts = new Map();

	/**
	 * The fault for this call, counting it as the recipient's next attempt; null when it goes through.
	 * @param {RecipientFaults | null} plan
	 * @param {unknown} body the parsed JSON body of a POST /messages
	 * @returns {RecipientFault | null}
	 */
	function decide(plan, body) {
		const recipient = recipientOf(body);
		if (!plan || recipient === undefined) return null;
		const attempt = (attempts.get(recipient) ?? 0) + 1;
		attempts.delete(recipient);
		attempts.set(recipient, attempt);
		if (attempts.size > MAX_RECIPIENTS)
			attempts.delete(/** @type {string} */ (attempts.keys().next().value));
		const draw = plan.draw
			? plan.draw(recipient, attempt)
			: seededDraw(plan.seed, recipient, attempt);
		if (draw < plan.dropRatio) return 'drop';
		if (draw < plan.dropRatio + plan.failureRatio) return 'fail';
		if (draw < plan.dropRatio + plan.failureRatio + plan.throttleRatio) return 'throttle';
		return null;
	}

	return { decide, reset: () => attempts.clear() };
}

/**
 * Validates the `recipientFaults` option: null (none) or the three ratios, whose sum is at most 1.
 * @param {unknown} value
 * @param {(message: string) => Error} invalid
 * @returns {RecipientFaults | null}
 */
function recipientFaultsOption(value, invalid) {
	if (value === null || value === undefined) return null;
	if (typeof value !== 'object') throw invalid('recipientFaults must be an object or null');
	const input = /** @type {Record<string, unknown>} */ (value);
	const known = ['throttleRatio', 'failureRatio', 'dropRatio', 'seed', 'retryAfterSeconds', 'draw'];
	const unknown = Object.keys(input).filter((key) => !known.includes(key));
	if (unknown.length)
		throw invalid(
			`recipientFaults: unknown field ${unknown.join(', ')}; known: ${known.join(', ')}`,
		);
	/** @param {string} name @param {number} fallback */
	const share = (name, fallback) => {
		const number = input[name] ?? fallback;
		if (typeof number !== 'number' || !(number >= 0 && number <= 1))
			throw invalid(`recipientFaults.${name} must be a number between 0 and 1`);
		return number;
	};
	const plan = {
		throttleRatio: share('throttleRatio', 0),
		failureRatio: share('failureRatio', 0),
		dropRatio: share('dropRatio', 0),
		seed: typeof input.seed === 'number' && Number.isFinite(input.seed) ? input.seed : 1,
		retryAfterSeconds: 1,
		draw: undefined,
	};
	if (plan.throttleRatio + plan.failureRatio + plan.dropRatio > 1)
		throw invalid('recipientFaults: the three ratios add up to more than 1');
	if (input.retryAfterSeconds !== undefined) {
		if (typeof input.retryAfterSeconds !== 'number' || !(input.retryAfterSeconds >= 0))
			throw invalid('recipientFaults.retryAfterSeconds must be a number >= 0');
		plan.retryAfterSeconds = input.retryAfterSeconds;
	}
	if (input.draw !== undefined) {
		if (typeof input.draw !== 'function') throw invalid('recipientFaults.draw must be a function');
		return { ...plan, draw: /** @type {RecipientFaults['draw']} */ (input.draw) };
	}
	return plan;
}

module.exports = { createRecipientFaultPlan, recipientFaultsOption, seededDraw };
