import { runActionNode } from '../../helpers/engine';
import { startRecordingServer, type RecordingServer } from '../../helpers/recordingServer';

const envelope = {
	messaging_product: 'whatsapp',
	recipient_type: 'individual',
	to: '4915112345678',
};
const reaction = (parameters: Record<string, unknown>) => ({
	resource: 'message',
	operation: 'sendReaction',
	phoneNumber: '+4915112345678',
	messageId: 'wamid.HBgLORIGINAL',
	...parameters,
});

describe('Send Reaction through the n8n engine', () => {
	let server: RecordingServer;
	beforeEach(async () => {
		server = await startRecordingServer();
	});
	afterEach(async () => await server.close());

	test('puts the emoji on the message', async () => {
		const { items, error } = await runActionNode(reaction({ emoji: '👍' }), [{ json: {} }], {
			baseUrl: server.url,
			apiKey: 'key-r',
		});
		expect(error('360dialog')).toBeUndefined();
		const [request] = server.requests;
		expect(request).toMatchObject({ method: 'POST', path: '/messages' });
		expect(request.headers['d360-api-key']).toBe('key-r');
		expect(request.json).toEqual({
			...envelope,
			type: 'reaction',
			reaction: { message_id: 'wamid.HBgLORIGINAL', emoji: '👍' },
		});
		expect(items[0].json.messageId).toBe('wamid.TEST0');
	});

	test('"Remove Reaction" sends an empty emoji', async () => {
		const { error } = await runActionNode(
			reaction({ removeReaction: true, emoji: '👍' }),
			[{ json: {} }],
			{ baseUrl: server.url },
		);
		expect(error('360dialog')).toBeUndefined();
		expect(server.requests[0].json).toEqual({
			...envelope,
			type: 'reaction',
			reaction: { message_id: 'wamid.HBgLORIGINAL', emoji: '' },
		});
	});

	test('text instead of an emoji fails the item with no request sent', async () => {
		const { error } = await runActionNode(reaction({ emoji: 'ok' }), [{ json: {} }], {
			baseUrl: server.url,
		});
		expect(server.requests).toHaveLength(0);
		expect(error('360dialog')?.message).toMatch(/"ok" is not a single emoji/);
	});
});
