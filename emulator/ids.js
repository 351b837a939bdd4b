// @ts-check
'use strict';
/**
 * Identifiers in the formats the Cloud API uses: wamids, numeric object ids, trace ids, conversation ids.
 */
const crypto = require('node:crypto');

/** A process-wide base so numeric ids stay unique across emulator instances and resets. */
let numericCounter = BigInt(Date.now()) * 1000n;

/**
 * A message id shaped like the platform's: "wamid." + base64 of a small binary record that carries the
 * contact's digits and a random 18-character tail (what real wamids decode to).
 * @param {string} contactDigits digits of the other party (phone number or user id)
 * @returns {string}
 */
function createWamid(contactDigits) {
	const digits = (digitsOf(contactDigits) || '0').slice(0, 200);
	const tail = crypto.randomBytes(9).toString('hex').toUpperCase();
	const raw = Buffer.concat([
		Buffer.from([0x1c, 0x18, digits.length]),
		Buffer.from(digits, 'latin1'),
		Buffer.from([0x15, 0x02, 0x00, 0x11, 0x18, 0x12]),
		Buffer.from(tail, 'latin1'),
		Buffer.from([0x00]),
	]);
	return `wamid.${raw.toString('base64')}`;
}

/** A numeric object id (media, templates) as a string of 16+ digits. */
function createNumericId() {
	numericCounter += 1n;
	return numericCounter.toString();
}

/** Graph's fbtrace_id: a short opaque token. */
function createTraceId() {
	return `A${crypto.randomBytes(16).toString('base64url').slice(0, 22)}`;
}

/** A conversation id: 32 hex characters. */
function createConversationId() {
	return crypto.randomBytes(16).toString('hex');
}

/**
 * A business-scoped user id (BSUID) for a user who hides the phone number, e.g. "US.13491208655302741918".
 * Stable for the same seed so repeated injections for one user agree.
 * @param {string} seed
 */
function createBusinessScopedUserId(seed) {
	const hash = crypto.createHash('sha256').update(String(seed)).digest();
	const digits = BigInt(`0x${hash.subarray(0, 8).toString('hex')}`)
		.toString()
		.padStart(20, '1')
		.slice(0, 20);
	return `US.${digits}`;
}

/** Digits only ("+49 151-123" → "49151123"). @param {unknown} value */
function digitsOf(value) {
	return String(value ?? '').replace(/\D/g, '');
}

module.exports = {
	createWamid,
	createNumericId,
	createTraceId,
	createConversationId,
	createBusinessScopedUserId,
	digitsOf,
};
