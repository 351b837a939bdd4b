import { createHash, randomBytes } from 'node:crypto';

import type { RecordingServer } from '../helpers/recordingServer';
import { startEmulator, type Emulator } from '../../emulator/index';
import {
	api,
	changeValue,
	CUSTOMER,
	KEY,
	registerWebhook,
	startReceiver,
	TEST_NUMBER,
} from './testkit';

let emu: Emulator;

beforeEach(async () => {
	emu = await startEmulator({
		numbers: [TEST_NUMBER, { apiKey: 'other-key' }],
		maxMediaBytes: 64 * 1024,
	});
});

afterEach(async () => {
	await emu.close();
});

async function upload(form: FormData, key = KEY) {
	const response = await fetch(`${emu.url}/media`, {
		method: 'POST',
		headers: { 'D360-API-KEY': key },
		body: form,
	});
	return { status: response.status, json: (await response.json()) as any };
}

function imageForm(
	bytes: Buffer,
	fields: Record<string, string> = { messaging_product: 'whatsapp' },
) {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) form.append(name, value);
	form.append('file', new Blob([bytes], { type: 'image/png' }), 'photo.png');
	return form;
}

/** The lookaside URL with its host swapped for the emulator, as a client does with the real API host. */
const onEmulator = (lookasideUrl: string) => {
	const url = new URL(lookasideUrl);
	return `${emu.url}${url.pathname}${url.search}`;
};

describe('media', () => {
	it('uploads, describes, downloads the identical bytes, and deletes', async () => {
		const bytes = randomBytes(20_000);
		const uploaded = await upload(
			imageForm(bytes, { messaging_product: 'whatsapp', type: 'image/png' }),
		);
		expect(uploaded.status).toBe(200);
		expect(uploaded.json).toEqual({ id: expect.stringMatching(/^\d+$/) });
		const id: string = uploaded.json.id;

		const described = await api(emu, 'GET', `/${id}`);
		expect(described.status).toBe(200);
		expect(described.json).toEqual({
			messaging_product: 'whatsapp',
			url: expect.stringMatching(
				/^https:\/\/lookaside\.fbsbx\.com\/whatsapp_business\/attachments\/\?mid=\d+&ext=\d+&hash=[\w-]+$/,
			),
			mime_type: 'image/png',
			sha256: createHash('sha256').update(bytes).digest('hex'),
			file_size: bytes.length,
			id,
		});

		const download = await fetch(onEmulator(described.json.url), {
			headers: { 'D360-API-KEY': KEY },
		});
		expect(download.status).toBe(200);
		expect(download.headers.get('content-type')).toBe('image/png');
		expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);

		expect(await api(emu, 'DELETE', `/${id}`)).toMatchObject({
			status: 200,
			json: { success: true },
		});
		const gone = await api(emu, 'GET', `/${id}`);
		expect(gone.status).toBe(404);
		expect(gone.json.error.code).toBe(100);
	});

	it('records a summary of the upload, not the bytes', async () => {
		await upload(imageForm(Buffer.from('abc')));
		const record = emu.requests.find((request) => request.path === '/media');
		expect(record?.body).toEqual({
			multipart: {
				fields: { messaging_product: 'whatsapp' },
				files: [{ field: 'file', filename: 'photo.png', contentType: 'image/png', size: 3 }],
			},
		});
	});

	it('rejects an upload without file or without messaging_product (400 / #100)', async () => {
		const noFile = new FormData();
		noFile.append('messaging_product', 'whatsapp');
		const missingFile = await upload(noFile);
		expect(missingFile.status).toBe(400);
		expect(missingFile.json.error).toMatchObject({ code: 100 });
		expect(missingFile.json.error.error_data.details).toContain("'file'");

		const missingProduct = await upload(imageForm(Buffer.from('abc'), {}));
		expect(missingProduct.status).toBe(400);
		expect(missingProduct.json.error.error_data.details).toContain("'messaging_product'");
	});

	it('answers 400, not 500, for a file name that is not valid percent-encoding', async () => {
		const boundary = 'XBOUNDARY';
		const body =
			`--${boundary}\r\nContent-Disposition: form-data; name="messaging_product"\r\n\r\nwhatsapp\r\n` +
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''%E0\r\nContent-Type: image/png\r\n\r\nabc\r\n` +
			`--${boundary}--\r\n`;
		const response = await fetch(`${emu.url}/media`, {
			method: 'POST',
			headers: { 'D360-API-KEY': KEY, 'content-type': `multipart/form-data; boundary=${boundary}` },
			body,
		});
		expect(response.status).toBe(400);
		expect(((await response.json()) as any).error).toMatchObject({ code: 100 });
	});

	it('answers 413 for an upload over the size limit and stays up', async () => {
		const tooBig = await upload(imageForm(randomBytes(70 * 1024)));
		expect(tooBig.status).toBe(413);
		expect((await api(emu, 'GET', '/health_status')).status).toBe(200);
	});

	it('answers 404 for an unknown id, a tampered hash, and media of another number', async () => {
		expect((await api(emu, 'GET', '/999999999')).status).toBe(404);
		const { json } = await upload(imageForm(Buffer.from('abc')));
		const url = new URL((await api(emu, 'GET', `/${json.id}`)).json.url);
		url.searchParams.set('hash', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA');
		const tampered = await fetch(onEmulator(url.toString()), { headers: { 'D360-API-KEY': KEY } });
		expect(tampered.status).toBe(404);
		// As many characters as a real hash, but more bytes.
		url.searchParams.set('hash', 'é'.repeat(27));
		expect(
			(await fetch(onEmulator(url.toString()), { headers: { 'D360-API-KEY': KEY } })).status,
		).toBe(404);
		expect((await api(emu, 'GET', `/${json.id}`, { key: 'other-key' })).status).toBe(404);
	});

	it('stores inbound media so a workflow can fetch it', async () => {
		const receiver: RecordingServer = await startReceiver();
		try {
			await registerWebhook(emu, receiver);
			const bytes = Buffer.from('%PDF-1.4 test document');
			const { envelope } = emu.injectInbound({
				from: CUSTOMER,
				type: 'document',
				document: { caption: 'Invoice' },
				media: {
					base64: bytes.toString('base64'),
					mimeType: 'application/pdf',
					filename: 'invoice.pdf',
				},
			});
			const document = changeValue(envelope).messages[0].document;
			expect(document).toEqual({
				caption: 'Invoice',
				filename: 'invoice.pdf',
				mime_type: 'application/pdf',
				sha256: createHash('sha256').update(bytes).digest('base64'),
				id: expect.stringMatching(/^\d+$/),
			});
			const described = await api(emu, 'GET', `/${document.id}`);
			const download = await fetch(onEmulator(described.json.url), {
				headers: { 'D360-API-KEY': KEY },
			});
			expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
		} finally {
			await receiver.close();
		}
	});

	it('generates small bytes for inbound media that brought none', async () => {
		const receiver: RecordingServer = await startReceiver();
		try {
			await registerWebhook(emu, receiver);
			const { envelope } = emu.injectInbound({
				from: CUSTOMER,
				type: 'image',
				image: { caption: 'look' },
			});
			const image = changeValue(envelope).messages[0].image;
			expect(image).toMatchObject({ caption: 'look', mime_type: 'image/jpeg' });
			const described = await api(emu, 'GET', `/${image.id}`);
			expect(described.json.file_size).toBeGreaterThan(0);
		} finally {
			await receiver.close();
		}
	});
});
