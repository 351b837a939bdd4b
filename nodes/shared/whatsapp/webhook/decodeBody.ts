import { asRecord, parseJsonText } from './read';

const UTF8 = new TextDecoder();

function asBytes(body: unknown): Uint8Array | undefined {
	if (body instanceof Uint8Array) return body;
	if (body instanceof ArrayBuffer) return new Uint8Array(body);
	const record = asRecord(body);
	// A Buffer that went through JSON.stringify: { type: 'Buffer', data: [bytes] }
	if (record?.type === 'Buffer' && Array.isArray(record.data))
		return Uint8Array.from(record.data as number[]);
	return undefined;
}

/**
 * The webhook body as data: already-parsed JSON passes through; a JSON string, bytes (a Buffer) or a
 * serialised Buffer are parsed, once more when they held JSON encoded twice. Text that is not JSON is
 * returned as is; a blank body becomes `undefined`.
 */
export function decodeBody(body: unknown): unknown {
	const bytes = asBytes(body);
	const text = bytes ? UTF8.decode(bytes) : body;
	if (typeof text !== 'string') return text;
	if (text.trim() === '') return undefined;
	const parsed = parseJsonText(text);
	return typeof parsed === 'string' && parsed !== text ? parseJsonText(parsed) : parsed;
}
