import { runActionNode } from '../../helpers/engine';
import {
	expectCall,
	startRecordingServer,
	type RecordingServer,
} from '../../helpers/recordingServer';

describe('Send Text through the n8n engine', () => {
	let server: RecordingServer;
	beforeEach(async () => {
		server = await startRecordingServer();
	});
	afterEach(async () => await server.close());

	test('posts the text envelope to /messages with the API key header', async () => {
		const { items, error } = await runActionNode(
			{
				resource: 'message',
				operation: 'sendText',
				phoneNumber: '+49 (151) 123-45678',
				text: 'Hello',
				previewUrl: true,
			},
			[{ json: {} }],
			{ baseUrl: server.url, apiKey: 'secret-key-1' },
		);
		expect(error('360dialog')).toBeUndefined();
		expect(server.requests).toHaveLength(1);
		const [request] = server.requests;
		expectCall(request, 'POST', '/messages', 'secret-key-1');
		expect(request.json).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '4915112345678',
			type: 'text',
			text: { body: 'Hello', preview_url: true },
		});
		expect(items).toEqual([
			{
				json: {
					messageId: 'wamid.TEST0',
					waId: '4915112345678',
					input: '4915112345678',
					messageStatus: 'accepted',
				},
				pairedItem: { item: 0 },
			},
		]);
	});
});
