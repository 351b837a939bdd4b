// @ts-check
'use strict';
/**
 * A small multipart/form-data parser (RFC 7578) over a complete body held in memory.
 */

/**
 * @typedef {object} FormPart
 * @property {string} name
 * @property {string | undefined} filename
 * @property {string | undefined} contentType
 * @property {Buffer} data
 */

class MultipartError extends Error {}

/** @param {string | undefined} contentType */
function boundaryOf(contentType) {
	const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
	if (!/^multipart\/form-data/i.test(contentType ?? '') || !match) {
		throw new MultipartError('Content-Type must be multipart/form-data with a boundary');
	}
	return match[1] ?? match[2];
}

/** @param {string} block the header lines of one part */
function parsePartHeaders(block) {
	/** @type {Record<string, string>} */
	const headers = {};
	for (const line of block.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0)
			headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	return headers;
}

/** @param {string} disposition @param {string} key */
function dispositionParameter(disposition, key) {
	const extended = new RegExp(`(?:^|;)\\s*${key}\\*=(?:UTF-8|utf-8)''([^;]+)`).exec(disposition);
	if (extended) {
		try {
			return decodeURIComponent(extended[1]);
		} catch {
			throw new MultipartError(`the ${key}* parameter is not valid percent-encoding`);
		}
	}
	const quoted = new RegExp(`(?:^|;)\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`).exec(disposition);
	if (quoted) return quoted[1].replace(/\\(.)/g, '$1');
	const bare = new RegExp(`(?:^|;)\\s*${key}=([^;]+)`).exec(disposition);
	return bare ? bare[1].trim() : undefined;
}

/**
 * @param {Buffer} body
 * @param {string | undefined} contentType
 * @returns {FormPart[]}
 */
function parseMultipart(body, contentType) {
	const delimiter = Buffer.from(`--${boundaryOf(contentType)}`);
	const nextDelimiter = Buffer.concat([Buffer.from('\r\n'), delimiter]);
	/** @type {FormPart[]} */
	const parts = [];
	let position = body.indexOf(delimiter);
	if (position < 0) throw new MultipartError('multipart body has no boundary line');
	for (;;) {
		position += delimiter.length;
		if (body[position] === 0x2d && body[position + 1] === 0x2d) return parts; // "--": the closing delimiter
		if (body[position] === 0x0d && body[position + 1] === 0x0a) position += 2;
		const headerEnd = body.indexOf('\r\n\r\n', position);
		if (headerEnd < 0) throw new MultipartError('multipart part without a header block');
		const headers = parsePartHeaders(body.subarray(position, headerEnd).toString('utf8'));
		const dataStart = headerEnd + 4;
		const dataEnd = body.indexOf(nextDelimiter, dataStart);
		if (dataEnd < 0) throw new MultipartError('multipart body is not terminated by its boundary');
		const disposition = headers['content-disposition'] ?? '';
		parts.push({
			name: dispositionParameter(disposition, 'name') ?? '',
			filename: dispositionParameter(disposition, 'filename'),
			contentType: headers['content-type'],
			data: body.subarray(dataStart, dataEnd),
		});
		position = dataEnd + 2;
	}
}

module.exports = { parseMultipart, MultipartError };
