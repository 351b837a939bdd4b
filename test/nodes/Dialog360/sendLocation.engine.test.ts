import { runActionNode } from '../../helpers/engine';
import {
	expectCall,
	startRecordingServer,
	type RecordingServer,
} from '../../helpers/recordingServer';

describe('Send Location through the n8n engine', () => {
	let server: RecordingServer;
	beforeEach(async () => {
		server = await startRecordingServer();
	});
	afterEach(async () => await server.close());

	test('posts the location envelope with name and address', async () => {
		const { items, error } = await runActionNode(
			{
				resource: 'message',
				operation: 'sendLocation',
				phoneNumber: '+4915112345678',
				latitude: 52.520008,
				longitude: 13.404954,
				locationName: 'Brandenburg Gate',
				address: 'Pariser Platz, 10117 Berlin',
			},
			[{ json: {} }],
			{ baseUrl: server.url, apiKey: 'key-loc' },
		);
		expect(error('360dialog')).toBeUndefined();
		const [request] = server.requests;
		expectCall(request, 'POST', '/messages', 'key-loc');
		expect(request.json).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '4915112345678',
			type: 'location',
			location: {
				latitude: 52.520008,
				longitude: 13.404954,
				name: 'Brandenburg Gate',
				address: 'Pariser Platz, 10117 Berlin',
			},
		});
		expect(items[0].json.messageId).toBe('wamid.TEST0');
	});

	test('a latitude beyond 90 fails the item with no request sent', async () => {
		const { error } = await runActionNode(
			{
				resource: 'message',
				operation: 'sendLocation',
				phoneNumber: '+4915112345678',
				latitude: 123,
				longitude: 13,
			},
			[{ json: {} }],
			{ baseUrl: server.url },
		);
		expect(server.requests).toHaveLength(0);
		expect(error('360dialog')?.message).toMatch(/Latitude 123 is outside -90 to 90/);
		expect(error('360dialog')?.description).toMatch(/not swapped/);
	});
});
