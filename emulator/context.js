// @ts-check
'use strict';
/**
 * Everything one emulator instance shares between its request handlers.
 */
const { createStore } = require('./store');
const { createTemplateStore } = require('./templates');
const { createMediaStore } = require('./media');
const { createWebhookDispatcher } = require('./webhooks');
const { createTimerRegistry } = require('./timers');
const { createThroughputLimiter } = require('./faults');
const { createAccountStore } = require('./account');
const { createRecipientFaultPlan } = require('./recipient-faults');
const { createFlowStore } = require('./flows');
const { createGroupStore } = require('./groups');
const { createCallingStore } = require('./calling');
const { createConversationalStore } = require('./conversational');

/** @typedef {import('./options').EmulatorOptions} EmulatorOptions */

/** @param {EmulatorOptions} initialOptions */
function createContext(initialOptions) {
	let options = initialOptions;
	const now = () => options.now();
	/** @param {string} line */
	const log = (line) => options.log?.(line);
	const onTimerError = (/** @type {unknown} */ error) =>
		log(`timer callback failed: ${error instanceof Error ? error.stack : String(error)}`);
	/** Background work (status webhooks, retries); cancelled by reset() and close(). */
	const timers = createTimerRegistry(onTimerError);
	/** Added latency of API calls in progress; cancelled by close() only. */
	const requestTimers = createTimerRegistry(onTimerError);
	const store = createStore(options.numbers, now, options.maxRecords);
	const templates = createTemplateStore(now);
	const media = createMediaStore(now);
	const limiter = createThroughputLimiter(now);
	const account = createAccountStore();
	const recipientFaults = createRecipientFaultPlan();
	const flows = createFlowStore();
	const groups = createGroupStore();
	const calling = createCallingStore();
	const conversational = createConversationalStore();
	const webhooks = createWebhookDispatcher({ store, timers, options: () => options, now, log });

	const seedTemplates = () =>
		templates.reset(
			options.numbers.map((number) => number.wabaId),
			options.seedTemplates,
		);
	seedTemplates();

	return {
		get options() {
			return options;
		},
		set options(next) {
			options = next;
		},
		now,
		random: () => options.random(),
		log,
		timers,
		requestTimers,
		store,
		templates,
		media,
		limiter,
		account,
		recipientFaults,
		flows,
		groups,
		calling,
		conversational,
		webhooks,
		closed: false,
		/** Clears records and state back to a fresh start; numbers and options stay. */
		reset() {
			timers.clearAll();
			webhooks.reset();
			store.reset();
			media.clear();
			limiter.reset();
			account.reset();
			recipientFaults.reset();
			flows.reset();
			groups.clear();
			calling.clear();
			conversational.clear();
			seedTemplates();
		},
	};
}

/** @typedef {ReturnType<typeof createContext>} Context */

module.exports = { createContext };
