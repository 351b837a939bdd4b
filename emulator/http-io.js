// @ts-check
'use strict';
/**
 * Reading bounded request bodies and writing answers.
 */

/**
 * Reads the whole body, keeping at most `limit` bytes. A longer body is drained and discarded so the client
 * still gets an answer (413) instead of a broken pipe.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} limit
 * @returns {Promise<{ buffer: Buffer, size: number, tooLarge: boolean }>}
 */
function readBody(req, limit) {
	return new Promise((resolve, reject) => {
		/** @type {Buffer[]} */
		const chunks = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (/** @type {Buffer} */ chunk) => {
			size += chunk.length;
			if (tooLarge) return;
			if (size > limit) {
				tooLarge = true;
				chunks.length = 0;
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () =>
			resolve({ buffer: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), size, tooLarge }),
		);
		req.on('error', reject);
		// A client that goes away mid-body: 'close' without 'end' (after 'end' the rejection is a no-op).
		req.on('close', () => reject(new Error('request closed before its body ended')));
	});
}

/**
 * @param {Buffer} buffer
 * @returns {{ ok: true, value: unknown } | { ok: false, error: string }}
 */
function parseJson(buffer) {
	try {
		return { ok: true, value: JSON.parse(buffer.toString('utf8')) };
	} catch (error) {
		return { ok: false, error: error instanceof Error ? error.message : String(error) };
	}
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
function sendJson(res, status, body, headers = {}) {
	if (res.headersSent || res.destroyed) return;
	const payload = Buffer.from(JSON.stringify(body));
	res.writeHead(status, {
		...headers,
		'content-type': 'application/json; charset=utf-8',
		'content-length': String(payload.length),
	});
	res.end(payload);
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {Buffer} bytes
 * @param {string} contentType
 * @param {Record<string, string>} [headers]
 */
function sendBytes(res, status, bytes, contentType, headers = {}) {
	if (res.headersSent || res.destroyed) return;
	res.writeHead(status, {
		...headers,
		'content-type': contentType,
		'content-length': String(bytes.length),
	});
	res.end(bytes);
}

module.exports = { readBody, parseJson, sendJson, sendBytes };
