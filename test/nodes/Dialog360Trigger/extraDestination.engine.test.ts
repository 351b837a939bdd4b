/**
 * "Webhook Role: Extra Destination": the trigger shares the number with its main webhook and other
 * destinations, against the emulator's `/multi_webhook`.
 */
import { startEmulator, type Emulator } from '../../../emulator';
import { createTriggerHarness, setExtraDestinations } from '../../helpers/trigger';

const KEY = 'extra-key';
const VERIFICATION_HEADER = 'X-N8n-Webhook-Secret';
const MAIN = { url: 'https://crm.example.com/whatsapp', headers: { Authorization: 'Basic Y3Jt' } };
const OTHER = { name: 'analytics', url: 'https://analytics.example.com/hook', headers: { A: 'b' } };
let sequence = 0;

describe('360dialog Trigger as an extra destination', () => {
	let emu: Emulator;

	beforeEach(async () => {
		emu = await startEmulator({ numbers: [{ apiKey: KEY, webhook: MAIN }] });
	});
	afterEach(async () => await emu.close());

	const trigger = (role: 'main' | 'extra' = 'extra') => {
		sequence++;
		return createTriggerHarness({
			baseUrl: emu.url,
			apiKey: KEY,
			typeVersion: 2,
			nodeId: `extra-${sequence}`,
			webhookId: `0e000000-0000-4000-8000-00000000000${sequence % 10}`,
			parameters: { webhookRole: role },
		});
	};
	const destinations = () => emu.extraDestinations()[0].destinations;
	const setDestinations = (list: unknown[], enabled = true) =>
		setExtraDestinations(emu.url, KEY, list, enabled);

	test('activation adds only its own entry, with its secret; the main webhook and the other destinations stay', async () => {
		await setDestinations([OTHER]);
		const extra = await trigger();
		await extra.activate();
		expect(emu.webhooks()[0]).toMatchObject(MAIN);
		expect(destinations()).toHaveLength(2);
		expect(destinations()[0]).toEqual(OTHER);
		const ours = destinations()[1];
		expect(ours.url).toBe(extra.webhookUrl);
		expect(ours.headers[VERIFICATION_HEADER]).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(extra.staticData)).not.toContain(ours.headers[VERIFICATION_HEADER]);
		expect(await extra.checkExists()).toBe(true);
	});

	test('deactivation removes only its own entry', async () => {
		await setDestinations([OTHER]);
		const extra = await trigger();
		await extra.activate();
		await extra.delete();
		expect(destinations()).toEqual([OTHER]);
		expect(emu.webhooks()[0]).toMatchObject(MAIN);
	});

	test('the main webhook and an extra destination listen at the same time; deactivating one leaves the other registered', async () => {
		emu.reset();
		const main = await trigger('main');
		await main.activate();
		const extra = await trigger('extra');
		await extra.activate();
		expect(emu.webhooks()[0].url).toBe(main.webhookUrl);
		expect(destinations().map((d) => d.url)).toEqual([extra.webhookUrl]);

		await extra.delete();
		expect(emu.webhooks()[0].url).toBe(main.webhookUrl);
		expect(await main.checkExists()).toBe(true);

		await extra.activate();
		await main.delete();
		expect(emu.webhooks()[0].url).toBeNull();
		expect(destinations().map((d) => d.url)).toEqual([extra.webhookUrl]);
	});

	test('with all 3 webhooks of the number in use, activation fails, names them, and writes nothing', async () => {
		await setDestinations([OTHER, { url: 'https://third.example.com/hook' }]);
		const writes = () =>
			emu.requests.filter((r) => r.method === 'POST' && r.path === '/multi_webhook').length;
		const before = writes();
		const extra = await trigger();
		await expect(extra.activate()).rejects.toThrow(
			'All 3 webhooks of this WhatsApp number are in use',
		);
		await expect(extra.activate()).rejects.toMatchObject({
			description: expect.stringContaining('https://third.example.com/hook'),
		});
		expect(writes()).toBe(before);
	});

	test('without a main webhook, activation fails and says why an extra destination alone would receive nothing', async () => {
		emu.reset();
		const extra = await trigger();
		await expect(extra.activate()).rejects.toThrow('This WhatsApp number has no main webhook');
		expect(destinations()).toEqual([]);
	});

	test('an entry left behind with its own URL (n8n stopped without deactivating) is replaced, not duplicated', async () => {
		const extra = await trigger();
		await extra.create();
		await extra.create();
		expect(destinations().map((d) => d.url)).toEqual([extra.webhookUrl]);
	});
});
