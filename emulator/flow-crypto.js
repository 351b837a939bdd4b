// @ts-check
'use strict';
/**
 * Meta's side of a Flow data endpoint's encryption, written from Meta's "Implementing your Flow endpoint"
 * (request encryption and response decryption): a fresh AES-128 key and 16-byte IV per request, the key
 * wrapped with the business public key by RSA-OAEP with SHA-256 (MGF1 SHA-256), the JSON payload AES-GCM
 * encrypted with the 16-byte tag appended, all base64; the answer is AES-GCM under the same key with the
 * IV's every bit inverted.
 */
const crypto = require('node:crypto');

/**
 * @typedef {object} SealedRequest
 * @property {{ encrypted_flow_data: string, encrypted_aes_key: string, initial_vector: string }} body what Meta posts
 * @property {Buffer} aesKey
 * @property {Buffer} iv
 */

/**
 * @param {unknown} payload
 * @param {string | crypto.KeyObject} publicKey PEM (SPKI) or a key object
 * @returns {SealedRequest}
 */
function encryptRequest(payload, publicKey) {
	const aesKey = crypto.randomBytes(16);
	const iv = crypto.randomBytes(16);
	const cipher = crypto.createCipheriv('aes-128-gcm', aesKey, iv);
	const data = Buffer.concat([
		cipher.update(JSON.stringify(payload), 'utf8'),
		cipher.final(),
		cipher.getAuthTag(),
	]);
	const wrapped = crypto.publicEncrypt(
		{ key: publicKey, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
		aesKey,
	);
	return {
		body: {
			encrypted_flow_data: data.toString('base64'),
			encrypted_aes_key: wrapped.toString('base64'),
			initial_vector: iv.toString('base64'),
		},
		aesKey,
		iv,
	};
}

/**
 * Reads the endpoint's base64 answer; throws when it was not encrypted under this request's key and flipped IV.
 * @param {string} text
 * @param {Buffer} aesKey
 * @param {Buffer} iv
 * @returns {unknown}
 */
function decryptResponse(text, aesKey, iv) {
	const bytes = Buffer.from(text.trim(), 'base64');
	const flippedIv = Buffer.from(iv.map((byte) => byte ^ 0xff));
	const decipher = crypto.createDecipheriv('aes-128-gcm', aesKey, flippedIv);
	decipher.setAuthTag(bytes.subarray(bytes.length - 16));
	const plain = Buffer.concat([
		decipher.update(bytes.subarray(0, bytes.length - 16)),
		decipher.final(),
	]);
	return JSON.parse(plain.toString('utf8'));
}

module.exports = { encryptRequest, decryptResponse };
