/**
 * A multipart/form-data body built in memory, for the media upload: community nodes may not bring the
 * form-data package, and a Buffer keeps the file's bytes exactly as they are.
 */
import { randomBytes } from 'crypto';

export interface FormField {
	name: string;
	text: string;
}

export interface FormFile {
	name: string;
	data: Uint8Array;
	filename: string;
	contentType: string;
}

export type FormPart = FormField | FormFile;

export interface MultipartBody {
	body: Buffer;
	/** The Content-Type header, with the boundary. */
	contentType: string;
}

/** Header values are quoted: quotes and line breaks in a name are escaped as browsers do. */
function quote(value: string): string {
	return `"${value.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22')}"`;
}

function partHead(part: FormPart): string {
	if (!('data' in part)) return `Content-Disposition: form-data; name=${quote(part.name)}\r\n\r\n`;
	return (
		`Content-Disposition: form-data; name=${quote(part.name)}; filename=${quote(part.filename)}\r\n` +
		`Content-Type: ${part.contentType.replace(/[\r\n]/g, '')}\r\n\r\n`
	);
}

function partData(part: FormPart): Buffer {
	return 'data' in part
		? Buffer.from(part.data.buffer, part.data.byteOffset, part.data.byteLength)
		: Buffer.from(part.text, 'utf8');
}

/** A boundary that occurs in none of the parts' data (random, so this almost never needs a second try). */
function pickBoundary(data: Buffer[]): string {
	for (;;) {
		const boundary = `----n8n360dialog${randomBytes(16).toString('hex')}`;
		if (!data.some((chunk) => chunk.includes(boundary))) return boundary;
	}
}

export function buildMultipartBody(parts: FormPart[]): MultipartBody {
	const data = parts.map(partData);
	const boundary = pickBoundary(data);
	const chunks: Buffer[] = [];
	parts.forEach((part, index) => {
		chunks.push(
			Buffer.from(`--${boundary}\r\n${partHead(part)}`, 'utf8'),
			data[index],
			Buffer.from('\r\n', 'utf8'),
		);
	});
	chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
