// @ts-check
'use strict';
/**
 * Media: upload (multipart), metadata with a lookaside URL, download through the API host, delete.
 * Inbound media injected through the control API lands in the same store, so a workflow can fetch it.
 */
const crypto = require('node:crypto');
const { createNumericId } = require('./ids');
const { metaError, requiredParameter, invalidParameter } = require('./errors');
const { parseMultipart, MultipartError } = require('./multipart');

/** The lookaside URL is valid this long, like the platform's. */
const LOOKASIDE_TTL_SECONDS = 5 * 60;

/**
 * @typedef {object} MediaItem
 * @property {string} id
 * @property {string} phoneNumberId
 * @property {Buffer} bytes
 * @property {string} mimeType
 * @property {string | undefined} filename
 * @property {string} sha256Hex
 * @property {number} at
 */

/** Small valid-looking bytes for an injected inbound media message that brought none. */
const PLACEHOLDER_MEDIA =
	/** @type {Record<string, { mimeType: string, bytes: () => Buffer }>} */ ({
		image: {
			mimeType: 'image/jpeg',
			bytes: () =>
				Buffer.from(
					'/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AN//Z',
					'base64',
				),
		},
		sticker: {
			mimeType: 'image/webp',
			bytes: () => Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64'),
		},
		audio: {
			mimeType: 'audio/ogg',
			bytes: () => Buffer.concat([Buffer.from('OggS'), Buffer.alloc(60)]),
		},
		video: {
			mimeType: 'video/mp4',
			bytes: () =>
				Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(52)]),
		},
		document: {
			mimeType: 'application/pdf',
			bytes: () => Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
		},
	});

/** @param {string} id */
function mediaNotFound(id) {
	return metaError(
		404,
		100,
		`Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
		undefined,
		{ subcode: 33, type: 'GraphMethodException' },
	);
}

/**
 * @param {() => number} now
 */
function createMediaStore(now) {
	/** @type {Map<string, MediaItem>} */
	const items = new Map();
	const signingKey = crypto.randomBytes(32);

	/**
	 * @param {string} phoneNumberId
	 * @param {Buffer} bytes
	 * @param {string} mimeType
	 * @param {string} [filename]
	 * @returns {MediaItem}
	 */
	function add(phoneNumberId, bytes, mimeType, filename) {
		const item = {
			id: createNumericId(),
			phoneNumberId,
			bytes,
			mimeType,
			filename,
			sha256Hex: crypto.createHash('sha256').update(bytes).digest('hex'),
			at: now(),
		};
		items.set(item.id, item);
		return item;
	}

	/** The item, if it belongs to this number. @param {string} phoneNumberId @param {string} id */
	function owned(phoneNumberId, id) {
		const item = items.get(id);
		if (!item || item.phoneNumberId !== phoneNumberId) throw mediaNotFound(id);
		return item;
	}

	/** @param {string} mid @param {string} ext */
	function signatureOf(mid, ext) {
		return crypto
			.createHmac('sha256', signingKey)
			.update(`${mid}:${ext}`)
			.digest('base64url')
			.slice(0, 27);
	}

	/** GET /{media-id} @param {string} phoneNumberId @param {string} id */
	function describe(phoneNumberId, id) {
		const item = owned(phoneNumberId, id);
		const ext = String(Math.floor(now() / 1000) + LOOKASIDE_TTL_SECONDS);
		const url = `https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=${item.id}&ext=${ext}&hash=${signatureOf(item.id, ext)}`;
		return {
			messaging_product: 'whatsapp',
			url,
			mime_type: item.mimeType,
			sha256: item.sha256Hex,
			file_size: item.bytes.length,
			id: item.id,
		};
	}

	/**
	 * GET /whatsapp_business/attachments/?mid=&ext=&hash=  — a bad or expired signature is a 404.
	 * @param {string} phoneNumberId
	 * @param {URLSearchParams} query
	 */
	function download(phoneNumberId, query) {
		const mid = query.get('mid') ?? '';
		const ext = query.get('ext') ?? '';
		const hash = query.get('hash') ?? '';
		const expected = signatureOf(mid, ext);
		const given = Buffer.from(hash);
		const wanted = Buffer.from(expected);
		const valid = given.length === wanted.length && crypto.timingSafeEqual(given, wanted);
		if (!valid || Number(ext) < Math.floor(now() / 1000)) throw mediaNotFound(mid);
		return owned(phoneNumberId, mid);
	}

	/** @param {string} phoneNumberId @param {string} id */
	function remove(phoneNumberId, id) {
		owned(phoneNumberId, id);
		items.delete(id);
	}

	/**
	 * Bytes for an injected inbound media message: the given base64, or a small placeholder.
	 * @param {string} phoneNumberId
	 * @param {string} type image, audio, video, document or sticker
	 * @param {{ base64?: string, mimeType?: string, filename?: string } | undefined} given
	 */
	function addInbound(phoneNumberId, type, given) {
		const placeholder = PLACEHOLDER_MEDIA[type];
		const bytes =
			given?.base64 !== undefined ? Buffer.from(given.base64, 'base64') : placeholder.bytes();
		return add(phoneNumberId, bytes, given?.mimeType ?? placeholder.mimeType, given?.filename);
	}

	return {
		add,
		addInbound,
		describe,
		download,
		remove,
		owned,
		clear: () => items.clear(),
		get size() {
			return items.size;
		},
	};
}

/**
 * POST /media: parses the form and answers the file part and the form fields.
 * @param {Buffer} body
 * @param {string | undefined} contentType
 */
function readUploadForm(body, contentType) {
	let parts;
	try {
		parts = parseMultipart(body, contentType);
	} catch (error) {
		if (error instanceof MultipartError)
			throw invalidParameter(`Invalid multipart/form-data body: ${error.message}`);
		throw error;
	}
	/** @type {Record<string, string>} */
	const fields = {};
	for (const part of parts)
		if (part.filename === undefined) fields[part.name] = part.data.toString('utf8');
	const file =
		parts.find((part) => part.name === 'file' && part.filename !== undefined) ??
		parts.find((part) => part.filename !== undefined);
	return { fields, file, parts };
}

/** @typedef {{ ok: true, value: ReturnType<typeof readUploadForm> } | { ok: false, error: unknown }} UploadForm */

/**
 * The upload's form, read once per request: the request log summarises it and POST /media stores it.
 * @param {Buffer} body
 * @param {string | undefined} contentType
 * @returns {UploadForm}
 */
function readUpload(body, contentType) {
	try {
		return { ok: true, value: readUploadForm(body, contentType) };
	} catch (error) {
		return { ok: false, error };
	}
}

/**
 * Validates an upload the way the Cloud API does and answers what to store.
 * @param {UploadForm} form
 */
function parseUpload(form) {
	if (!form.ok) throw form.error;
	const { fields, file } = form.value;
	if (fields.messaging_product === undefined) throw requiredParameter('messaging_product');
	if (fields.messaging_product !== 'whatsapp')
		throw invalidParameter("Parameter 'messaging_product' must be 'whatsapp'");
	if (!file) throw requiredParameter('file');
	if (file.data.length === 0) throw invalidParameter("Parameter 'file' is empty");
	const declared =
		file.contentType && file.contentType !== 'application/octet-stream'
			? file.contentType
			: undefined;
	const mimeType = declared ?? fields.type ?? file.contentType ?? 'application/octet-stream';
	return { bytes: Buffer.from(file.data), mimeType, filename: file.filename, fields };
}

/** What the request log keeps of an upload instead of the bytes. @param {UploadForm} form @param {number} size */
function summarizeUpload(form, size) {
	if (!form.ok) return { multipart: { unparsable: true, size } };
	const { fields, parts } = form.value;
	const files = parts
		.filter((part) => part.filename !== undefined)
		.map((part) => ({
			field: part.name,
			filename: part.filename,
			contentType: part.contentType,
			size: part.data.length,
		}));
	return { multipart: { fields, files } };
}

module.exports = { createMediaStore, readUpload, parseUpload, summarizeUpload };
