// @ts-check
'use strict';
/**
 * Emulator options: defaults, validation, and the subset that can change while it runs.
 */
const { ownEntry } = require('./validation');
const { recipientFaultsOption } = require('./recipient-faults');

/**
 * @typedef {object} NumberConfig
 * @property {string} apiKey
 * @property {string} phoneNumberId
 * @property {string} displayPhoneNumber
 * @property {string} wabaId
 * @property {{ url: string, headers?: Record<string, string> }} [webhook]
 * @property {boolean} [marketingMessagesLite] false: the business has not accepted the Marketing Messages Lite terms
 */

/**
 * @typedef {object} EmulatorOptions
 * @property {number} port
 * @property {NumberConfig[]} numbers
 * @property {number} latencyMs
 * @property {number} throughputPerSecond
 * @property {number} failureRatio
 * @property {number} dropRatio
 * @property {import('./recipient-faults').RecipientFaults | null} recipientFaults
 * @property {number[]} webhookRetryDelaysMs
 * @property {number} webhookTimeoutMs
 * @property {number} webhookConcurrency
 * @property {number} statusGapMs
 * @property {string[]} statusSequence
 * @property {boolean} enforceCloudWebhookRules
 * @property {string} newTemplateStatus
 * @property {boolean} seedTemplates
 * @property {number} maxJsonBytes
 * @property {number} maxMediaBytes
 * @property {number} maxRecords
 * @property {() => number} random
 * @property {() => number} now
 * @property {((line: string) => void) | undefined} log
 */

const DEFAULT_NUMBER = Object.freeze({
	apiKey: 'emulator-key',
	phoneNumberId: '100000000000001',
	displayPhoneNumber: '15550001111',
	wabaId: '200000000000001',
});

const STATUS_NAMES = ['sent', 'delivered', 'read', 'played'];
const TEMPLATE_STATUSES = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED'];

class OptionError extends TypeError {}

/** @param {string} name @param {unknown} value */
function nonNegativeNumber(name, value) {
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
		throw new OptionError(`${name} must be a finite number >= 0 (got ${JSON.stringify(value)})`);
	}
	return value;
}

/** @param {string} name @param {unknown} value */
function ratio(name, value) {
	if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
		throw new OptionError(
			`${name} must be a number between 0 and 1 (got ${JSON.stringify(value)})`,
		);
	}
	return value;
}

/** Infinity, null and "Infinity" all mean "no cap" (JSON cannot carry Infinity). @param {unknown} value */
function throughput(value) {
	if (value === null || value === 'Infinity' || value === Infinity) return Infinity;
	if (typeof value !== 'number' || !(value > 0)) {
		throw new OptionError(
			`throughputPerSecond must be a number > 0, or null for no cap (got ${JSON.stringify(value)})`,
		);
	}
	return value;
}

/** @param {string} name @param {unknown} value */
function positiveInteger(name, value) {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
		throw new OptionError(`${name} must be an integer >= 1 (got ${JSON.stringify(value)})`);
	}
	return value;
}

/** @param {unknown} value */
function retryDelays(value) {
	if (!Array.isArray(value))
		throw new OptionError('webhookRetryDelaysMs must be an array of milliseconds');
	return value.map((delay, index) => nonNegativeNumber(`webhookRetryDelaysMs[${index}]`, delay));
}

/** @param {unknown} value */
function statusSequence(value) {
	if (!Array.isArray(value) || value.some((status) => !STATUS_NAMES.includes(status))) {
		throw new OptionError(`statusSequence must be an array of ${STATUS_NAMES.join(', ')}`);
	}
	return /** @type {string[]} */ (value);
}

/** @param {unknown} value */
function templateStatus(value) {
	if (typeof value !== 'string' || !TEMPLATE_STATUSES.includes(value)) {
		throw new OptionError(`newTemplateStatus must be one of ${TEMPLATE_STATUSES.join(', ')}`);
	}
	return value;
}

/** @param {string} name @param {unknown} value */
function bool(name, value) {
	if (typeof value !== 'boolean') throw new OptionError(`${name} must be true or false`);
	return value;
}

/** @type {Record<string, (value: unknown) => unknown>} */
const RUNTIME_VALIDATORS = {
	latencyMs: (value) => nonNegativeNumber('latencyMs', value),
	throughputPerSecond: throughput,
	failureRatio: (value) => ratio('failureRatio', value),
	dropRatio: (value) => ratio('dropRatio', value),
	recipientFaults: (value) => recipientFaultsOption(value, (message) => new OptionError(message)),
	webhookRetryDelaysMs: retryDelays,
	webhookTimeoutMs: (value) => nonNegativeNumber('webhookTimeoutMs', value),
	webhookConcurrency: (value) => positiveInteger('webhookConcurrency', value),
	statusGapMs: (value) => nonNegativeNumber('statusGapMs', value),
	statusSequence,
	enforceCloudWebhookRules: (value) => bool('enforceCloudWebhookRules', value),
	newTemplateStatus: templateStatus,
};

/** Options that `setOptions` / `POST /_emulator/options` may change at run time. */
const RUNTIME_OPTION_NAMES = Object.keys(RUNTIME_VALIDATORS);

/**
 * Fills in ids for a number given only an API key; the n-th number gets ids ending in n.
 * @param {Partial<NumberConfig>} number
 * @param {number} index
 * @returns {NumberConfig}
 */
function completeNumber(number, index) {
	if (!number || typeof number.apiKey !== 'string' || number.apiKey === '') {
		throw new OptionError(`numbers[${index}].apiKey must be a non-empty string`);
	}
	const result = {
		apiKey: number.apiKey,
		phoneNumberId: String(number.phoneNumberId ?? 100000000000001 + index),
		displayPhoneNumber: String(number.displayPhoneNumber ?? 15550001111 + index),
		wabaId: String(number.wabaId ?? 200000000000001 + index),
		marketingMessagesLite: number.marketingMessagesLite !== false,
	};
	if (number.webhook)
		return {
			...result,
			webhook: { url: number.webhook.url, headers: { ...(number.webhook.headers ?? {}) } },
		};
	return result;
}

/** @param {Partial<NumberConfig>[] | undefined} numbers */
function normalizeNumbers(numbers) {
	const list = (numbers ?? [DEFAULT_NUMBER]).map(completeNumber);
	if (list.length === 0) throw new OptionError('numbers must name at least one number');
	for (const field of /** @type {const} */ (['apiKey', 'phoneNumberId'])) {
		const values = list.map((number) => number[field]);
		if (new Set(values).size !== values.length)
			throw new OptionError(`numbers: every ${field} must be unique`);
	}
	return list;
}

/**
 * @param {Record<string, any>} [input]
 * @returns {EmulatorOptions}
 */
function normalizeOptions(input = {}) {
	/** @type {EmulatorOptions} */
	const options = {
		port: input.port ?? 0,
		numbers: normalizeNumbers(input.numbers),
		latencyMs: 0,
		throughputPerSecond: Infinity,
		failureRatio: 0,
		dropRatio: 0,
		recipientFaults: null,
		webhookRetryDelaysMs: [200, 400, 800, 1600, 3200],
		webhookTimeoutMs: 5000,
		webhookConcurrency: 1,
		statusGapMs: 50,
		statusSequence: ['sent', 'delivered', 'read'],
		enforceCloudWebhookRules: false,
		newTemplateStatus: 'APPROVED',
		seedTemplates: input.seedTemplates ?? true,
		maxJsonBytes: input.maxJsonBytes ?? 1024 * 1024,
		maxMediaBytes: input.maxMediaBytes ?? 100 * 1024 * 1024,
		maxRecords: input.maxRecords ?? 10_000,
		random: input.random ?? Math.random,
		now: input.now ?? Date.now,
		log: input.log,
	};
	if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
		throw new OptionError('port must be an integer between 0 and 65535');
	}
	nonNegativeNumber('maxJsonBytes', options.maxJsonBytes);
	nonNegativeNumber('maxMediaBytes', options.maxMediaBytes);
	if (!Number.isInteger(options.maxRecords) || options.maxRecords < 1)
		throw new OptionError('maxRecords must be an integer >= 1');
	return applyRuntimeOptions(options, pickRuntimeOptions(input));
}

/** @param {Record<string, unknown>} input */
function pickRuntimeOptions(input) {
	/** @type {Record<string, unknown>} */
	const picked = {};
	for (const name of RUNTIME_OPTION_NAMES)
		if (input[name] !== undefined) picked[name] = input[name];
	return picked;
}

/**
 * A copy of `options` with `patch` applied. Unknown names and bad values throw an OptionError.
 * @param {EmulatorOptions} options
 * @param {Record<string, unknown>} patch
 * @returns {EmulatorOptions}
 */
function applyRuntimeOptions(options, patch) {
	/** @type {Record<string, unknown>} */
	const next = { ...options };
	for (const [name, value] of Object.entries(patch ?? {})) {
		const validate = ownEntry(RUNTIME_VALIDATORS, name);
		if (!validate)
			throw new OptionError(`unknown option '${name}'; known: ${RUNTIME_OPTION_NAMES.join(', ')}`);
		next[name] = validate(value);
	}
	return /** @type {EmulatorOptions} */ (/** @type {unknown} */ (next));
}

/**
 * The run-time options as JSON-safe values (an unlimited throughput shows as null).
 * @param {EmulatorOptions} options
 * @returns {Required<import('./types').RuntimeOptions>}
 */
function describeRuntimeOptions(options) {
	/** @type {any} copied name by name from RUNTIME_OPTION_NAMES, the list the return type describes */
	const described = {};
	for (const name of RUNTIME_OPTION_NAMES)
		described[name] = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (options))[
			name
		];
	if (described.throughputPerSecond === Infinity) described.throughputPerSecond = null;
	return described;
}

module.exports = {
	OptionError,
	normalizeOptions,
	applyRuntimeOptions,
	describeRuntimeOptions,
};
