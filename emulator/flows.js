// @ts-check
'use strict';
/**
 * WhatsApp Business Encryption for Flows: the business public key a number holds, which the flow client
 * encrypts every endpoint request with. 360dialog (docs messaging-api/api-reference/encryption) proxies
 * Meta's POST / GET /PHONE_NUMBER_ID/whatsapp_business_encryption as /whatsapp_business_encryption: POST takes
 * { business_public_key } (JSON or x-www-form-urlencoded) and answers { success: true }; GET answers
 * { data: [{ business_public_key, business_public_key_signature_status }] } (Meta, "WhatsApp Business Encryption").
 */
const crypto = require('node:crypto');

const { invalidParameter, requiredParameter } = require('./errors');
const { isObject } = require('./validation');

/** @typedef {import('./context').Context} Context */
/** @typedef {import('./cloud-api').CallContext} FlowCall */

function createFlowStore() {
	/** @type {Map<string, string>} phone number id → the PEM it holds */
	const publicKeys = new Map();
	return {
		/** @param {string} phoneNumberId */
		publicKeyOf: (phoneNumberId) => publicKeys.get(phoneNumberId),
		/** @param {string} phoneNumberId @param {string} pem */
		setPublicKey: (phoneNumberId, pem) => publicKeys.set(phoneNumberId, pem),
		reset: () => publicKeys.clear(),
	};
}

/** @param {FlowCall} call @returns {unknown} */
function publicKeyField(call) {
	if (call.json?.ok && isObject(call.json.value)) return call.json.value.business_public_key;
	if (/application\/x-www-form-urlencoded/i.test(call.contentType ?? ''))
		return new URLSearchParams(call.raw.toString('utf8')).get('business_public_key') ?? undefined;
	return undefined;
}

/** @param {unknown} pem */
function checkPublicKey(pem) {
	if (typeof pem !== 'string' || pem.trim() === '') throw requiredParameter('business_public_key');
	let key;
	try {
		key = crypto.createPublicKey(pem);
	} catch {
		throw invalidParameter("Parameter 'business_public_key' is not a PEM public key");
	}
	if (key.asymmetricKeyType !== 'rsa' || key.asymmetricKeyDetails?.modulusLength !== 2048)
		throw invalidParameter("Parameter 'business_public_key' must be a 2048-bit RSA public key");
	return pem.trim();
}

/** @param {Context} ctx @param {FlowCall} call */
function setEncryption(ctx, call) {
	ctx.flows.setPublicKey(call.number.phoneNumberId, checkPublicKey(publicKeyField(call)));
	return { body: { success: true } };
}

/** @param {Context} ctx @param {FlowCall} call */
function getEncryption(ctx, call) {
	const pem = ctx.flows.publicKeyOf(call.number.phoneNumberId);
	if (!pem) return { body: { data: [] } };
	return {
		body: {
			data: [{ business_public_key: pem, business_public_key_signature_status: 'VALID' }],
		},
	};
}

/** @type {[string, RegExp, (ctx: Context, call: FlowCall) => { body: unknown }][]} */
const FLOW_ROUTES = [
	['GET', /^\/whatsapp_business_encryption\/?$/, getEncryption],
	['POST', /^\/whatsapp_business_encryption\/?$/, setEncryption],
];

module.exports = { createFlowStore, FLOW_ROUTES };
