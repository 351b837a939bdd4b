import { createHash } from 'node:crypto';

import { sha256Matches, toDownloadUrl } from '../../../nodes/shared/whatsapp/mediaUrl';

const LOOKASIDE =
	'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=123&ext=1700000000&hash=AT-x_y%2Bz';

describe('toDownloadUrl', () => {
	test('the lookaside URL moves to the base URL, path and query kept to the letter', () => {
		expect(toDownloadUrl(LOOKASIDE, 'https://waba-v2.360dialog.io')).toBe(
			'https://waba-v2.360dialog.io/whatsapp_business/attachments/?mid=123&ext=1700000000&hash=AT-x_y%2Bz',
		);
	});

	test('a trailing slash on the base URL and a local base URL work', () => {
		expect(toDownloadUrl(LOOKASIDE, 'http://127.0.0.1:8080/')).toBe(
			'http://127.0.0.1:8080/whatsapp_business/attachments/?mid=123&ext=1700000000&hash=AT-x_y%2Bz',
		);
	});

	test('a URL on any other host is moved to the base URL too, so the key never leaves it', () => {
		expect(toDownloadUrl('https://evil.example/steal?mid=1', 'https://waba-v2.360dialog.io')).toBe(
			'https://waba-v2.360dialog.io/steal?mid=1',
		);
	});

	test('an answer that is not a URL is refused', () => {
		expect(() => toDownloadUrl('not a url', 'https://waba-v2.360dialog.io')).toThrow(
			/which is not a URL/,
		);
	});
});

describe('sha256Matches', () => {
	const bytes = Buffer.from([0, 1, 2, 255]);
	const digest = createHash('sha256').update(bytes).digest();

	test('the SHA-256 matches as hex, in either case, or as base64', () => {
		expect(sha256Matches(bytes, digest.toString('hex'))).toBe(true);
		expect(sha256Matches(bytes, digest.toString('hex').toUpperCase())).toBe(true);
		expect(sha256Matches(bytes, digest.toString('base64'))).toBe(true);
	});

	test('other bytes do not match', () => {
		expect(sha256Matches(Buffer.from([0, 1, 2]), digest.toString('hex'))).toBe(false);
	});
});
