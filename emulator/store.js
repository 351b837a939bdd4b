// @ts-check
'use strict';
/**
 * What the emulator remembers: the numbers it serves, their webhooks, the contacts' service windows,
 * the ids of inbound messages (for mark-as-read), business profiles, and the records tests read
 * (requests, sent messages, webhook deliveries, injected inbound messages).
 *
 * The record arrays are cleared in place on reset, so references handed out earlier stay live.
 */

const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** @typedef {import('./options').NumberConfig} NumberConfig */
/** @typedef {{ url: string, headers: Record<string, string> }} WebhookConfig */

/**
 * @typedef {object} RequestRecord
 * @property {number} seq
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string>} query
 * @property {import('node:http').IncomingHttpHeaders} headers
 * @property {unknown} [body] parsed JSON, a multipart summary, or `{ unparsed }` text
 * @property {number | null} status the answer's HTTP status; null while pending or when dropped
 * @property {unknown} [response] the answered JSON body
 * @property {boolean} [dropped]
 * @property {string} [phoneNumberId] the number the key selected
 * @property {number} at ms epoch
 */

/**
 * @typedef {object} SentRecord
 * @property {string} id
 * @property {string} phoneNumberId
 * @property {string} type
 * @property {string | undefined} to
 * @property {string | undefined} recipient
 * @property {string} recipientId what status webhooks carry as recipient_id
 * @property {string | undefined} recipientUserId
 * @property {unknown} request the JSON body as sent
 * @property {string} status accepted → sent → delivered → read, or failed
 * @property {{ status: string, timestamp: string }[]} statuses
 * @property {unknown[] | undefined} errors
 * @property {string} category pricing category: service, utility, marketing, authentication
 * @property {boolean} billable
 * @property {string} conversationId
 * @property {boolean} windowOpen whether the 24-hour window was open at send time
 * @property {string | undefined} template "name/language" for template sends
 * @property {'marketing_messages'} [endpoint] set when the send came through Marketing Messages Lite
 * @property {number} at
 */

/**
 * @typedef {object} DeliveryRecord
 * @property {number} seq
 * @property {string} destination `main`, or the URL of an extra destination
 * @property {number} eventId one id per webhook event; its retries share it
 * @property {'status' | 'inbound' | 'event'} kind
 * @property {string} phoneNumberId
 * @property {string} url
 * @property {Record<string, string>} headers the headers sent
 * @property {number} attempt 1 for the first try
 * @property {number | null} statusCode
 * @property {string | null} error
 * @property {boolean} ok answered 200 in time
 * @property {unknown} body the posted envelope
 * @property {number} at
 * @property {number} durationMs
 * @property {number} [nextRetryInMs]
 * @property {boolean} [gaveUp] the last attempt failed and no retry is left
 */

/**
 * @typedef {object} InboundRecord
 * @property {string} messageId
 * @property {string} phoneNumberId
 * @property {unknown} envelope
 * @property {number} at
 */

/**
 * Appends to a record list, dropping the oldest entries once it holds more than `limit` (so a long run
 * or a benchmark does not grow without bound). Trims in batches to keep appends cheap.
 * @template T
 * @param {T[]} list
 * @param {T} item
 * @param {number} limit
 */
function appendBounded(list, item, limit) {
	list.push(item);
	if (list.length > limit + Math.ceil(limit / 10)) list.splice(0, list.length - limit);
	return item;
}

/**
 * @param {NumberConfig[]} numbers
 * @param {() => number} now
 * @param {number} maxRecords how many entries each record list keeps
 */
function createStore(numbers, now, maxRecords) {
	const byApiKey = new Map(numbers.map((number) => [number.apiKey, number]));
	const byPhoneNumberId = new Map(numbers.map((number) => [number.phoneNumberId, number]));

	/** @type {RequestRecord[]} */ const requests = [];
	/** @type {SentRecord[]} */ const sent = [];
	/** @type {DeliveryRecord[]} */ const deliveries = [];
	/** @type {InboundRecord[]} */ const inbound = [];
	/** @type {Map<string, WebhookConfig>} phoneNumberId → webhook */ const webhooks = new Map();
	/** @type {Map<string, import('./multi-webhook').MultiWebhookConfig>} phoneNumberId → extra destinations */
	const multiWebhooks = new Map();
	/** @type {Map<string, Map<string, number | null>>} phoneNumberId → contact id → last inbound (ms) */
	const contacts = new Map();
	/** @type {Map<string, Set<string>>} phoneNumberId → inbound message ids */ const inboundIds =
		new Map();
	/** @type {Map<string, Record<string, unknown>>} phoneNumberId → business profile */ const profiles =
		new Map();
	let requestSeq = 0;

	function registerConfiguredWebhooks() {
		for (const number of numbers) {
			if (number.webhook)
				setWebhook(number.phoneNumberId, number.webhook.url, number.webhook.headers ?? {});
		}
	}

	/** @param {string} phoneNumberId @param {string} url @param {Record<string, string>} headers */
	function setWebhook(phoneNumberId, url, headers) {
		const config = { url, headers: { ...headers } };
		webhooks.set(phoneNumberId, config);
		return config;
	}

	/** @param {string} phoneNumberId */
	function contactsOf(phoneNumberId) {
		let map = contacts.get(phoneNumberId);
		if (!map) contacts.set(phoneNumberId, (map = new Map()));
		return map;
	}

	/**
	 * @param {string} phoneNumberId
	 * @param {(string | undefined)[]} contactIds wa_id and/or BSUID of one contact
	 * @param {number | null} lastInboundAt
	 */
	function setLastInbound(phoneNumberId, contactIds, lastInboundAt) {
		for (const id of contactIds) if (id) contactsOf(phoneNumberId).set(id, lastInboundAt);
	}

	/** @param {string} phoneNumberId @param {(string | undefined)[]} contactIds */
	function lastInboundAt(phoneNumberId, contactIds) {
		const times = contactIds
			.map((id) => (id ? contactsOf(phoneNumberId).get(id) : undefined))
			.filter((t) => typeof t === 'number');
		return times.length ? Math.max(.../** @type {number[]} */ (times)) : null;
	}

	/** Whether the contact wrote within the last 24 hours. @param {string} phoneNumberId @param {(string | undefined)[]} contactIds */
	function isWindowOpen(phoneNumberId, contactIds) {
		const last = lastInboundAt(phoneNumberId, contactIds);
		return last !== null && now() - last < CUSTOMER_SERVICE_WINDOW_MS;
	}

	/** @param {string} phoneNumberId @param {string} messageId */
	function rememberInboundId(phoneNumberId, messageId) {
		let ids = inboundIds.get(phoneNumberId);
		if (!ids) inboundIds.set(phoneNumberId, (ids = new Set()));
		ids.add(messageId);
	}

	/** @param {string} phoneNumberId @param {string} messageId */
	function hasInboundId(phoneNumberId, messageId) {
		return inboundIds.get(phoneNumberId)?.has(messageId) ?? false;
	}

	/** @param {Omit<RequestRecord, 'seq'>} record */
	function addRequest(record) {
		return appendBounded(requests, { seq: ++requestSeq, ...record }, maxRecords);
	}

	/** @param {string} messageId */
	function findSent(messageId) {
		return sent.find((record) => record.id === messageId);
	}

	/** Clears records, windows, webhooks and profiles; the numbers stay. */
	function reset() {
		requests.length = 0;
		sent.length = 0;
		deliveries.length = 0;
		inbound.length = 0;
		webhooks.clear();
		multiWebhooks.clear();
		contacts.clear();
		inboundIds.clear();
		profiles.clear();
	}

	registerConfiguredWebhooks();

	return {
		numbers,
		numberByApiKey: (/** @type {unknown} */ key) =>
			typeof key === 'string' ? byApiKey.get(key) : undefined,
		numberById: (/** @type {unknown} */ id) =>
			typeof id === 'string' ? byPhoneNumberId.get(id) : undefined,
		requests,
		sent,
		deliveries,
		inbound,
		webhooks,
		multiWebhooks,
		profiles,
		setWebhook,
		setLastInbound,
		lastInboundAt,
		isWindowOpen,
		rememberInboundId,
		hasInboundId,
		addRequest,
		addSent: (/** @type {SentRecord} */ record) => appendBounded(sent, record, maxRecords),
		addDelivery: (/** @type {DeliveryRecord} */ record) =>
			appendBounded(deliveries, record, maxRecords),
		addInbound: (/** @type {InboundRecord} */ record) => appendBounded(inbound, record, maxRecords),
		findSent,
		reset,
		contactWindows: (/** @type {string} */ phoneNumberId) => [
			...contactsOf(phoneNumberId).entries(),
		],
	};
}

/** @typedef {ReturnType<typeof createStore>} Store */

module.exports = { createStore, CUSTOMER_SERVICE_WINDOW_MS };
