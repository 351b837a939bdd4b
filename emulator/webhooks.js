// @ts-check
'use strict';
/**
 * Webhook delivery: one queue per number, by default one POST in flight per number, so events leave in the order
 * they happened (`webhookConcurrency` lets several go at once, as the platform does under load, and gives up that
 * order). An answer other than HTTP 200 within the timeout (5 s on the platform) is a failed attempt; the event is
 * retried after the configured backoff delays, then given up.
 *
 * A failed event leaves the queue while it waits for its retry, and re-enters it at the back when the delay
 * has passed. So a receiver that fails once does not hold back the events behind it for the whole backoff
 * (the platform retries for days and does not stall a number's traffic meanwhile); the price is that a retried
 * event can arrive after later ones — which real receivers must cope with anyway, since delivery is
 * at-least-once and not ordered under failure.
 *
 * Extra destinations (`/multi_webhook`) get their own queues: an event goes to each of them once the main
 * webhook answered it with 200, and each retries on its own.
 */
const http = require('node:http');
const https = require('node:https');
const { activeDestinations } = require('./multi-webhook');

/** @typedef {import('./store').Store} Store */
/** @typedef {import('./store').DeliveryRecord} DeliveryRecord */

/**
 * @typedef {object} WebhookEvent
 * @property {number} eventId
 * @property {string} phoneNumberId
 * @property {'status' | 'inbound' | 'event'} kind
 * @property {unknown} body
 * @property {Buffer} payload
 * @property {string} destination `main`, or the URL of an extra destination
 * @property {number} attempt attempts made so far
 * @property {number} generation reset() generation the event belongs to
 */

/**
 * @param {{ store: Store, timers: ReturnType<typeof import('./timers').createTimerRegistry>,
 *   options: () => import('./options').EmulatorOptions, now: () => number, log: (line: string) => void }} deps
 */
function createWebhookDispatcher(deps) {
	/** @type {Map<string, { items: WebhookEvent[], active: number }>} */
	const queues = new Map();
	/** @type {Set<http.ClientRequest>} */
	const inFlight = new Set();
	let eventSeq = 0;
	let deliverySeq = 0;
	let generation = 0;
	let closed = false;

	/** @param {string} key number and destination */
	function queueOf(key) {
		let queue = queues.get(key);
		if (!queue) queues.set(key, (queue = { items: [], active: 0 }));
		return queue;
	}

	/** @param {WebhookEvent} event */
	const queueKey = (event) => `${event.phoneNumberId} ${event.destination}`;

	/**
	 * @param {string} phoneNumberId
	 * @param {'status' | 'inbound' | 'event'} kind
	 * @param {unknown} body
	 */
	function enqueue(phoneNumberId, kind, body) {
		const event = {
			eventId: ++eventSeq,
			phoneNumberId,
			kind,
			body,
			payload: Buffer.from(JSON.stringify(body)),
			destination: 'main',
			attempt: 0,
			generation,
		};
		push(event);
		return event;
	}

	/** @param {WebhookEvent} event */
	function push(event) {
		if (closed || event.generation !== generation) return;
		const key = queueKey(event);
		queueOf(key).items.push(event);
		drain(key);
	}

	/** What the main webhook acknowledged goes on to every extra destination. @param {WebhookEvent} event */
	function fanOut(event) {
		const config = deps.store.multiWebhooks.get(event.phoneNumberId);
		for (const destination of activeDestinations(config))
			push({ ...event, destination: destination.url, attempt: 0 });
	}

	/** @param {WebhookEvent} event */
	function targetOf(event) {
		if (event.destination === 'main') return deps.store.webhooks.get(event.phoneNumberId);
		const config = deps.store.multiWebhooks.get(event.phoneNumberId);
		return activeDestinations(config).find((destination) => destination.url === event.destination);
	}

	/** Starts deliveries of a queue up to `webhookConcurrency` at once. @param {string} key */
	function drain(key) {
		const queue = queueOf(key);
		while (!closed && queue.active < deps.options().webhookConcurrency && queue.items.length > 0) {
			const event = /** @type {WebhookEvent} */ (queue.items.shift());
			if (event.generation !== generation) continue;
			queue.active += 1;
			attempt(event)
				.catch((error) =>
					deps.log(`webhook queue error: ${error instanceof Error ? error.stack : String(error)}`),
				)
				.finally(() => {
					queue.active -= 1;
					drain(key);
				});
		}
	}

	/** @param {WebhookEvent} event */
	async function attempt(event) {
		const target = targetOf(event);
		if (!target) return; // nothing registered: the platform has nowhere to send it either
		event.attempt += 1;
		const headers = requestHeaders(target.headers, event.payload.length);
		const startedAt = deps.now();
		const started = process.hrtime.bigint();
		const outcome = await post(target.url, headers, event.payload, deps.options().webhookTimeoutMs);
		if (closed || event.generation !== generation) return;
		/** @type {DeliveryRecord} */
		const record = {
			seq: ++deliverySeq,
			eventId: event.eventId,
			kind: event.kind,
			phoneNumberId: event.phoneNumberId,
			destination: event.destination,
			url: target.url,
			headers,
			attempt: event.attempt,
			statusCode: outcome.statusCode,
			error: outcome.error,
			ok: outcome.statusCode === 200,
			body: event.body,
			at: startedAt,
			durationMs: Number(process.hrtime.bigint() - started) / 1e6,
		};
		deps.store.addDelivery(record);
		deps.log(
			`webhook ${event.kind} #${event.eventId} attempt ${event.attempt} → ${outcome.statusCode ?? outcome.error}`,
		);
		if (!record.ok) scheduleRetry(event, record);
		else if (event.destination === 'main') fanOut(event);
	}

	/** @param {WebhookEvent} event @param {DeliveryRecord} record */
	function scheduleRetry(event, record) {
		const delays = deps.options().webhookRetryDelaysMs;
		const delay = delays[event.attempt - 1];
		if (delay === undefined) {
			record.gaveUp = true;
			return;
		}
		record.nextRetryInMs = delay;
		deps.timers.after(delay, () => push(event));
	}

	/**
	 * POSTs once; resolves with the status code, or the error when no answer came in time.
	 * @param {string} url
	 * @param {Record<string, string>} headers
	 * @param {Buffer} payload
	 * @param {number} timeoutMs
	 * @returns {Promise<{ statusCode: number | null, error: string | null }>}
	 */
	function post(url, headers, payload, timeoutMs) {
		return new Promise((resolve) => {
			let settled = false;
			/** @param {number | null} statusCode @param {string | null} error */
			const settle = (statusCode, error) => {
				if (settled) return;
				settled = true;
				resolve({ statusCode, error });
			};
			let request;
			try {
				const client = new URL(url).protocol === 'https:' ? https : http;
				request = client.request(url, { method: 'POST', headers, agent: false });
			} catch (error) {
				settle(null, error instanceof Error ? error.message : String(error));
				return;
			}
			inFlight.add(request);
			const timer = setTimeout(() => {
				settle(null, `no answer within ${timeoutMs} ms`);
				request.destroy();
			}, timeoutMs);
			const finish = () => {
				clearTimeout(timer);
				inFlight.delete(request);
			};
			request.on('response', (response) => {
				settle(response.statusCode ?? null, null);
				response.resume();
				response.on('end', () => request.destroy());
			});
			request.on('error', (error) =>
				settle(null, /** @type {NodeJS.ErrnoException} */ (error).code ?? error.message),
			);
			request.on('close', () => {
				finish();
				settle(null, 'connection closed without an answer');
			});
			request.end(payload);
		});
	}

	/** Clears queues and forgets in-flight attempts (their outcome is not recorded). */
	function reset() {
		generation += 1;
		for (const queue of queues.values()) queue.items.length = 0;
		for (const request of inFlight) request.destroy();
	}

	function close() {
		closed = true;
		reset();
	}

	return {
		enqueue,
		reset,
		close,
		get inFlight() {
			return inFlight.size;
		},
	};
}

/**
 * The registered custom headers, then the JSON content headers (which win over same-named custom ones).
 * @param {Record<string, string>} custom
 * @param {number} length
 */
function requestHeaders(custom, length) {
	/** @type {Record<string, string>} */
	const headers = {};
	for (const [name, value] of Object.entries(custom)) {
		if (!/^content-(type|length)$/i.test(name)) headers[name] = String(value);
	}
	headers['content-type'] = 'application/json';
	headers['content-length'] = String(length);
	return headers;
}

module.exports = { createWebhookDispatcher };
