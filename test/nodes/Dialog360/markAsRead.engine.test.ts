import { runActionNode } from '../../helpers/engine';
import { startRecordingServer, type RecordingServer } from '../../helpers/recordingServer';

describe('Mark as Read and Send Typing Indicator through the n8n engine', () => {
	let server: RecordingServer;
	beforeEach(async () => {
		server = await startRecordingServer();
	});
	afterEach(async () => await server.close());

	test('Mark as Read posts a read status with no recipient fields', async () => {
		const { items, error } = await runActionNode(
			{ resource: 'message', operation: 'markAsRead', messageId: 'wamid.HBgLREAD' },
			[{ json: {} }],
			{ baseUrl: server.url, apiKey: 'key-read' },
		);
		expect(error('360dialog')).toBeUndefined();
		const [request] = server.requests;
		expect(request).toMatchObject({ method: 'POST', path: '/messages' });
		expect(request.headers['d360-api-key']).toBe('key-read');
		expect(request.json).toEqual({
			messaging_product: 'whatsapp',
			status: 'read',
			message_id: 'wamid.HBgLREAD',
		});
		expect(items).toEqual([
			{ json: { success: true, messageId: 'wamid.HBgLREAD' }, pairedItem: { item: 0 } },
		]);
	});

	test('Send Typing Indicator posts a read status with a text typing indicator', async () => {
		const { items, error } = await runActionNode(
			{ resource: 'message', operation: 'sendTypingIndicator', messageId: 'wamid.HBgLTYPE' },
			[{ json: {} }],
			{ baseUrl: server.url, apiKey: 'key-type' },
		);
		expect(error('360dialog')).toBeUndefined();
		const [request] = server.requests;
		expect(request).toMatchObject({ method: 'POST', path: '/messages' });
		expect(request.headers['d360-api-key']).toBe('key-type');
		expect(request.json).toEqual({
			messaging_product: 'whatsapp',
			status: 'read',
			message_id: 'wamid.HBgLTYPE',
			typing_indicator: { type: 'text' },
		});
		expect(items).toEqual([
			{ json: { success: true, messageId: 'wamid.HBgLTYPE' }, pairedItem: { item: 0 } },
		]);
	});

	test('a message ID mapped from a missing field fails the item with no request sent', async () => {
		const { error } = await runActionNode(
			{ resource: 'message', operation: 'markAsRead', messageId: '={{ $json.messageId }}' },
			[{ json: {} }],
			{ baseUrl: server.url },
		);
		expect(server.requests).toHaveLength(0);
		expect(error('360dialog')?.message).toBe('The message ID is empty');
	});
});
