/**
 * "Test this trigger" while the number's main webhook is a 360dialog Trigger of this n8n: the test listens
 * as an extra destination and leaves the number as it found it; where it cannot, the error's first line
 * says whose URL holds the number and what to do. Publishing a second main webhook for the number names
 * the workflow's URL that holds it and offers the extra-destination role. Against the emulator.
 */
import type { TriggerPanelDefinition } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../emulator';
import { loadPackage, PackageNodeTypes, TRIGGER_NODE_TYPE } from '../../helpers/engine';
import { contact, envelope, inboundText } from '../../helpers/envelopes';
import {
	createTriggerHarness,
	setExtraDestinations,
	type TriggerOptions,
} from '../../helpers/trigger';

const KEY = 'beside-key';
const VERIFICATION_HEADER = 'X-N8n-Webhook-Secret';
const ECHO = { workflowId: 'echo-workflow', nodeId: 'echo-node', webhookId: 'echo-webhook-id' };
const ROUTER = {
	workflowId: 'router-workflow',
	nodeId: 'router-node',
	webhookId: 'router-hook-id',
};
const FOREIGN = {
	url: 'https://crm.example.com/whatsapp',
	headers: { Authorization: 'Basic Y3Jt' },
};

const text = (id: string) =>
	envelope({
		contacts: [contact('Jane', '4915112345678')],
		messages: [inboundText(id, '4915112345678', 'hello')],
	});

describe('360dialog Trigger: testing beside the published workflow', () => {
	let emu: Emulator;

	beforeEach(async () => {
		emu = await startEmulator({ numbers: [{ apiKey: KEY }] });
	});
	afterEach(async () => await emu.close());

	const harness = (ids: typeof ECHO, options: Partial<Omit<TriggerOptions, 'baseUrl'>> = {}) =>
		createTriggerHarness({
			baseUrl: emu.url,
			apiKey: KEY,
			typeVersion: 2.1,
			...ids,
			...options,
			parameters: { webhookRole: 'main', ...options.parameters },
		});
	const published = async (ids = ECHO, options: Partial<Omit<TriggerOptions, 'baseUrl'>> = {}) => {
		const trigger = await harness(ids, options);
		await trigger.activate();
		return trigger;
	};
	const numberState = () => ({ main: emu.webhooks()[0], extra: emu.extraDestinations()[0] });
	const writes = () => emu.requests.filter((r) => r.method === 'POST').length;
	const setDestinations = (list: unknown[], enabled = true) =>
		setExtraDestinations(emu.url, KEY, list, enabled);
	const failureOf = async (promise: Promise<unknown>) =>
		(await promise.then(
			() => undefined,
			(error: unknown) => error,
		)) as { message: string; description?: string } | undefined;

	test('on the published workflow, the test listens as an extra destination and both get the same message', async () => {
		const production = await published();
		const before = numberState();
		const test = await harness(ECHO, { test: true });
		await test.activate();

		expect(test.webhookUrl).toBe(production.webhookUrl.replace('/webhook/', '/webhook-test/'));
		expect(emu.webhooks()[0]).toEqual(before.main);
		const [entry] = emu.extraDestinations()[0].destinations;
		expect(entry.url).toBe(test.webhookUrl);
		expect(entry.name).toMatch(/\(test\)$/);

		const body = text('wamid.beside-1');
		const live = await production.deliver({
			headers: { [VERIFICATION_HEADER]: before.main.headers[VERIFICATION_HEADER] },
			body,
		});
		const tested = await test.deliver({
			headers: { [VERIFICATION_HEADER]: entry.headers[VERIFICATION_HEADER] },
			body,
		});
		expect(live.outputs?.[0].map((item) => item.json.messageId)).toEqual(['wamid.beside-1']);
		expect(tested.outputs?.[0].map((item) => item.json.messageId)).toEqual(['wamid.beside-1']);
		// The test's secret is its own: the production secret does not open the test URL.
		const crossed = await test.deliver({
			headers: { [VERIFICATION_HEADER]: before.main.headers[VERIFICATION_HEADER] },
			body: text('wamid.beside-2'),
		});
		expect(crossed.status).toBe(401);

		await test.delete();
		expect(numberState()).toEqual(before);
		expect(await production.checkExists()).toBe(true);
	});

	test("beside another workflow's main webhook of this n8n, the test listens as an extra destination too", async () => {
		await published(ROUTER);
		const before = numberState();
		const test = await harness(ECHO, { test: true });
		await test.activate();
		expect(emu.extraDestinations()[0].destinations.map((d) => d.url)).toEqual([test.webhookUrl]);
		await test.delete();
		expect(numberState()).toEqual(before);
	});

	test('the test beside the published workflow leaves the other extra destinations as they were', async () => {
		await published();
		const other = { name: 'analytics', url: 'https://analytics.example.com/hook', headers: {} };
		await setDestinations([other]);
		const before = numberState();
		const test = await harness(ECHO, { test: true });
		await test.activate();
		expect(emu.extraDestinations()[0].destinations.map((d) => d.url)).toEqual([
			other.url,
			test.webhookUrl,
		]);
		await test.delete();
		expect(numberState()).toEqual(before);
	});

	test('extra destinations that were switched off are switched off again when the test ends', async () => {
		await published();
		await setDestinations(
			[{ name: 'analytics', url: 'https://analytics.example.com/hook' }],
			false,
		);
		const before = numberState();
		const test = await harness(ECHO, { test: true });
		await test.activate();
		// 360dialog switches all extra destinations on or off together.
		expect(emu.extraDestinations()[0].enabled).toBe(true);
		await test.delete();
		expect(numberState()).toEqual(before);
	});

	test('version 1 tests beside its published workflow the same way', async () => {
		const production = await published(ECHO, { typeVersion: 1 });
		const before = numberState();
		const test = await harness(ECHO, { typeVersion: 1, test: true });
		await test.activate();
		expect(emu.webhooks()[0].url).toBe(production.webhookUrl);
		expect(emu.extraDestinations()[0].destinations.map((d) => d.url)).toEqual([test.webhookUrl]);
		await test.delete();
		expect(numberState()).toEqual(before);
	});

	test('with all 3 webhooks in use, the first line names them, whose the main one is, and what to do', async () => {
		const production = await published();
		await setDestinations([
			{ url: 'https://analytics.example.com/hook' },
			{ url: 'https://third.example.com/hook' },
		]);
		const before = writes();
		const test = await harness(ECHO, { test: true });
		const failure = await failureOf(test.activate());
		const firstLine = failure!.message.split('\n')[0];
		expect(firstLine).toContain('All 3 webhooks of this WhatsApp number are in use');
		expect(firstLine).toContain(`${production.webhookUrl} (this workflow's production URL)`);
		expect(firstLine).toContain('https://third.example.com/hook');
		expect(firstLine).toMatch(
			/unpublish a workflow that uses one, or remove one in the 360dialog Hub/,
		);
		expect(writes()).toBe(before);
	});

	test('an unknown main URL fails the test with whose it is and what to do in the first line, and writes nothing', async () => {
		await fetch(`${emu.url}/v1/configs/webhook`, {
			method: 'POST',
			headers: { 'D360-API-KEY': KEY, 'content-type': 'application/json' },
			body: JSON.stringify(FOREIGN),
		});
		const before = writes();
		const test = await harness(ECHO, { test: true });
		const failure = await failureOf(test.activate());
		expect(failure!.message.split('\n')[0]).toBe(
			`This WhatsApp number already sends its webhooks to ${FOREIGN.url}, which is not a workflow of this n8n: turn on "Replace Existing Webhook" to take it over, or set "Webhook Role" to "Extra Destination" to receive beside it`,
		);
		expect(writes()).toBe(before);
		expect(emu.webhooks()[0]).toMatchObject(FOREIGN);
	});

	test('on a number with no webhook, the test is the main webhook until it ends', async () => {
		const test = await harness(ECHO, { test: true });
		await test.activate();
		expect(emu.webhooks()[0].url).toBe(test.webhookUrl);
		await test.delete();
		expect(emu.webhooks()[0].url).toBeNull();
	});

	test('publishing while the test holds the empty number says to stop the test first, and writes nothing', async () => {
		const test = await harness(ECHO, { test: true });
		await test.activate();
		const before = writes();
		const failure = await failureOf((await harness(ECHO)).activate());
		expect(failure!.message.split('\n')[0]).toBe(
			`This workflow's test URL holds this WhatsApp number's main webhook while "Test this trigger" listens (${test.webhookUrl}): stop the test, then publish again`,
		);
		expect(writes()).toBe(before);
	});

	test('publishing a second main webhook names the URL of the workflow that holds the number and offers the extra-destination role', async () => {
		const holder = await published(ROUTER);
		const before = writes();
		const second = await harness(ECHO);
		const failure = await failureOf(second.activate());
		expect(failure!.message.split('\n')[0]).toBe(
			`Another workflow of this n8n holds this WhatsApp number's main webhook (${holder.webhookUrl}): set "Webhook Role" to "Extra Destination" to publish this workflow beside it`,
		);
		expect(writes()).toBe(before);
		const beside = await harness(ECHO, { parameters: { webhookRole: 'extra' } });
		await beside.activate();
		expect(emu.webhooks()[0].url).toBe(holder.webhookUrl);
		expect(emu.extraDestinations()[0].destinations.map((d) => d.url)).toEqual([beside.webhookUrl]);
	});

	test.each([1, 2, 2.1])(
		'the trigger panel of version %s says, once published, that the test listens beside it',
		async (version) => {
			const nodeTypes = new PackageNodeTypes(await loadPackage());
			const panel = nodeTypes.getByNameAndVersion(TRIGGER_NODE_TYPE, version).description
				.triggerPanel as TriggerPanelDefinition;
			const hint = panel.activationHint as { active: string; inactive: string };
			expect(hint.active).toMatch(/listens beside the production URL as an extra destination/);
			expect(hint.active).toMatch(/only the test's entry is removed when the test ends/);
			expect(hint.inactive).toMatch(/publish it/);
		},
	);
});
