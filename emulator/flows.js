// @ts-check
'use strict';
/**
 * Flows of the number's WABA (360dialog Messaging API "Flows", docs messaging-api/api-reference/flows, over
 * Meta's Flows API paths: GET/POST /flows, GET/DELETE /flows/{id}, POST /flows/{id}/assets (multipart, file +
 * asset_type FLOW_JSON), POST /flows/{id}/publish and /deprecate). A draft can be changed and deleted; only a
 * draft without validation errors is published; only a published flow is deprecated.
 *
 * WhatsApp Business Encryption for Flows: the business public key a number holds, which the flow client
 * encrypts every endpoint request with. 360dialog (docs messaging-api/api-reference/encryption) proxies
 * Meta's POST / GET /PHONE_NUMBER_ID/whatsapp_business_encryption as /whatsapp_business_encryption: POST takes
 * { business_public_key } (JSON or x-www-form-urlencoded) and answers { success: true }; GET answers
 * { data: [{ business_public_key, business_public_key_signature_status }] } (Meta, "WhatsApp Business Encryption").
 */
const crypto = require('node:crypto');

const { invalidParameter, metaError, requiredParameter } = require('./errors');
const { isObject } = require('./validation');

/** @typedef {import('./context').Context} Context */
/** @typedef {import('./cloud-api').CallContext} FlowCall */

/**
 * @typedef {object} StoredFlow
 * @property {string} id
 * @property {string} wabaId
 * @property {string} name
 * @property {string[]} categories
 * @property {'DRAFT' | 'PUBLISHED' | 'DEPRECATED'} status
 * @property {string | undefined} json
 * @property {{ error: string, error_type: string, message: string }[]} validation_errors
 * @property {string | undefined} endpoint_uri
 */

function createFlowStore() {
	/** @type {Map<string, string>} phone number id → the PEM it holds */
	const publicKeys = new Map();
	/** @type {Map<string, StoredFlow>} */
	const flows = new Map();
	let nextId = 1_000_000_000_000_001;
	return {
		flows,
		newId: () => String(nextId++),
		/** @param {string} phoneNumberId */
		publicKeyOf: (phoneNumberId) => publicKeys.get(phoneNumberId),
		/** @param {string} phoneNumberId @param {string} pem */
		setPublicKey: (phoneNumberId, pem) => publicKeys.set(phoneNumberId, pem),
		reset: () => {
			publicKeys.clear();
			flows.clear();
		},
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

/** Meta's validation of a flow JSON, reduced to what the client needs: JSON, a version, screens with ids. @param {string} text */
function validateFlowJson(text) {
	/** @type {StoredFlow['validation_errors']} */
	const errors = [];
	const add = (/** @type {string} */ message) =>
		errors.push({ error: 'INVALID_PROPERTY_VALUE', error_type: 'FLOW_JSON_ERROR', message });
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		add('The flow JSON is not valid JSON');
		return errors;
	}
	if (!isObject(json)) add('The flow JSON must be an object');
	else {
		if (typeof json.version !== 'string') add("Property 'version' is required");
		const screens = Array.isArray(json.screens) ? json.screens : [];
		if (screens.length === 0) add("Property 'screens' must list at least one screen");
		for (const screen of screens)
			if (!isObject(screen) || typeof screen.id !== 'string') add('Every screen needs an id');
	}
	return errors;
}

/** @param {StoredFlow} flow @param {URLSearchParams} [query] */
function describeFlow(flow, query) {
	const fields = (query?.get('fields') ?? '').split(',').map((field) => field.trim());
	const base = {
		id: flow.id,
		name: flow.name,
		status: flow.status,
		categories: flow.categories,
		validation_errors: flow.validation_errors,
	};
	if (!fields.some((field) => field.startsWith('preview'))) return base;
	return {
		...base,
		json_version: flow.json ? JSON.parse(flow.json).version : undefined,
		endpoint_uri: flow.endpoint_uri,
		preview: {
			preview_url: `https://business.facebook.com/wa/manage/flows/${flow.id}/preview/?token=emulated`,
			expires_at: new Date(Date.now() + 30 * 86_400_000).toISOString(),
		},
	};
}

/** @param {Context} ctx @param {FlowCall} call */
function flowOf(ctx, call) {
	const flow = ctx.flows.flows.get(call.match[1]);
	if (!flow || flow.wabaId !== call.number.wabaId)
		throw metaError(400, 100, 'Unsupported get request.', `No flow with id ${call.match[1]}`, {
			subcode: 33,
			type: 'GraphMethodException',
		});
	return flow;
}

/** @param {string} message */
const flowError = (message) =>
	metaError(400, 139001, '(#139001) Flow cannot be changed', message, { type: 'OAuthException' });

/** @param {Context} ctx @param {FlowCall} call */
function createFlow(ctx, call) {
	const body = call.json?.ok && isObject(call.json.value) ? call.json.value : undefined;
	if (!body) throw invalidParameter('The request body must be a JSON object');
	if (typeof body.name !== 'string' || body.name.trim() === '') throw requiredParameter('name');
	if (!Array.isArray(body.categories) || body.categories.length === 0)
		throw requiredParameter('categories');
	const json = typeof body.flow_json === 'string' ? body.flow_json : undefined;
	/** @type {StoredFlow} */
	const flow = {
		id: ctx.flows.newId(),
		wabaId: call.number.wabaId,
		name: body.name,
		categories: body.categories.map(String),
		status: 'DRAFT',
		json,
		validation_errors: json ? validateFlowJson(json) : [],
		endpoint_uri: typeof body.endpoint_uri === 'string' ? body.endpoint_uri : undefined,
	};
	ctx.flows.flows.set(flow.id, flow);
	return { body: { id: flow.id, success: true, validation_errors: flow.validation_errors } };
}

/** @param {Context} ctx @param {FlowCall} call */
function uploadFlowJson(ctx, call) {
	const flow = flowOf(ctx, call);
	if (flow.status !== 'DRAFT') throw flowError('Only a draft flow can get new JSON');
	const form = call.form;
	if (!form?.ok) throw invalidParameter('The flow JSON is sent as multipart/form-data');
	const { fields, file } = form.value;
	if (fields.asset_type !== 'FLOW_JSON')
		throw invalidParameter("Parameter 'asset_type' must be FLOW_JSON");
	if (!file) throw requiredParameter('file');
	flow.json = file.data.toString('utf8');
	flow.validation_errors = validateFlowJson(flow.json);
	return { body: { success: true, validation_errors: flow.validation_errors } };
}

/** @param {Context} ctx @param {FlowCall} call */
function publishFlow(ctx, call) {
	const flow = flowOf(ctx, call);
	if (flow.status !== 'DRAFT') throw flowError('Only a draft flow can be published');
	if (!flow.json || flow.validation_errors.length > 0)
		throw flowError('The flow JSON is missing or has validation errors');
	flow.status = 'PUBLISHED';
	return { body: { success: true } };
}

/** @param {Context} ctx @param {FlowCall} call */
function deprecateFlow(ctx, call) {
	const flow = flowOf(ctx, call);
	if (flow.status !== 'PUBLISHED') throw flowError('Only a published flow can be deprecated');
	flow.status = 'DEPRECATED';
	return { body: { success: true } };
}

/** @param {Context} ctx @param {FlowCall} call */
function deleteFlow(ctx, call) {
	const flow = flowOf(ctx, call);
	if (flow.status !== 'DRAFT')
		throw flowError('Only a draft flow can be deleted; deprecate a published one');
	ctx.flows.flows.delete(flow.id);
	return { body: { success: true } };
}

/** @param {Context} ctx @param {FlowCall} call */
function listFlows(ctx, call) {
	const data = [...ctx.flows.flows.values()]
		.filter((flow) => flow.wabaId === call.number.wabaId)
		.map((flow) => describeFlow(flow));
	return { body: { data, paging: { cursors: { before: '', after: '' } } } };
}

/** @type {[string, RegExp, (ctx: Context, call: FlowCall) => { body: unknown }][]} */
const FLOW_ROUTES = [
	['GET', /^\/whatsapp_business_encryption\/?$/, getEncryption],
	['POST', /^\/whatsapp_business_encryption\/?$/, setEncryption],
	['GET', /^\/flows\/?$/, listFlows],
	['POST', /^\/flows\/?$/, createFlow],
	[
		'GET',
		/^\/flows\/(\d+)\/?$/,
		(ctx, call) => ({ body: describeFlow(flowOf(ctx, call), call.url.searchParams) }),
	],
	['DELETE', /^\/flows\/(\d+)\/?$/, deleteFlow],
	['POST', /^\/flows\/(\d+)\/assets\/?$/, uploadFlowJson],
	['POST', /^\/flows\/(\d+)\/publish\/?$/, publishFlow],
	['POST', /^\/flows\/(\d+)\/deprecate\/?$/, deprecateFlow],
];

module.exports = { createFlowStore, FLOW_ROUTES };
