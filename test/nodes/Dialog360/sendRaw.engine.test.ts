import { runActionNode } from '../../helpers/engine';
import { startRecordingServer, type RecordingServer } from '../../helpers/recordingServer';

describe('Send Raw through the n8n engine', () => {
	let server: RecordingServer;
	beforeEach(async () => {
		server = await startRecordingServer();
	});
	afterEach(async () => await server.close());

	test('JSON text without product or recipient is completed from the node and posted', async () => {
		const { items, error } = await runActionNode(
			{
				resource: 'message',
				operation: 'sendRaw',
				phoneNumber: '+49 151 12345678',
				messageJson: '{ "type": "text", "text": { "body": "Raw hello" } }',
			},
			[{ json: {} }],
			{ baseUrl: server.url, apiKey: 'key-raw' },
		);
		expect(error('360dialog')).toBeUndefined();
		const [request] = server.requests;
		expect(request).toMatchObject({ method: 'POST', path: '/messages' });
		expect(request.headers['d360-api-key']).toBe('key-raw');
		expect(request.json).toEqual({
			messaging_product: 'whatsapp',
			to: '4915112345678',
			type: 'text',
			text: { body: 'Raw hello' },
		});
		expect(items[0].json.messageId).toBe('wamid.TEST0');
	});

	test('an object from an expression keeps its own recipient', async () => {
		const { error } = await runActionNode(
			{
				resource: 'message',
				operation: 'sendRaw',
				phoneNumber: '+49 151 12345678',
				messageJson: '={{ $json.message }}',
			},
			[{ json: { message: { recipient: 'US.1349', type: 'sticker', sticker: { id: '42' } } } }],
			{ baseUrl: server.url },
		);
		expect(error('360dialog')).toBeUndefined();
		expect(server.requests[0].json).toEqual({
			messaging_product: 'whatsapp',
			recipient: 'US.1349',
			type: 'sticker',
			sticker: { id: '42' },
		});
	});

	test('the phone number may stay empty when the JSON names its own recipient', async () => {
		const { error } = await runActionNode(
			{
				resource: 'message',
				operation: 'sendRaw',
				messageJson: '{ "to": "4915187654321", "type": "text", "text": { "body": "direct" } }',
			},
			[{ json: {} }],
			{ baseUrl: server.url },
		);
		expect(error('360dialog')).toBeUndefined();
		expect(server.requests[0].json).toEqual({
			messaging_product: 'whatsapp',
			to: '4915187654321',
			type: 'text',
			text: { body: 'direct' },
		});
	});

	test('with no recipient anywhere the item fails before sending', async () => {
		const { error } = await runActionNode(
			{
				resource: 'message',
				operation: 'sendRaw',
				messageJson: '{ "type": "text", "text": { "body": "to whom?" } }',
			},
			[{ json: {} }],
			{ baseUrl: server.url },
		);
		expect(server.requests).toHaveLength(0);
		expect(error('360dialog')?.message).toBe('The recipient phone number is empty');
	});

	test('a type without its object fails the item with no request sent', async () => {
		const { error } = await runActionNode(
			{
				resource: 'message',
				operation: 'sendRaw',
				phoneNumber: '+4915112345678',
				messageJson: '{ "type": "image" }',
			},
			[{ json: {} }],
			{ baseUrl: server.url },
		);
		expect(server.requests).toHaveLength(0);
		expect(error('360dialog')?.message).toBe(
			'The message JSON has "type": "image" but no "image" object',
		);
	});
});
