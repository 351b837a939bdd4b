/**
 * Fetching a media file WhatsApp holds. GET /{media-id} answers a lookaside.fbsbx.com URL that is valid for
 * five minutes; 360dialog serves the same path and query on its own host, behind the API key. The key only
 * ever goes to the credential's base URL: the URL's host is replaced, never followed.
 */
import { createHash } from 'crypto';

import { PayloadError } from './validation';

/** The download URL on `baseUrl` for the media URL GET /{media-id} answered, keeping its path and query. */
export function toDownloadUrl(mediaUrl: string, baseUrl: string): string {
	let url: URL | undefined;
	try {
		url = new URL(mediaUrl);
	} catch {
		url = undefined;
	}
	if (!url) {
		throw new PayloadError(
			`360dialog answered "${mediaUrl}" as the media URL, which is not a URL`,
			'mediaId',
			'Try again in a minute; if it keeps happening, get the media info with "Get Info" and contact 360dialog support.',
		);
	}
	return `${baseUrl.replace(/\/+$/, '')}${url.pathname}${url.search}`;
}

/** Whether `bytes` hash to `expected`, a SHA-256 as hex (what WhatsApp gives) or base64. */
export function sha256Matches(bytes: Uint8Array, expected: string): boolean {
	const digest = createHash('sha256').update(bytes).digest();
	const wanted = expected.trim();
	return digest.toString('hex') === wanted.toLowerCase() || digest.toString('base64') === wanted;
}
