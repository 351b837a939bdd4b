import { createHash } from 'node:crypto';

import { ensureBinaryData, runActionNode } from '../../helpers/engine';
import { boundaryOf, parseMultipart } from '../../helpers/parseMultipart';
import {
	expectCall,
	startRecordingServer,
	type RecordingServer,
} from '../../helpers/recordingServer';

const FILE = Buffer.from(Array.from({ length: 512 }, (_, index) => index % 256));
const FILE_SHA256 = createHash('sha256').update(FILE).digest('hex');
const LOOKASIDE =
	'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1234567890&ext=1700000000&hash=ATsecret';

const media = (operation: string, parameters: Record<string, unknown> = {}) => ({
	resource: 'media',
	operation,
	...parameters,
});

const mediaInfo = (sha256 = FILE_SHA256) => ({
	status: 200,
	body: {
		messaging_product: 'whatsapp',
		url: LOOKASIDE,
		mime_type: 'image/jpeg',
		sha256,
		file_size: FILE.length,
		id: '1234567890',
	},
});

describe('the Media resource through the n8n engine', () => {
	let server: RecordingServer;
	beforeAll(async () => await ensureBinaryData());
	beforeEach(async () => {
		server = await startRecordingServer();
	});
	afterEach(async () => await server.close());

	test('Upload posts the binary file as multipart to /media and answers the media ID', async () => {
		server.queue({ status: 200, body: { id: '424242' } });
		const { items, error } = await runActionNode(
			media('upload', { binaryPropertyName: 'data' }),
			[
				{
					json: {},
					binary: {
						data: {
							data: FILE.toString('base64'),
							mimeType: 'application/pdf',
							fileName: 'doc.pdf',
						},
					},
				},
			],
			{ baseUrl: server.url, apiKey: 'key-up' },
		);
		expect(error('360dialog')).toBeUndefined();
		const [request] = server.requests;
		expectCall(request, 'POST', '/media', 'key-up');
		const parts = parseMultipart(request.rawBody, boundaryOf(request.headers['content-type']));
		expect(parts.map((part) => part.name)).toEqual(['messaging_product', 'type', 'file']);
		expect(parts[1].data.toString()).toBe('application/pdf');
		expect(parts[2]).toMatchObject({ filename: 'doc.pdf', contentType: 'application/pdf' });
		expect(parts[2].data.equals(FILE)).toBe(true);
		expect(items).toEqual([
			{
				json: {
					mediaId: '424242',
					fileName: 'doc.pdf',
					mimeType: 'application/pdf',
					fileSize: 512,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('Download looks the media up, fetches the file from the base URL with the key, and outputs its bytes', async () => {
		server.queue(mediaInfo(), {
			status: 200,
			headers: { 'content-type': 'image/jpeg' },
			body: FILE,
		});
		const { items, error } = await runActionNode(
			media('download', { mediaId: '1234567890', binaryPropertyName: 'photo' }),
			[{ json: {} }],
			{
				baseUrl: server.url,
				apiKey: 'key-down',
			},
		);
		expect(error('360dialog')).toBeUndefined();
		expect(server.requests.map(({ method, path, query }) => ({ method, path, query }))).toEqual([
			{ method: 'GET', path: '/1234567890', query: {} },
			{
				method: 'GET',
				path: '/whatsapp_business/attachments/',
				query: { mid: '1234567890', ext: '1700000000', hash: 'ATsecret' },
			},
		]);
		expect(server.requests.every((request) => request.headers['d360-api-key'] === 'key-down')).toBe(
			true,
		);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			mediaId: '1234567890',
			mimeType: 'image/jpeg',
			sha256: FILE_SHA256,
			fileSize: 512,
		});
		const binary = items[0].binary?.photo;
		expect(binary).toMatchObject({ mimeType: 'image/jpeg', fileName: '1234567890.jpg' });
		expect(Buffer.from(binary?.data ?? '', 'base64').equals(FILE)).toBe(true);
	});

	test('Download fails when the bytes do not match the SHA-256 WhatsApp gave', async () => {
		server.queue(mediaInfo('0'.repeat(64)), { status: 200, body: FILE });
		const { items, error } = await runActionNode(
			media('download', { mediaId: '1234567890', binaryPropertyName: 'data' }),
			[{ json: {} }],
			{
				baseUrl: server.url,
			},
		);
		expect(items).toEqual([]);
		expect(error('360dialog')?.message).toMatch(/does not match its SHA-256 checksum/);
		expect(error('360dialog')?.description).toMatch(/run the node again/);
	});

	test('a media ID that is not numeric fails with no request sent', async () => {
		for (const operation of ['download', 'getInfo', 'delete']) {
			const { error } = await runActionNode(
				media(operation, { mediaId: 'wamid.ABC', binaryPropertyName: 'data' }),
				[{ json: {} }],
				{
					baseUrl: server.url,
				},
			);
			expect(error('360dialog')?.message).toMatch(/"wamid\.ABC" is not a media ID/);
			expect(error('360dialog')?.description).toMatch(/blocks media look-ups/);
		}
		expect(server.requests).toHaveLength(0);
	});

	test('Get Info answers the media record, URL included', async () => {
		server.queue(mediaInfo());
		const { items, error } = await runActionNode(
			media('getInfo', { mediaId: '1234567890' }),
			[{ json: {} }],
			{ baseUrl: server.url },
		);
		expect(error('360dialog')).toBeUndefined();
		expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/1234567890' });
		expect(items[0].json).toEqual({
			mediaId: '1234567890',
			mimeType: 'image/jpeg',
			sha256: FILE_SHA256,
			fileSize: 512,
			url: LOOKASIDE,
		});
	});

	test('Delete sends DELETE /{media-id} and answers success', async () => {
		server.queue({ status: 200, body: { success: true } });
		const { items, error } = await runActionNode(
			media('delete', { mediaId: '1234567890' }),
			[{ json: {} }],
			{ baseUrl: server.url },
		);
		expect(error('360dialog')).toBeUndefined();
		expect(server.requests[0]).toMatchObject({ method: 'DELETE', path: '/1234567890' });
		expect(items).toEqual([
			{ json: { success: true, mediaId: '1234567890' }, pairedItem: { item: 0 } },
		]);
	});
});
