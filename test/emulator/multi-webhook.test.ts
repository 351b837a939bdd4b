/**
 * The emulator's extra webhook destinations: `/multi_webhook` as 360dialog serves it, and its delivery rule
 * (an extra destination receives an event only after the main webhook answered it with 200).
 */
import type { RecordingServer } from '../helpers/recordingServer';
import { startRecordingServer } from '../helpers/recordingServer';
import type { Emulator } from '../../emulator/index';
import {
	api,
	CUSTOMER,
	startReceiver,
	startWithReceiver,
	stopWithReceiver,
	TEST_NUMBER,
} from './testkit';

describe('emulator: extra webhook destinations', () => {
	let emu: Emulator;
	let main: RecordingServer;
	const extras: RecordingServer[] = [];

	beforeEach(async () => {
		({ emu, receiver: main } = await startWithReceiver({
			numbers: [TEST_NUMBER],
			webhookRetryDelaysMs: [100, 100, 100],
		}));
	});
	afterEach(async () => {
		await stopWithReceiver(emu, main);
		await Promise.all(extras.splice(0).map((server) => server.close()));
	});

	async function extra(): Promise<RecordingServer> {
		const server = await startReceiver();
		extras.push(server);
		return server;
	}

	test('POST /multi_webhook sets the destinations and GET answers them; with none set GET answers an empty list', async () => {
		expect((await api(emu, 'GET', '/multi_webhook')).json).toEqual({
			enabled: false,
			destinations: [],
		});
		const destination = { name: 'crm', url: 'https://crm.example.com/hook', headers: { A: 'b' } };
		const set = await api(emu, 'POST', '/multi_webhook', {
			body: { enabled: true, destinations: [destination] },
		});
		expect(set.status).toBe(200);
		expect((await api(emu, 'GET', '/multi_webhook')).json).toEqual({
			enabled: true,
			destinations: [destination],
		});
	});

	test('a number has at most 3 webhooks, the main one included', async () => {
		const destinations = ['a', 'b', 'c'].map((name) => ({
			name,
			url: `https://${name}.example.com/hook`,
		}));
		const answer = await api(emu, 'POST', '/multi_webhook', {
			body: { enabled: true, destinations },
		});
		expect(answer.status).toBe(400);
		expect(answer.json.error).toMatch(/at most 3 webhooks/);
		const two = await api(emu, 'POST', '/multi_webhook', {
			body: { enabled: true, destinations: destinations.slice(0, 2) },
		});
		expect(two.status).toBe(200);
	});

	test('an extra destination gets an event only once the main webhook answered it with 200', async () => {
		const crm = await extra();
		await api(emu, 'POST', '/multi_webhook', {
			body: {
				enabled: true,
				destinations: [{ name: 'crm', url: `${crm.url}/crm`, headers: { 'X-Crm': 'yes' } }],
			},
		});
		main.queue({ status: 500 }, { status: 500 });
		const inbound = emu.injectInbound({ from: CUSTOMER, text: 'hello both' });
		// The delivery is recorded once its answer is in.
		const extraDelivery = await emu.waitFor(
			() => emu.deliveries.find((d) => d.destination !== 'main'),
			{ description: 'the extra delivery' },
		);
		expect(main.requests).toHaveLength(3);
		expect(crm.requests).toHaveLength(1);
		const mainOk = emu.deliveries.find((d) => d.destination === 'main' && d.ok)!;
		expect(extraDelivery.at).toBeGreaterThanOrEqual(mainOk.at);
		expect(extraDelivery.destination).toBe(`${crm.url}/crm`);
		expect(crm.requests[0].json).toEqual(inbound.envelope);
		expect(crm.requests[0].headers['x-crm']).toBe('yes');
	});

	test('an event the main webhook never acknowledged never reaches an extra destination', async () => {
		const crm = await extra();
		await api(emu, 'POST', '/multi_webhook', {
			body: { enabled: true, destinations: [{ url: `${crm.url}/crm` }] },
		});
		main.respondWith(() => ({ status: 503 }));
		emu.injectInbound({ from: CUSTOMER, text: 'lost for the extras' });
		await emu.waitFor(() => emu.deliveries.some((d) => d.gaveUp), {
			description: 'the main webhook giving up',
		});
		expect(crm.requests).toEqual([]);
	});

	test('disabled destinations get nothing; a failing extra destination retries on its own', async () => {
		const crm = await startRecordingServer(() => ({ status: 200, body: {} }));
		extras.push(crm);
		await api(emu, 'POST', '/multi_webhook', {
			body: { enabled: false, destinations: [{ url: `${crm.url}/crm` }] },
		});
		emu.injectInbound({ from: CUSTOMER, text: 'nobody extra' });
		await emu.waitFor(() => main.requests.length === 1, { description: 'the main delivery' });
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(crm.requests).toEqual([]);

		await api(emu, 'POST', '/multi_webhook', {
			body: { enabled: true, destinations: [{ url: `${crm.url}/crm` }] },
		});
		crm.queue({ status: 500 });
		emu.injectInbound({ from: CUSTOMER, text: 'retried' });
		await emu.waitFor(() => crm.requests.length === 2, { description: 'the extra retry' });
		expect(main.requests).toHaveLength(2);
	});
});
