/**
 * A real HTTP server on 127.0.0.1 that records every request and answers from a script of replies,
 * so tests can assert exactly what went over the wire.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: IncomingMessage['headers'];
	rawBody: Buffer;
	/** The body parsed as JSON, when it is JSON. */
	json?: unknown;
}

export interface Reply {
	status?: number;
	headers?: Record<string, string>;
	body?: unknown;
	/** Destroy the socket without answering (a dropped connection). */
	drop?: boolean;
}

export type Responder = (request: RecordedRequest, index: number) => Reply;

export interface RecordingServer {
	url: string;
	requests: RecordedRequest[];
	/** Replies to use, in order, before falling back to the responder. */
	queue(...replies: Reply[]): void;
	respondWith(responder: Responder): void;
	close(): Promise<void>;
}

/** The request line and the credential header of one recorded call, as one assertion. */
export function expectCall(
	request: RecordedRequest | undefined,
	method: string,
	path: string,
	apiKey: string,
): void {
	expect({
		method: request?.method,
		path: request?.path,
		apiKey: request?.headers['d360-api-key'],
	}).toEqual({ method, path, apiKey });
}

export const okMessageReply = (input = '4915112345678', id = 'wamid.TEST'): Reply => ({
	status: 200,
	body: { messaging_product: 'whatsapp', contacts: [{ input, wa_id: input }], messages: [{ id }] },
});

const defaultResponder: Responder = (request, index) => {
	const body = request.json as { to?: string; recipient?: string; status?: string } | undefined;
	if (body?.status === 'read') return { status: 200, body: { success: true } };
	return okMessageReply(body?.to ?? body?.recipient, `wamid.TEST${index}`);
};

export async function startRecordingServer(
	responder: Responder = defaultResponder,
): Promise<RecordingServer> {
	const requests: RecordedRequest[] = [];
	const queued: Reply[] = [];
	let current = responder;
	const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const rawBody = Buffer.concat(chunks);
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const recorded: RecordedRequest = {
				method: req.method ?? 'GET',
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				headers: req.headers,
				rawBody,
			};
			if (/json/.test(req.headers['content-type'] ?? '')) {
				try {
					recorded.json = JSON.parse(rawBody.toString('utf8'));
				} catch {
					recorded.json = undefined;
				}
			}
			requests.push(recorded);
			const reply = queued.shift() ?? current(recorded, requests.length - 1);
			if (reply.drop) {
				req.socket.destroy();
				return;
			}
			const payload = Buffer.isBuffer(reply.body)
				? reply.body
				: Buffer.from(JSON.stringify(reply.body ?? {}));
			res.writeHead(reply.status ?? 200, {
				'content-type': Buffer.isBuffer(reply.body)
					? 'application/octet-stream'
					: 'application/json',
				...reply.headers,
			});
			res.end(payload);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		queue: (...replies) => queued.push(...replies),
		respondWith: (next) => {
			current = next;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
