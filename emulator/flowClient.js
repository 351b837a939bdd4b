// @ts-check
'use strict';
/**
 * The WhatsApp client opening a Flow with a data endpoint, as Meta's "Implementing your Flow endpoint"
 * describes it: every request encrypted with the public key the number holds; a health check (ping); INIT
 * for the first screen; data_exchange when a screen's Footer action says so, with the payload resolved from
 * the form and the screen's data; navigate and complete handled on the phone; each answer decrypted and
 * checked against the flow JSON's screens; 421 answered by fetching the key again and sending once more;
 * an answer later than 10 s ends the walk as the phone's error screen would. A flow closed with SUCCESS (or
 * a `complete` action) reaches the chat as an `nfm_reply` message, delivered to the number's webhook.
 */
const http = require('node:http');
const https = require('node:https');

const { decryptResponse, encryptRequest } = require('./flow-crypto');
const { controlError } = require('./errors');
const { isObject } = require('./validation');

/** @typedef {import('./context').Context} Context */

const DATA_API_VERSION = '3.0';
const ANSWER_WITHIN_MS = 10_000;
const MAX_STEPS = 25;

/**
 * @typedef {object} WalkInput
 * @property {string} endpointUrl the flow's endpoint (the 360dialog Flow Trigger's URL)
 * @property {Record<string, any> | string} flowJson
 * @property {string} flowToken what the flow message carried
 * @property {string} [from] the user's WhatsApp id; the reply comes from them
 * @property {Record<string, Record<string, unknown>>} [answers] what the user enters, per screen and field
 * @property {string} [phoneNumberId]
 * @property {boolean} [healthCheck] send a ping first (default true)
 * @property {{ error: string, error_message?: string }} [errorNotification] report this error after the first screen
 * @property {number} [timeoutMs]
 */

/**
 * @typedef {object} Step
 * @property {Record<string, unknown>} request the payload before encryption
 * @property {number} [status]
 * @property {unknown} [answer] the decrypted answer
 * @property {string} [problem] what made this step fail
 * @property {number} ms
 */

/** @param {unknown} node @param {(node: Record<string, any>) => void} visit */
function walkLayout(node, visit) {
	if (Array.isArray(node)) return node.forEach((child) => walkLayout(child, visit));
	if (!isObject(node)) return;
	visit(node);
	if (node.children) walkLayout(node.children, visit);
}

/** @param {Record<string, any>} screen */
function footerAction(screen) {
	/** @type {Record<string, any> | undefined} */
	let action;
	walkLayout(screen.layout?.children, (node) => {
		if (node.type === 'Footer' && !action) action = node['on-click-action'];
	});
	return action;
}

/** @param {Record<string, any>} screen @returns {Record<string, any>[]} */
function inputsOf(screen) {
	/** @type {Record<string, any>[]} */
	const inputs = [];
	walkLayout(screen.layout?.children, (node) => {
		if (typeof node.name === 'string' && node.type !== 'Form') inputs.push(node);
	});
	return inputs;
}

/** `${data.x}` / `${form.x}` of a screen, as the phone binds them. */
function resolver(
	/** @type {Record<string, unknown>} */ form,
	/** @type {Record<string, unknown>} */ data,
) {
	/** @param {unknown} value @returns {unknown} */
	const resolve = (value) => {
		if (typeof value === 'string') {
			const whole = /^\$\{(form|data)\.([A-Za-z0-9_]+)\}$/.exec(value);
			if (whole) return (whole[1] === 'form' ? form : data)[whole[2]];
			return value;
		}
		if (Array.isArray(value)) return value.map(resolve);
		if (isObject(value))
			return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
		return value;
	};
	return resolve;
}

/** What the user enters: the given answers, else the first option a list offers. */
function fillForm(
	/** @type {Record<string, any>} */ screen,
	/** @type {Record<string, unknown>} */ data,
	/** @type {Record<string, unknown>} */ given,
) {
	/** @type {Record<string, unknown>} */
	const form = {};
	const resolve = resolver({}, data);
	for (const input of inputsOf(screen)) {
		if (given[input.name] !== undefined) {
			form[input.name] = given[input.name];
			continue;
		}
		const options = resolve(input['data-source']);
		if (Array.isArray(options) && isObject(options[0])) form[input.name] = options[0].id;
	}
	return form;
}

/** @param {Record<string, any>} flowJson */
function screensOf(flowJson) {
	/** @type {Map<string, Record<string, any>>} */
	const screens = new Map();
	for (const screen of Array.isArray(flowJson.screens) ? flowJson.screens : [])
		if (isObject(screen) && typeof screen.id === 'string') screens.set(screen.id, screen);
	if (screens.size === 0) throw controlError(400, 'flowJson has no screens');
	return screens;
}

/**
 * POSTs JSON and reads the text answer; rejects with 'timeout' after `timeoutMs`. Node's own http, not fetch:
 * fetch sends a request again by itself on a 421, which would hide how often the client asked.
 * @param {string} url @param {unknown} body @param {number} timeoutMs
 * @returns {Promise<{ status: number, text: string }>}
 */
function postJson(url, body, timeoutMs) {
	const target = new URL(url);
	const transport = target.protocol === 'https:' ? https : http;
	return new Promise((resolve, reject) => {
		const request = transport.request(
			target,
			{ method: 'POST', headers: { 'content-type': 'application/json' }, timeout: timeoutMs },
			(response) => {
				const chunks = /** @type {Buffer[]} */ ([]);
				response.on('data', (chunk) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						text: Buffer.concat(chunks).toString('utf8'),
					}),
				);
				response.on('error', reject);
			},
		);
		request.on('timeout', () => request.destroy(new Error('timeout')));
		request.on('error', reject);
		request.end(JSON.stringify(body));
	});
}

/**
 * One encrypted request and its checked answer.
 * @param {WalkInput} input
 * @param {() => string | undefined} publicKey read again on a 421, as the phone fetches the key again
 * @param {Record<string, unknown>} payload
 * @returns {Promise<Step>}
 */
async function exchange(input, publicKey, payload) {
	const started = Date.now();
	for (let attempt = 0; ; attempt++) {
		const pem = publicKey();
		if (!pem) return { request: payload, problem: 'the number holds no public key', ms: 0 };
		const sealed = encryptRequest(payload, pem);
		let response;
		try {
			response = await postJson(
				input.endpointUrl,
				sealed.body,
				input.timeoutMs ?? ANSWER_WITHIN_MS,
			);
		} catch (error) {
			const timedOut = error instanceof Error && error.message === 'timeout';
			return {
				request: payload,
				problem: timedOut ? 'no answer within 10 s' : `request failed: ${String(error)}`,
				ms: Date.now() - started,
			};
		}
		const text = response.text;
		if (response.status === 421 && attempt === 0) continue;
		/** @type {Step} */
		const step = { request: payload, status: response.status, ms: Date.now() - started };
		if (response.status === 421)
			return { ...step, problem: 'the endpoint could not decrypt (421)' };
		try {
			step.answer = decryptResponse(text, sealed.aesKey, sealed.iv);
		} catch {
			return { ...step, problem: `answer ${response.status} is not encrypted for this request` };
		}
		if (response.status === 427)
			return { ...step, problem: 'the endpoint refused the flow token (427)' };
		if (response.status !== 200)
			return { ...step, problem: `the endpoint answered ${response.status}` };
		return step;
	}
}

/**
 * @param {Step} step
 * @param {Map<string, Record<string, any>>} screens
 */
function checkScreenAnswer(step, screens) {
	const answer = step.answer;
	if (!isObject(answer) || typeof answer.screen !== 'string') return 'the answer names no screen';
	if (answer.screen === 'SUCCESS') {
		const params = answer.data?.extension_message_response?.params;
		return isObject(params) ? undefined : 'SUCCESS without extension_message_response.params';
	}
	if (!screens.has(answer.screen))
		return `the answer names screen ${answer.screen}, which the flow does not have`;
	if (answer.data !== undefined && !isObject(answer.data))
		return 'the answer data is not an object';
	return undefined;
}

/**
 * Walks the flow; answers what happened at every step and, when it closed, the reply delivered to the chat.
 * @param {Context} ctx
 * @param {WalkInput} input
 * @param {(params: Record<string, unknown>) => unknown} deliverReply
 * @param {() => string | undefined} publicKey
 */
async function walkFlow(ctx, input, deliverReply, publicKey) {
	if (typeof input.endpointUrl !== 'string') throw controlError(400, 'endpointUrl is required');
	if (typeof input.flowToken !== 'string') throw controlError(400, 'flowToken is required');
	const flowJson = typeof input.flowJson === 'string' ? JSON.parse(input.flowJson) : input.flowJson;
	if (!isObject(flowJson)) throw controlError(400, 'flowJson must be the flow JSON');
	const screens = screensOf(flowJson);
	const version = DATA_API_VERSION;
	const flow_token = input.flowToken;
	/** @type {Step[]} */
	const steps = [];
	const finish = (/** @type {string} */ outcome, /** @type {unknown} */ reply) => ({
		outcome,
		steps,
		reply,
	});

	if (input.healthCheck !== false) {
		const ping = await exchange(input, publicKey, { version, action: 'ping' });
		steps.push(ping);
		const active = isObject(ping.answer) && ping.answer.data?.status === 'active';
		if (ping.problem || !active) return finish('unhealthy', undefined);
	}

	const first = await exchange(input, publicKey, { version, action: 'INIT', flow_token });
	steps.push(first);
	/** @type {Step} */
	let current = first;
	for (let count = 0; count < MAX_STEPS; count++) {
		current.problem ??= checkScreenAnswer(current, screens);
		if (current.problem) return finish('failed', undefined);
		const answer = /** @type {Record<string, any>} */ (current.answer);
		if (answer.screen === 'SUCCESS')
			return finish('completed', await deliverReply(answer.data.extension_message_response.params));
		if (input.errorNotification && count === 0) {
			const notified = await exchange(input, publicKey, {
				version,
				action: 'data_exchange',
				screen: answer.screen,
				flow_token,
				data: input.errorNotification,
			});
			const acknowledged = isObject(notified.answer) && notified.answer.data?.acknowledged === true;
			if (!acknowledged) notified.problem ??= 'the error notification was not acknowledged';
			steps.push(notified);
			if (notified.problem) return finish('failed', undefined);
		}
		const screen = /** @type {Record<string, any>} */ (screens.get(answer.screen));
		const data = isObject(answer.data) ? answer.data : {};
		const form = fillForm(screen, data, input.answers?.[answer.screen] ?? {});
		const action = footerAction(screen);
		const payload = resolver(form, data)(action?.payload ?? {});
		if (action?.name === 'complete')
			return finish(
				'completed',
				await deliverReply({ .../** @type {object} */ (payload), flow_token }),
			);
		if (action?.name === 'navigate') {
			const next = action.next?.name;
			current = { request: { navigate: next }, answer: { screen: next, data: payload }, ms: 0 };
			steps.push(current);
			continue;
		}
		if (action?.name !== 'data_exchange')
			return finish('failed', {
				problem: `screen ${answer.screen} has no Footer action the client knows`,
			});
		current = await exchange(input, publicKey, {
			version,
			action: 'data_exchange',
			screen: answer.screen,
			flow_token,
			data: /** @type {Record<string, unknown>} */ (payload),
		});
		steps.push(current);
	}
	ctx.log(`flow walk stopped after ${MAX_STEPS} screens`);
	return finish('failed', { problem: `more than ${MAX_STEPS} screens` });
}

module.exports = { walkFlow };
