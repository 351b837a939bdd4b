import { buildMultipartBody } from '../../../nodes/shared/whatsapp/multipart';
import { boundaryOf, parseMultipart } from '../../helpers/parseMultipart';

const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, index) => index));

describe('buildMultipartBody', () => {
	test('fields and a file parse back intact, every byte value included', () => {
		const { body, contentType } = buildMultipartBody([
			{ name: 'messaging_product', text: 'whatsapp' },
			{ name: 'type', text: 'image/png' },
			{ name: 'file', data: ALL_BYTES, filename: 'x.png', contentType: 'image/png' },
		]);
		expect(contentType).toMatch(/^multipart\/form-data; boundary=----n8n360dialog[0-9a-f]{32}$/);
		const parts = parseMultipart(body, boundaryOf(contentType));
		expect(parts).toHaveLength(3);
		expect(parts[0]).toMatchObject({ name: 'messaging_product', filename: undefined });
		expect(parts[0].data.toString('utf8')).toBe('whatsapp');
		expect(parts[1].data.toString('utf8')).toBe('image/png');
		expect(parts[2]).toMatchObject({ name: 'file', filename: 'x.png', contentType: 'image/png' });
		expect(parts[2].data.equals(ALL_BYTES)).toBe(true);
	});

	test('the body is exactly the parts between boundaries, with CRLF line ends', () => {
		const { body, contentType } = buildMultipartBody([
			{ name: 'a', text: 'b' },
			{
				name: 'f',
				data: Buffer.from([0, 13, 10, 255]),
				filename: 'f.bin',
				contentType: 'application/octet-stream',
			},
		]);
		const boundary = boundaryOf(contentType);
		const expected = Buffer.concat([
			Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n`),
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="f.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
			),
			Buffer.from([0, 13, 10, 255]),
			Buffer.from(`\r\n--${boundary}--\r\n`),
		]);
		expect(body.equals(expected)).toBe(true);
	});

	test('each body gets its own random boundary', () => {
		const first = buildMultipartBody([{ name: 'a', text: 'b' }]).contentType;
		const second = buildMultipartBody([{ name: 'a', text: 'b' }]).contentType;
		expect(first).not.toBe(second);
	});

	test('quotes and line breaks in a file name cannot break the part head', () => {
		const { body, contentType } = buildMultipartBody([
			{ name: 'file', data: Buffer.from('x'), filename: 'a"b\r\nc.txt', contentType: 'text/plain' },
		]);
		const [part] = parseMultipart(body, boundaryOf(contentType));
		expect(part.filename).toBe('a%22b%0D%0Ac.txt');
		expect(part.data.toString()).toBe('x');
	});

	test('a UTF-8 file name and field value are kept as UTF-8', () => {
		const { body, contentType } = buildMultipartBody([
			{ name: 'caption', text: 'Grüße 👋' },
			{
				name: 'file',
				data: Buffer.from('x'),
				filename: 'Straße.pdf',
				contentType: 'application/pdf',
			},
		]);
		const parts = parseMultipart(body, boundaryOf(contentType));
		expect(parts[0].data.toString('utf8')).toBe('Grüße 👋');
		expect(parts[1].filename).toBe('Straße.pdf');
	});
});
