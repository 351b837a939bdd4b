import { runActionNode } from '../../helpers/engine';
import {
	okMessageReply,
	startRecordingServer,
	type RecordingServer,
} from '../../helpers/recordingServer';

const sendText = (text = 'Hello', phoneNumber = '+4915112345678') => ({
	resource: 'message',
	operation: 'sendText',
	phoneNumber,
	text,
});

const metaError = (code: number, message: string, details?: string) => ({
	error: {
		message,
		type: 'OAuthException',
		code,
		error_data: { messaging_product: 'whatsapp', details },
		fbtrace_id: 'TRACE1',
	},
});

describe('calls to 360dialog through the n8n engine', () => {
	let server: RecordingServer;
	beforeEach(async () => {
		server = await startRecordingServer();
	});
	afterEach(async () => await server.close());

	test("a 400 in Meta's shape fails the item with the catalogue's message and the API's details", async () => {
		server.queue({
			status: 400,
			body: metaError(131047, '(#131047) Re-engagement message', 'More than 24 hours have passed'),
		});
		const { error, items } = await runActionNode(sendText(), [{ json: {} }], {
			baseUrl: server.url,
		});
		expect(items).toEqual([]);
		expect(error('360dialog')?.message).toMatch(
			/since this customer last wrote to you \(the customer service window is closed\) \(#131047\)/,
		);
		expect(error('360dialog')?.description).toMatch(/Send Template/);
		expect(error('360dialog')?.description).toContain('More than 24 hours have passed');
		expect(server.requests).toHaveLength(1);
	});

	test('a 429 is retried and the message is sent exactly once', async () => {
		server.queue({
			status: 429,
			headers: { 'retry-after': '0' },
			body: metaError(130429, '(#130429) Rate limit hit'),
		});
		const { error, items } = await runActionNode(sendText(), [{ json: {} }], {
			baseUrl: server.url,
		});
		expect(error('360dialog')).toBeUndefined();
		expect(server.requests).toHaveLength(2);
		expect(server.requests[1].json).toEqual(server.requests[0].json);
		expect(items).toHaveLength(1);
		expect(items[0].json.messageId).toBe('wamid.TEST1');
	});

	test('a server error is retried, a dropped connection too', async () => {
		server.queue({ status: 503, headers: { 'retry-after': '0' }, body: {} }, { drop: true });
		const { error, items } = await runActionNode(sendText(), [{ json: {} }], {
			baseUrl: server.url,
		});
		expect(error('360dialog')).toBeUndefined();
		expect(server.requests).toHaveLength(3);
		expect(items[0].json.messageId).toBe('wamid.TEST2');
	});

	test('retries are bounded: five answers of 500 fail the item after five requests', async () => {
		server.respondWith(() => ({
			status: 500,
			headers: { 'retry-after': '0' },
			body: metaError(131000, '(#131000) Something went wrong'),
		}));
		const { error } = await runActionNode(sendText(), [{ json: {} }], { baseUrl: server.url });
		expect(server.requests).toHaveLength(5);
		expect(error('360dialog')?.message).toMatch(/internal error \(#131000\)/);
	});

	test('a 401 fails at once, with no retry, and says to fix the key', async () => {
		server.respondWith(() => ({
			status: 401,
			body: { meta: { success: false, http_code: 401, developer_message: 'Invalid api_key' } },
		}));
		const { error } = await runActionNode(sendText(), [{ json: {} }], { baseUrl: server.url });
		expect(server.requests).toHaveLength(1);
		expect(error('360dialog')?.message).toMatch(/API key was rejected/);
		expect(error('360dialog')?.description).toMatch(/paste a valid API key/);
	});

	test('other 4xx are never retried', async () => {
		server.respondWith(() => ({
			status: 400,
			body: metaError(100, '(#100) Invalid parameter', "Parameter 'to' is invalid"),
		}));
		const { error } = await runActionNode(sendText(), [{ json: {} }], { baseUrl: server.url });
		expect(server.requests).toHaveLength(1);
		expect(error('360dialog')?.description).toContain("Parameter 'to' is invalid");
	});

	test('the API key never appears in an error, even when the server echoes it', async () => {
		const apiKey = 'super-secret-key-42';
		server.respondWith(() => ({
			status: 400,
			body: metaError(100, `(#100) bad key ${apiKey}`, `details ${apiKey}`),
		}));
		const { error, run } = await runActionNode(sendText(), [{ json: {} }], {
			baseUrl: server.url,
			apiKey,
		});
		expect(server.requests[0].headers['d360-api-key']).toBe(apiKey);
		expect(error('360dialog')?.message).toBeDefined();
		expect(JSON.stringify(run.data)).not.toContain(apiKey);
	});

	test('"Continue On Fail" turns one failing item into an error item and sends the others', async () => {
		server.respondWith((request, index) =>
			(request.json as { to: string }).to === '4915100000002'
				? { status: 400, body: metaError(131026, '(#131026) Message undeliverable') }
				: okMessageReply((request.json as { to: string }).to, `wamid.OK${index}`),
		);
		const { items } = await runActionNode(
			{ ...sendText(), phoneNumber: '={{ $json.to }}', concurrency: 1 },
			[
				{ json: { to: '+4915100000001' } },
				{ json: { to: '+4915100000002' } },
				{ json: { to: '+4915100000003' } },
			],
			{ baseUrl: server.url, continueOnFail: true },
		);
		expect(server.requests).toHaveLength(3);
		expect(items).toHaveLength(3);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.messageId).toBe('wamid.OK0');
		expect(items[1].json.error).toMatch(/could not be delivered to this recipient \(#131026\)/);
		expect(items[2].json.messageId).toBe('wamid.OK2');
	});

	test('a malformed item fails alone under "Continue On Fail" and nothing is sent for it', async () => {
		const { items } = await runActionNode(
			{ ...sendText(), phoneNumber: '={{ $json.to }}' },
			[{ json: { to: '+49 151 1234567' } }, { json: { to: 'call me maybe' } }],
			{ baseUrl: server.url, continueOnFail: true },
		);
		expect(server.requests).toHaveLength(1);
		expect(items[1].json.error).toMatch(/"call me maybe" is not a phone number/);
		expect(items[1].json.description).toMatch(/country code/);
	});

	test('without "Continue On Fail" a malformed item stops the node with an error naming the item', async () => {
		const { error } = await runActionNode(
			{ ...sendText(), phoneNumber: '={{ $json.to }}' },
			[{ json: { to: '+49 151 1234567' } }, { json: { to: 'nope' } }],
			{ baseUrl: server.url },
		);
		expect(error('360dialog')?.message).toMatch(/"nope" is not a phone number/);
		expect((error('360dialog') as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
	});
});
