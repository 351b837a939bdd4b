/**
 * The two answers of the Resumable Upload API (POST /uploads, then POST /upload:{session} with the bytes): the
 * session id and the file handle, which the business profile takes as `profile_picture_handle` and a template
 * takes as the sample of its media header.
 */
import { asRecord, parseJsonText } from './json';

const asText = (value: unknown) => (Buffer.isBuffer(value) ? value.toString('utf8') : value);

/** `{ "id": "upload:…" }` → "upload:…". */
export function readUploadSession(answer: unknown): string | undefined {
	const id = asRecord(parseJsonText(asText(answer)))?.id;
	return typeof id === 'string' && id.startsWith('upload:') ? id : undefined;
}

/** `{ "h": "…" }` → the handle. */
export function readUploadHandle(answer: unknown): string | undefined {
	const handle = asRecord(parseJsonText(asText(answer)))?.h;
	return typeof handle === 'string' && handle !== '' ? handle : undefined;
}
