import { runActionNode } from '../../helpers/engine';
import { boundaryOf, parseMultipart } from '../../helpers/parseMultipart';
import {
	expectCall,
	startRecordingServer,
	type RecordingServer,
} from '../../helpers/recordingServer';

const envelope = {
	messaging_product: 'whatsapp',
	recipient_type: 'individual',
	to: '4915112345678',
};

const sendMedia = (parameters: Record<string, unknown>) => ({
	resource: 'message',
	operation: 'sendMedia',
	phoneNumber: '+49 151 12345678',
	...parameters,
});

const PNG_BYTES = Buffer.from(Array.from({ length: 256 }, (_, index) => index));

const binaryItem = (bytes: Buffer, mimeType: string, fileName: string) => ({
	json: {},
	binary: { data: { data: bytes.toString('base64'), mimeType, fileName } },
});

describe('Send Media through the n8n engine', () => {
	let server: RecordingServer;
	beforeEach(async () => {
		server = await startRecordingServer();
	});
	afterEach(async () => await server.close());

	test('an image by link goes out with its caption', async () => {
		const { items, error } = await runActionNode(
			sendMedia({
				mediaType: 'image',
				mediaSource: 'link',
				mediaLink: 'https://example.com/a.jpg',
				caption: 'Look',
			}),
			[{ json: {} }],
			{ baseUrl: server.url, apiKey: 'key-1' },
		);
		expect(error('360dialog')).toBeUndefined();
		expect(server.requests).toHaveLength(1);
		const [request] = server.requests;
		expectCall(request, 'POST', '/messages', 'key-1');
		expect(request.json).toEqual({
			...envelope,
			type: 'image',
			image: { link: 'https://example.com/a.jpg', caption: 'Look' },
		});
		expect(items[0].json).toEqual({
			messageId: 'wamid.TEST0',
			waId: '4915112345678',
			input: '4915112345678',
			messageStatus: 'accepted',
		});
	});

	test('a document by media ID goes out with its file name', async () => {
		const { error } = await runActionNode(
			sendMedia({
				mediaType: 'document',
				mediaSource: 'id',
				mediaId: '1234567890',
				filename: 'invoice.pdf',
				caption: 'Your invoice',
			}),
			[{ json: {} }],
			{ baseUrl: server.url },
		);
		expect(error('360dialog')).toBeUndefined();
		expect(server.requests[0].json).toEqual({
			...envelope,
			type: 'document',
			document: { id: '1234567890', caption: 'Your invoice', filename: 'invoice.pdf' },
		});
	});

	test('audio, sticker and video go out with the source alone', async () => {
		for (const [mediaType, mediaSource, value] of [
			['audio', 'id', '111'],
			['sticker', 'link', 'https://example.com/s.webp'],
			['video', 'link', 'https://example.com/v.mp4'],
		]) {
			const source = mediaSource === 'id' ? { mediaId: value } : { mediaLink: value };
			const { error } = await runActionNode(
				sendMedia({ mediaType, mediaSource, ...source }),
				[{ json: {} }],
				{ baseUrl: server.url },
			);
			expect(error('360dialog')).toBeUndefined();
		}
		expect(server.requests.map((request) => request.json)).toEqual([
			{ ...envelope, type: 'audio', audio: { id: '111' } },
			{ ...envelope, type: 'sticker', sticker: { link: 'https://example.com/s.webp' } },
			{ ...envelope, type: 'video', video: { link: 'https://example.com/v.mp4' } },
		]);
	});

	test('a binary file is uploaded as multipart first, then sent by the ID the upload answered', async () => {
		server.queue({ status: 200, body: { id: '987654321' } });
		const { items, error } = await runActionNode(
			sendMedia({
				mediaType: 'image',
				mediaSource: 'binary',
				binaryPropertyName: 'data',
				caption: 'Fresh',
			}),
			[binaryItem(PNG_BYTES, 'image/png', 'x.png')],
			{ baseUrl: server.url, apiKey: 'key-2' },
		);
		expect(error('360dialog')).toBeUndefined();
		expect(server.requests).toHaveLength(2);
		const [upload, send] = server.requests;
		expectCall(upload, 'POST', '/media', 'key-2');
		expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		const parts = parseMultipart(upload.rawBody, boundaryOf(upload.headers['content-type']));
		expect(
			parts.map(({ name, filename, contentType, data }) => ({
				name,
				filename,
				contentType,
				text: data.toString('utf8'),
			})),
		).toEqual([
			{ name: 'messaging_product', filename: undefined, contentType: undefined, text: 'whatsapp' },
			{ name: 'type', filename: undefined, contentType: undefined, text: 'image/png' },
			expect.objectContaining({ name: 'file', filename: 'x.png', contentType: 'image/png' }),
		]);
		expect(parts[2].data.equals(PNG_BYTES)).toBe(true);
		expect(send.path).toBe('/messages');
		expect(send.json).toEqual({
			...envelope,
			type: 'image',
			image: { id: '987654321', caption: 'Fresh' },
		});
		expect(items[0].json).toEqual({
			messageId: 'wamid.TEST1',
			waId: '4915112345678',
			input: '4915112345678',
			messageStatus: 'accepted',
			mediaId: '987654321',
		});
	});

	test("a binary document is named after the binary's file name when no file name is given", async () => {
		server.queue({ status: 200, body: { id: '55' } });
		const { error } = await runActionNode(
			sendMedia({ mediaType: 'document', mediaSource: 'binary', binaryPropertyName: 'data' }),
			[binaryItem(Buffer.from('%PDF-1.4'), 'application/pdf', 'report.pdf')],
			{ baseUrl: server.url },
		);
		expect(error('360dialog')).toBeUndefined();
		expect(server.requests[1].json).toEqual({
			...envelope,
			type: 'document',
			document: { id: '55', filename: 'report.pdf' },
		});
	});

	test('a binary file WhatsApp would refuse for the media type is not uploaded', async () => {
		const { error } = await runActionNode(
			sendMedia({ mediaType: 'image', mediaSource: 'binary', binaryPropertyName: 'data' }),
			[binaryItem(Buffer.from('GIF89a'), 'image/gif', 'x.gif')],
			{ baseUrl: server.url },
		);
		expect(server.requests).toHaveLength(0);
		expect(error('360dialog')?.message).toMatch(
			/"x\.gif" is image\/gif, which WhatsApp does not accept as an image/,
		);
		expect(error('360dialog')?.description).toMatch(/send it as a document/);
	});

	// The Caption field is hidden for audio; it stays reachable when the media type comes from an expression.
	test('a caption on an audio message is refused before anything is sent', async () => {
		const { error } = await runActionNode(
			sendMedia({
				mediaType: '={{ "audio" }}',
				mediaSource: 'id',
				mediaId: '111',
				caption: 'Listen',
			}),
			[{ json: {} }],
			{ baseUrl: server.url },
		);
		expect(server.requests).toHaveLength(0);
		expect(error('360dialog')?.message).toMatch(/no caption on an audio file/);
	});
});
