// @ts-check
'use strict';
/**
 * The machine's own ceiling for the send bench: a bare Node.js HTTP client, no n8n, posting `count` texts to
 * `url`/messages with `concurrency` requests in flight, a new connection for each request as n8n's HTTP helpers
 * open one (or one kept-alive pool with `keepAlive`). Run as its own process, as n8n is, so that it does not share
 * the emulator's event loop. Prints one JSON line: { seconds }.
 *
 * Usage: node bare-client.js <url> <apiKey> <count> <concurrency> [keepAlive]
 */
const http = require('node:http');

const [url, apiKey, countText, concurrencyText, mode] = process.argv.slice(2);
const count = Number(countText);
const concurrency = Number(concurrencyText);
const target = new URL('/messages', url);
const shared = mode === 'keepAlive' ? new http.Agent({ keepAlive: true }) : undefined;

/** @param {number} i */
function post(i) {
	const body = JSON.stringify({
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		to: `+49151${String(i % 1000).padStart(7, '0')}`,
		type: 'text',
		text: { body: `bare ${i}` },
	});
	return new Promise((resolve, reject) => {
		const request = http.request(
			target,
			{
				method: 'POST',
				agent: shared ?? new http.Agent({ keepAlive: false }),
				headers: {
					'Content-Type': 'application/json',
					'Content-Length': Buffer.byteLength(body),
					'D360-API-KEY': apiKey,
				},
			},
			(response) => {
				response.resume();
				response.on('end', resolve);
				response.on('error', reject);
			},
		);
		request.on('error', reject);
		request.end(body);
	});
}

(async () => {
	const started = Date.now();
	let next = 0;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < count) await post(next++);
		}),
	);
	process.stdout.write(`${JSON.stringify({ seconds: (Date.now() - started) / 1000 })}\n`);
	shared?.destroy();
})().catch((error) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
