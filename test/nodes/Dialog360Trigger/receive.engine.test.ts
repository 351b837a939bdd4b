import {
	batchedEnvelope,
	contact,
	envelope,
	inboundText,
	statusEvent,
} from '../../helpers/envelopes';
import { createTriggerHarness, type TriggerHarness } from '../../helpers/trigger';
import {
	startWebhookConfigServer,
	type WebhookConfigServer,
} from '../../helpers/webhookConfigServer';

const VERIFICATION_HEADER = 'X-N8n-Webhook-Secret';
/** The secret the trigger registered last: 360dialog sends it back; the workflow only keeps its hash. */
const registeredSecret = (server: WebhookConfigServer) =>
	server.config.headers![VERIFICATION_HEADER];
let sequence = 0;

/** A batched envelope: 3 messages in two entries and 2 statuses in a third change. */
function batchedDelivery(tag: string) {
	return batchedEnvelope([
		[
			{
				contacts: [contact('Jane', '4915112345678'), contact('Omar', '4915187654321')],
				messages: [
					inboundText(`wamid.${tag}1`, '4915112345678', 'hi'),
					inboundText(`wamid.${tag}2`, '4915187654321', 'hello'),
				],
			},
		],
		[
			{
				contacts: [contact('Jane', '4915112345678')],
				messages: [
					{
						from: '4915112345678',
						id: `wamid.${tag}3`,
						timestamp: '1763740802',
						type: 'interactive',
						interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes please' } },
					},
				],
			},
			{
				statuses: [
					statusEvent(`wamid.${tag}S1`, 'delivered'),
					statusEvent(`wamid.${tag}S2`, 'failed', {
						errors: [
							{
								code: 131047,
								title: 'Re-engagement message',
								message: 'Re-engagement message',
								error_data: {
									details: 'More than 24 hours have passed since the customer last replied.',
								},
							},
						],
					}),
				],
			},
		],
	]);
}

describe('360dialog Trigger: receiving webhooks', () => {
	let server: WebhookConfigServer;
	let trigger: TriggerHarness;
	let secret: string;
	const signed = () => ({ [VERIFICATION_HEADER]: secret });

	beforeEach(async () => {
		server = await startWebhookConfigServer();
		trigger = await createTriggerHarness({ baseUrl: server.url, nodeId: `trigger-${++sequence}` });
		await trigger.activate();
		secret = registeredSecret(server);
		server.requests.length = 0;
	});
	afterEach(async () => await server.close());

	test('a delivery without the secret header gets 401 and starts nothing', async () => {
		const result = await trigger.deliver({ body: batchedDelivery('NOSECRET') });
		expect(result.status).toBe(401);
		expect(result.outputs).toBeUndefined();
		expect(result.response.noWebhookResponse).toBe(true);
	});

	test('a delivery with a wrong secret gets 401 and starts nothing', async () => {
		// Same length, last character changed to one it cannot already be.
		const wrong = `${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}`;
		expect(wrong).not.toBe(secret);
		const result = await trigger.deliver({
			headers: { [VERIFICATION_HEADER]: wrong },
			body: batchedDelivery('WRONG'),
		});
		expect(result.status).toBe(401);
		expect(result.outputs).toBeUndefined();
	});

	test('a batched envelope of 3 messages and 2 statuses gives 3 Message items and 2 Status items', async () => {
		const result = await trigger.deliver({ headers: signed(), body: batchedDelivery('BATCH') });
		expect(result.status).toBe(200);
		expect(result.response.webhookResponse).toEqual({ received: true });
		const [messages, statuses] = result.outputs!;
		expect(
			messages.map((item) => [item.json.messageId, item.json.contactName, item.json.text]),
		).toEqual([
			['wamid.BATCH1', 'Jane', 'hi'],
			['wamid.BATCH2', 'Omar', 'hello'],
			['wamid.BATCH3', 'Jane', 'Yes please'],
		]);
		expect(messages[0].json).toMatchObject({
			from: '4915112345678',
			type: 'text',
			timestamp: '2025-11-21T16:00:00.000Z',
			businessPhoneNumberId: '100000000000001',
		});
		expect(statuses.map((item) => [item.json.messageId, item.json.status])).toEqual([
			['wamid.BATCHS1', 'delivered'],
			['wamid.BATCHS2', 'failed'],
		]);
		expect(String(statuses[1].json.errorHint)).toMatch(/Send Template/);
		expect(server.requests).toEqual([]);
	});

	test('the same envelope delivered twice gives its items once', async () => {
		const first = await trigger.deliver({ headers: signed(), body: batchedDelivery('TWICE') });
		const second = await trigger.deliver({ headers: signed(), body: batchedDelivery('TWICE') });
		expect(first.outputs!.map((output) => output.length)).toEqual([3, 2]);
		expect(second.outputs).toBeUndefined();
		expect(second.status).toBe(200);
	});

	test('a later status of the same message is not a duplicate', async () => {
		const progress = (value: string) =>
			envelope({ statuses: [statusEvent('wamid.PROGRESS', value)] });
		expect(
			(await trigger.deliver({ headers: signed(), body: progress('delivered') })).outputs![1],
		).toHaveLength(1);
		expect(
			(await trigger.deliver({ headers: signed(), body: progress('read') })).outputs![1],
		).toHaveLength(1);
		expect(
			(await trigger.deliver({ headers: signed(), body: progress('read') })).outputs,
		).toBeUndefined();
	});

	test.each([
		['null', null],
		['an array', []],
		['a string', 'not json at all'],
		['another object kind', { object: 'page', entry: [{ id: 1 }] }],
		['entries of junk', { object: 'whatsapp_business_account', entry: 'x' }],
		[
			'a change with no value',
			{ object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages' }] }] },
		],
		[
			'an unknown field',
			{
				object: 'whatsapp_business_account',
				entry: [{ changes: [{ field: 'account_update', value: { event: 'X' } }] }],
			},
		],
	])('junk (%s) is answered 200 and starts nothing', async (_label, body) => {
		const result = await trigger.deliver({ headers: signed(), body });
		expect(result.status).toBe(200);
		expect(result.outputs).toBeUndefined();
		expect(result.response.webhookResponse).toEqual({ received: true });
	});

	test('message types and statuses not selected are dropped', async () => {
		const filtered = await createTriggerHarness({
			baseUrl: server.url,
			nodeId: `trigger-filtered-${sequence}`,
			parameters: { messageTypes: ['interactive'], statuses: ['failed'] },
		});
		await filtered.create();
		const result = await filtered.deliver({
			headers: { [VERIFICATION_HEADER]: registeredSecret(server) },
			body: batchedDelivery('FILTER'),
		});
		expect(result.outputs![0].map((item) => item.json.messageId)).toEqual(['wamid.FILTER3']);
		expect(result.outputs![1].map((item) => item.json.status)).toEqual(['failed']);
	});

	test('with no status selected, a status-only delivery starts nothing', async () => {
		const quiet = await createTriggerHarness({
			baseUrl: server.url,
			nodeId: `trigger-quiet-${sequence}`,
			parameters: { statuses: [] },
		});
		await quiet.create();
		const body = envelope({ statuses: [statusEvent('wamid.Q', 'read')] });
		const result = await quiet.deliver({
			headers: { [VERIFICATION_HEADER]: registeredSecret(server) },
			body,
		});
		expect(result.outputs).toBeUndefined();
	});

	test('with the secret check off, an unsigned delivery is accepted', async () => {
		const open = await createTriggerHarness({
			baseUrl: server.url,
			nodeId: `trigger-open-${sequence}`,
			parameters: { options: { verifySecret: false } },
		});
		const result = await open.deliver({ body: batchedDelivery('OPEN') });
		expect(result.outputs![0]).toHaveLength(3);
	});

	test('"Include Raw Payload" adds the original message to each item', async () => {
		const raw = await createTriggerHarness({
			baseUrl: server.url,
			nodeId: `trigger-raw-${sequence}`,
			parameters: { options: { includeRaw: true, verifySecret: false } },
		});
		const result = await raw.deliver({ body: batchedDelivery('RAW') });
		expect(result.outputs![0][0].json.raw).toMatchObject({
			message: { id: 'wamid.RAW1', text: { body: 'hi' } },
		});
	});

	test('the secret never appears in the items', async () => {
		const result = await trigger.deliver({ headers: signed(), body: batchedDelivery('LEAK') });
		expect(JSON.stringify(result.outputs)).not.toContain(secret);
	});
});
