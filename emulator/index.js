// @ts-check
'use strict';
/**
 * A local emulator of 360dialog's WhatsApp Cloud API (waba-v2): the message, media, template, webhook-config
 * and account endpoints, status and inbound webhooks with the platform's retries, the 24-hour customer-service
 * window, and injectable latency, throttling and faults. Node built-ins only; binds 127.0.0.1.
 *
 *   const { startEmulator } = require('./emulator');
 *   const emu = await startEmulator({ port: 0 });
 *   ... emu.url ...
 *   await emu.close();
 */
const http = require('node:http');
const { normalizeOptions, applyRuntimeOptions, describeRuntimeOptions } = require('./options');
const { createContext } = require('./context');
const { handleCloudRequest } = require('./cloud-api');
const {
	handleControlRequest,
	injectEvent,
	injectInbound,
	setContactWindow,
	registerWebhook,
	pushStatus,
	describeWebhooks,
	describeExtraDestinations,
} = require('./control-api');
const { sendJson } = require('./http-io');
const { tapLink } = require('./link-taps');
const { configureAccount } = require('./account');

const HOST = '127.0.0.1';

/** @typedef {import('./types').Emulator} Emulator */
/** @typedef {import('./types').StartEmulatorOptions} StartEmulatorOptions */
/** @typedef {import('./types').RuntimeOptions} RuntimeOptions */
/** @typedef {import('./types').EmulatorNumber} EmulatorNumber */
/** @typedef {import('./types').RecipientFaults} RecipientFaults */
/** @typedef {import('./types').RequestRecord} RequestRecord */
/** @typedef {import('./types').SentRecord} SentRecord */
/** @typedef {import('./types').DeliveryRecord} DeliveryRecord */
/** @typedef {import('./types').InboundRecord} InboundRecord */
/** @typedef {import('./types').InboundInput} InboundInput */

/**
 * @param {http.Server} server
 * @returns {Set<import('node:net').Socket>}
 */
function trackSockets(server) {
	/** @type {Set<import('node:net').Socket>} */
	const sockets = new Set();
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	return sockets;
}

/** @param {http.Server} server @param {number} port */
function listen(server, port) {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, HOST, () => {
			server.off('error', reject);
			resolve(undefined);
		});
	});
}

/**
 * Polls `predicate` until it answers something truthy, then resolves with it.
 * @template T
 * @param {() => T} predicate
 * @param {{ timeoutMs?: number, intervalMs?: number, description?: string }} options
 * @param {Set<(error: Error) => void>} waiters rejected when the emulator closes
 * @returns {Promise<NonNullable<T>>}
 */
function waitFor(predicate, options, waiters) {
	const timeoutMs = options.timeoutMs ?? 5000;
	const intervalMs = options.intervalMs ?? 10;
	const deadline = Date.now() + timeoutMs;
	return new Promise((resolve, reject) => {
		/** @type {NodeJS.Timeout | undefined} */
		let timer;
		const stop = (/** @type {Error} */ error) => {
			clearTimeout(timer);
			waiters.delete(stop);
			reject(error);
		};
		const check = () => {
			let value;
			try {
				value = predicate();
			} catch (error) {
				stop(error instanceof Error ? error : new Error(String(error)));
				return;
			}
			if (value) {
				waiters.delete(stop);
				resolve(/** @type {NonNullable<T>} */ (value));
			} else if (Date.now() >= deadline) {
				stop(
					new Error(
						`waitFor timed out after ${timeoutMs} ms${options.description ? `: ${options.description}` : ''}`,
					),
				);
			} else {
				timer = setTimeout(check, intervalMs);
			}
		};
		waiters.add(stop);
		check();
	});
}

/**
 * Starts an emulator and resolves once it listens.
 * @param {StartEmulatorOptions} [userOptions] see types.js / README.md
 * @returns {Promise<Emulator>}
 */
async function startEmulator(userOptions = {}) {
	const ctx = createContext(normalizeOptions(userOptions));
	// Cloud API calls being answered right now, and the most seen at once: how many requests a sender keeps in flight.
	const load = { current: 0, max: 0 };
	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', `http://${HOST}`);
		const control = url.pathname === '/_emulator' || url.pathname.startsWith('/_emulator/');
		if (!control) {
			load.current += 1;
			load.max = Math.max(load.max, load.current);
			res.once('close', () => (load.current -= 1));
		}
		const handle = control ? handleControlRequest : handleCloudRequest;
		handle(ctx, req, res, url).catch((error) => {
			ctx.log(`request failed: ${error instanceof Error ? error.stack : String(error)}`);
			sendJson(res, 500, { error: 'internal emulator error' });
		});
	});
	server.on('clientError', (_error, socket) => socket.destroy());
	const sockets = trackSockets(server);
	await listen(server, ctx.options.port);
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const url = `http://${HOST}:${address.port}`;
	/** @type {Set<(error: Error) => void>} */
	const waiters = new Set();
	/** @type {Promise<void> | undefined} */
	let closing;

	async function close() {
		closing ??= new Promise((resolve) => {
			ctx.closed = true;
			ctx.timers.clearAll();
			ctx.requestTimers.clearAll();
			ctx.webhooks.close();
			for (const stop of [...waiters]) stop(new Error('emulator closed'));
			server.close(() => resolve());
			server.closeAllConnections();
			for (const socket of sockets) socket.destroy();
		});
		return closing;
	}

	return {
		url,
		port: address.port,
		get numbers() {
			return ctx.store.numbers;
		},
		get requests() {
			return ctx.store.requests;
		},
		get sent() {
			return ctx.store.sent;
		},
		get deliveries() {
			return ctx.store.deliveries;
		},
		get inbound() {
			return ctx.store.inbound;
		},
		get options() {
			return describeRuntimeOptions(ctx.options);
		},
		inFlight: () => ({ ...load }),
		resetInFlight() {
			load.max = load.current;
		},
		/** @param {Record<string, unknown>} patch */
		setOptions(patch) {
			ctx.options = applyRuntimeOptions(ctx.options, patch);
			return describeRuntimeOptions(ctx.options);
		},
		/** @param {Record<string, any>} input */
		injectInbound: (input) => injectInbound(ctx, input),
		/** @param {Record<string, any>} input */
		injectEvent: (input) => injectEvent(ctx, input),
		/** @param {Record<string, any>} input */
		setContactWindow: (input) => setContactWindow(ctx, input),
		/** @param {Record<string, any>} input */
		registerWebhook: (input) => registerWebhook(ctx, input),
		webhooks: () => describeWebhooks(ctx),
		/** Each number's extra destinations (`/multi_webhook`). */
		extraDestinations: () => describeExtraDestinations(ctx),
		/** @param {Record<string, any>} input */
		pushStatus: (input) => pushStatus(ctx, input),
		/** @param {Record<string, any>} input */
		tap: (input) => tapLink(ctx, input),
		/** @param {Record<string, any>} input */
		configureAccount: (input) => configureAccount(ctx, input),
		/** @param {string} wabaId */
		templates: (wabaId = ctx.store.numbers[0].wabaId) => ctx.templates.all(wabaId),
		reset: () => ctx.reset(),
		/**
		 * @template T
		 * @param {() => T} predicate
		 * @param {{ timeoutMs?: number, intervalMs?: number, description?: string }} [options]
		 */
		waitFor: (predicate, options = {}) => waitFor(predicate, options, waiters),
		close,
	};
}

module.exports = { startEmulator };
