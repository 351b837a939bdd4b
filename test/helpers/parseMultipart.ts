/** A small multipart/form-data reader for tests: splits on the boundary and keeps each part's bytes intact. */

export interface ParsedPart {
	name: string;
	filename?: string;
	contentType?: string;
	data: Buffer;
}

export function boundaryOf(contentType: string | undefined): string {
	const match = /boundary=([^;]+)/.exec(contentType ?? '');
	if (!match) throw new Error(`no boundary in content type "${contentType}"`);
	return match[1];
}

export function parseMultipart(body: Buffer, boundary: string): ParsedPart[] {
	const delimiter = Buffer.from(`--${boundary}`);
	const parts: ParsedPart[] = [];
	let start = body.indexOf(delimiter);
	if (start !== 0) throw new Error('the body does not start with the boundary');
	for (;;) {
		const afterDelimiter = start + delimiter.length;
		if (body.subarray(afterDelimiter, afterDelimiter + 4).toString('latin1') === '--\r\n') break;
		if (body.subarray(afterDelimiter, afterDelimiter + 2).toString('latin1') !== '\r\n')
			throw new Error('no CRLF after the boundary');
		const headEnd = body.indexOf('\r\n\r\n', afterDelimiter);
		const head = body.subarray(afterDelimiter + 2, headEnd).toString('utf8');
		const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headEnd);
		if (next < 0) throw new Error('unterminated part');
		const disposition =
			/^Content-Disposition: form-data; name="([^"]*)"(?:; filename="([^"]*)")?$/m.exec(head);
		if (!disposition) throw new Error(`bad part head: ${head}`);
		parts.push({
			name: disposition[1],
			filename: disposition[2],
			contentType: /^Content-Type: (.*)$/m.exec(head)?.[1],
			data: body.subarray(headEnd + 4, next),
		});
		start = next + 2;
	}
	if (body.length !== start + delimiter.length + 4)
		throw new Error('bytes after the closing boundary');
	return parts;
}
