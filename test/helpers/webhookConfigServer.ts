/** A loopback server that keeps one webhook configuration per API key, as 360dialog's `/v1/configs/webhook` does. */
import { startRecordingServer, type RecordingServer } from './recordingServer';

export interface WebhookConfigServer extends RecordingServer {
	config: { url: string; headers?: Record<string, string> };
	/** The POSTs to the webhook config, in order. */
	configWrites(): unknown[];
}

export async function startWebhookConfigServer(
	initial: { url: string; headers?: Record<string, string> } = { url: '' },
) {
	const server = (await startRecordingServer()) as WebhookConfigServer;
	server.config = initial;
	server.respondWith((request) => {
		if (request.path !== '/v1/configs/webhook')
			return { status: 404, body: { error: 'not found' } };
		if (request.method === 'POST') {
			server.config = request.json as WebhookConfigServer['config'];
			return { status: 200, body: server.config };
		}
		return { status: 200, body: server.config };
	});
	server.configWrites = () => server.requests.filter((r) => r.method === 'POST').map((r) => r.json);
	return server;
}
