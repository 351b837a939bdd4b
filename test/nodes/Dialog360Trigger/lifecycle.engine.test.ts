import { createHash } from 'node:crypto';

import { createTriggerHarness, type TriggerOptions } from '../../helpers/trigger';
import {
	startWebhookConfigServer,
	type WebhookConfigServer,
} from '../../helpers/webhookConfigServer';

const VERIFICATION_HEADER = 'X-N8n-Webhook-Secret';
const FOREIGN = {
	url: 'https://crm.example.com/whatsapp',
	headers: { Authorization: 'Basic Zm9yZWlnbg==' },
};

describe('360dialog Trigger: registering the webhook', () => {
	let server: WebhookConfigServer;
	afterEach(async () => await server.close());

	/** A trigger with "Replace Existing Webhook" on, against this test's server. */
	const replacing = (options: Omit<TriggerOptions, 'baseUrl' | 'parameters'> = {}) =>
		createTriggerHarness({
			baseUrl: server.url,
			parameters: { options: { replaceExistingWebhook: true } },
			...options,
		});

	test("on a fresh number, activation registers this node's URL with a random secret header", async () => {
		server = await startWebhookConfigServer();
		const trigger = await createTriggerHarness({ baseUrl: server.url, apiKey: 'key-A' });
		await trigger.activate();

		expect(server.configWrites()).toHaveLength(1);
		const written = server.configWrites()[0] as { url: string; headers: Record<string, string> };
		expect(written.url).toBe(trigger.webhookUrl);
		expect(trigger.webhookUrl).toMatch(/^http:\/\/127\.0\.0\.1:5678\/webhook\/.+\/webhook$/);
		expect(written.headers[VERIFICATION_HEADER]).toMatch(/^[0-9a-f]{64}$/);
		// Only the secret's hash is kept: whoever reads the workflow cannot forge deliveries.
		expect(trigger.staticData.webhookSecret).toBeUndefined();
		expect(trigger.staticData.webhookSecretSha256).toBe(
			createHash('sha256').update(written.headers[VERIFICATION_HEADER]).digest('hex'),
		);
		expect(JSON.stringify(trigger.staticData)).not.toContain(written.headers[VERIFICATION_HEADER]);
		expect(server.requests.every((r) => r.headers['d360-api-key'] === 'key-A')).toBe(true);
		expect(await trigger.checkExists()).toBe(true);
	});

	test('two activations get different secrets', async () => {
		server = await startWebhookConfigServer();
		const first = await createTriggerHarness({ baseUrl: server.url });
		await first.create();
		const second = await createTriggerHarness({ baseUrl: server.url });
		await second.create();
		expect(first.staticData.webhookSecretSha256).toMatch(/^[0-9a-f]{64}$/);
		expect(first.staticData.webhookSecretSha256).not.toBe(second.staticData.webhookSecretSha256);
	});

	test('checkExists is false when the URL is ours but the secret is not', async () => {
		server = await startWebhookConfigServer();
		const trigger = await createTriggerHarness({ baseUrl: server.url });
		await trigger.create();
		server.config = { url: trigger.webhookUrl, headers: { [VERIFICATION_HEADER]: 'someone-else' } };
		expect(await trigger.checkExists()).toBe(false);
	});

	test('a foreign webhook is refused, named in the error, and left untouched', async () => {
		server = await startWebhookConfigServer({ ...FOREIGN });
		const trigger = await createTriggerHarness({ baseUrl: server.url });
		await expect(trigger.activate()).rejects.toThrow(
			`This WhatsApp number already sends its webhooks to ${FOREIGN.url}`,
		);
		expect(server.configWrites()).toEqual([]);
		expect(server.config).toEqual(FOREIGN);
	});

	test('with "Replace Existing Webhook" the foreign one is replaced, then put back on deactivation', async () => {
		server = await startWebhookConfigServer({ ...FOREIGN });
		const trigger = await replacing();
		await trigger.activate();
		expect(server.config.url).toBe(trigger.webhookUrl);
		// The other system's URL is kept; its headers (its own credentials) only sealed.
		expect(trigger.staticData.previousWebhook).toEqual({
			url: FOREIGN.url,
			sealedHeaders: expect.stringMatching(/^v1\./),
		});
		const stored = JSON.stringify(trigger.staticData);
		expect(stored).not.toContain(FOREIGN.headers.Authorization);
		expect(stored).not.toContain('Authorization');

		await trigger.delete();
		expect(server.config).toEqual(FOREIGN);
		expect(trigger.staticData.previousWebhook).toBeUndefined();
		expect(trigger.staticData.webhookSecretSha256).toBeUndefined();
	});

	test('headers an earlier release kept in plain text are sealed at the next activation check, and still put back', async () => {
		server = await startWebhookConfigServer({ ...FOREIGN });
		const first = await replacing();
		await first.activate();
		// What an earlier release stored: the previous webhook with its headers in the clear.
		const legacy = { ...first.staticData, previousWebhook: { ...FOREIGN } };
		const trigger = await replacing({
			nodeId: first.node.id,
			staticData: legacy,
		});
		expect(await trigger.checkExists()).toBe(true);
		expect(JSON.stringify(trigger.staticData)).not.toContain(FOREIGN.headers.Authorization);
		await trigger.delete();
		expect(server.config).toEqual(FOREIGN);
	});

	test('when the API key changed since activation, deactivation says so and leaves the registration as it is', async () => {
		server = await startWebhookConfigServer({ ...FOREIGN });
		const before = await replacing({
			apiKey: 'key-A',
		});
		await before.activate();
		const registered = { ...server.config };
		const after = await replacing({
			apiKey: 'key-B',
			nodeId: before.node.id,
			staticData: before.staticData,
		});
		const writes = server.configWrites().length;
		await expect(after.delete()).rejects.toThrow(
			`The webhook this workflow replaced (${FOREIGN.url}) cannot be put back with its headers`,
		);
		expect(server.configWrites()).toHaveLength(writes);
		expect(server.config).toEqual(registered);
		// With the first key back, deactivation puts the other system's webhook back, headers and all.
		const again = await replacing({
			apiKey: 'key-A',
			nodeId: before.node.id,
			staticData: after.staticData,
		});
		await again.delete();
		expect(server.config).toEqual(FOREIGN);
	});

	test('deactivation without a previous webhook unregisters ours', async () => {
		server = await startWebhookConfigServer();
		const trigger = await createTriggerHarness({ baseUrl: server.url });
		await trigger.activate();
		await trigger.delete();
		expect(server.config).toEqual({ url: '' });
	});

	test('deactivation leaves alone a webhook someone else registered since', async () => {
		server = await startWebhookConfigServer({ ...FOREIGN });
		const trigger = await replacing();
		await trigger.activate();
		const newcomer = { url: 'https://other-tool.example.com/hook', headers: { 'X-Token': 't' } };
		server.config = newcomer;
		const writesBefore = server.configWrites().length;

		await trigger.delete();
		expect(server.configWrites()).toHaveLength(writesBefore);
		expect(server.config).toEqual(newcomer);
	});

	test("against 360dialog's cloud, a local http webhook URL is refused before any call, with the fix", async () => {
		server = await startWebhookConfigServer();
		const trigger = await createTriggerHarness({ baseUrl: 'https://waba-v2.360dialog.io' });
		await expect(trigger.create()).rejects.toThrow(
			/360dialog cannot deliver to this workflow: 360dialog only delivers to https URLs/,
		);
		await expect(trigger.create()).rejects.toMatchObject({
			description: expect.stringMatching(/WEBHOOK_URL/),
		});
	});

	test('an invalid key fails activation with the key advice and without the key', async () => {
		server = await startWebhookConfigServer();
		server.respondWith(() => ({
			status: 401,
			body: { meta: { success: false, http_code: 401, developer_message: 'Invalid api_key' } },
		}));
		const trigger = await createTriggerHarness({ baseUrl: server.url, apiKey: 'wrong-key-123' });
		const failure = await trigger.activate().catch((error: Error) => error);
		expect((failure as Error).message).toMatch(/API key was rejected/);
		expect(JSON.stringify(failure)).not.toContain('wrong-key-123');
	});
});
