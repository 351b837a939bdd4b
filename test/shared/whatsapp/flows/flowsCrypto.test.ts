import { generateKeyPairSync, KeyObject } from 'crypto';

import { decryptResponse, encryptRequest } from '../../../../emulator/flow-crypto';
import {
	decryptFlowRequest,
	encryptFlowResponse,
	FlowDecryptionError,
	isEncryptedFlowRequest,
} from '../../../../nodes/shared/whatsapp/flows/crypto';
import {
	FlowKeyError,
	privateKeyFor,
	publicKeyPemOf,
} from '../../../../nodes/shared/whatsapp/flows/privateKey';

function keyPair(passphrase?: string) {
	const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const pem = privateKey
		.export({
			type: 'pkcs8',
			format: 'pem',
			...(passphrase ? { cipher: 'aes-256-cbc', passphrase } : {}),
		})
		.toString();
	return { pem, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

const business = keyPair();
const other = keyPair();
const payload = { version: '3.0', action: 'INIT', flow_token: 'tok-1', screen: '', data: {} };

describe('flow endpoint crypto against Meta’s algorithm', () => {
	it('decrypts a request Meta’s client encrypted with the business public key', () => {
		const sealed = encryptRequest(payload, business.publicPem);
		const opened = decryptFlowRequest(sealed.body, privateKeyFor(business.pem));
		expect(opened.payload).toEqual(payload);
		expect(opened.aesKey.equals(sealed.aesKey)).toBe(true);
	});

	it('encrypts the answer so that Meta’s client reads it under the flipped IV', () => {
		const sealed = encryptRequest(payload, business.publicPem);
		const opened = decryptFlowRequest(sealed.body, privateKeyFor(business.pem));
		const answer = { screen: 'BOOKING', data: { slots: ['09:00', '10:30'] } };
		const text = encryptFlowResponse(answer, opened.aesKey, opened.iv);
		expect(text).toMatch(/^[A-Za-z0-9+/]+=*$/);
		expect(decryptResponse(text, sealed.aesKey, sealed.iv)).toEqual(answer);
		// Under the request's own IV (not flipped) the tag does not verify.
		expect(() =>
			decryptResponse(text, sealed.aesKey, Buffer.from(sealed.iv.map((b) => b ^ 0xff))),
		).toThrow();
	});

	it('refuses a request whose tag was tampered with', () => {
		const { body } = encryptRequest(payload, business.publicPem);
		const data = Buffer.from(body.encrypted_flow_data, 'base64');
		data[data.length - 1] ^= 0x01;
		const tampered = { ...body, encrypted_flow_data: data.toString('base64') };
		expect(() => decryptFlowRequest(tampered, privateKeyFor(business.pem))).toThrow(
			FlowDecryptionError,
		);
	});

	it('refuses a request encrypted for another key', () => {
		const { body } = encryptRequest(payload, other.publicPem);
		expect(() => decryptFlowRequest(body, privateKeyFor(business.pem))).toThrow(
			FlowDecryptionError,
		);
	});

	it('tells the three base64 fields from anything else', () => {
		expect(isEncryptedFlowRequest(encryptRequest(payload, business.publicPem).body)).toBe(true);
		expect(isEncryptedFlowRequest({ encrypted_flow_data: 'a', encrypted_aes_key: 'b' })).toBe(
			false,
		);
		expect(
			isEncryptedFlowRequest({
				encrypted_flow_data: 'not base64!',
				encrypted_aes_key: 'b',
				initial_vector: 'c',
			}),
		).toBe(false);
		expect(isEncryptedFlowRequest([1, 2])).toBe(false);
	});
});

describe('the private key', () => {
	it('is parsed once for the same PEM and passphrase', () => {
		const locked = keyPair('s3cret');
		const first = privateKeyFor(locked.pem, 's3cret');
		expect(first).toBeInstanceOf(KeyObject);
		expect(privateKeyFor(locked.pem, 's3cret')).toBe(first);
	});

	it('names a wrong passphrase and a key that is not PEM', () => {
		const locked = keyPair('right');
		expect(() => privateKeyFor(locked.pem, 'wrong')).toThrow(/passphrase/);
		expect(() =>
			privateKeyFor('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----'),
		).toThrow(FlowKeyError);
		expect(() => privateKeyFor('')).toThrow(/no private key/);
	});

	it('keeps no PEM text in its errors', () => {
		const locked = keyPair('right');
		try {
			privateKeyFor(locked.pem, 'wrong');
		} catch (error) {
			const text = `${(error as FlowKeyError).message} ${(error as FlowKeyError).hint}`;
			expect(text).not.toContain(locked.pem.split('\n')[1]);
		}
	});

	it('accepts a PEM pasted on one line', () => {
		const oneLine = business.pem.replace(/\n/g, ' ');
		expect(publicKeyPemOf(privateKeyFor(oneLine))).toBe(business.publicPem);
	});

	it('refuses a key shorter than 2048 bits', () => {
		const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
		const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		expect(() => privateKeyFor(pem)).toThrow(/2048/);
	});
});
