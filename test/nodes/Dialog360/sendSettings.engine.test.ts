/**
 * Send settings by node version: versions 1 and 1.1 keep Concurrency, Messages Per Second and Request Timeout as
 * top-level fields on every operation; from 1.2 they live in one "Send Settings" group shown only where the node
 * sends, with the same defaults, and the run reads them from there (Request Timeout: sendRate.engine.test.ts).
 */
import { NodeHelpers, type IDataObject, type INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../emulator';
import {
	ACTION_NODE_TYPE,
	loadPackage,
	PackageNodeTypes,
	runActionNode,
} from '../../helpers/engine';

const KEY = 'settings-key';
const SLOW_TEST_MS = 20_000;
const SEND_FIELDS = ['concurrency', 'messagesPerSecond', 'requestTimeout'];

let emu: Emulator | undefined;
afterEach(async () => {
	await emu?.close();
	emu = undefined;
});

const recipient = (n: number) => `4915100${String(n).padStart(6, '0')}`;
const texts = (count: number) =>
	Array.from({ length: count }, (_, i) => ({
		json: { to: `+${recipient(i)}`, text: `message ${i}` },
	}));
const sendText = (extra: IDataObject = {}): IDataObject => ({
	resource: 'message',
	operation: 'sendText',
	phoneNumber: '={{ $json.to }}',
	text: '={{ $json.text }}',
	...extra,
});

/** The parameters the editor shows for `values` at `typeVersion`, as n8n resolves them. */
async function shownParameters(values: INodeParameters, typeVersion: number): Promise<string[]> {
	const nodeType = new PackageNodeTypes(await loadPackage()).getByNameAndVersion(
		ACTION_NODE_TYPE,
		typeVersion,
	);
	const { properties } = nodeType.description;
	const resolved = NodeHelpers.getNodeParameters(
		properties,
		values,
		true,
		false,
		{ typeVersion },
		nodeType.description,
	);
	return Object.keys(resolved ?? {});
}

const arrivalsOf = (server: Emulator) =>
	server.requests
		.filter((request) => request.method === 'POST' && request.path === '/messages')
		.map((request) => request.at);
const span = (times: number[]) => Math.max(...times) - Math.min(...times);

describe('where the send settings show', () => {
	const templateList = { resource: 'template', operation: 'list' };
	const textMessage = { resource: 'message', operation: 'sendText' };

	test('version 1.2: one Send Settings group on the operations that send, nothing top-level', async () => {
		const onSend = await shownParameters(textMessage, 1.2);
		expect(onSend).toContain('sendSettings');
		expect(onSend.filter((name) => SEND_FIELDS.includes(name))).toEqual([]);
		const onList = await shownParameters(templateList, 1.2);
		expect(onList.filter((name) => [...SEND_FIELDS, 'sendSettings'].includes(name))).toEqual([]);
		const onHealth = await shownParameters(
			{ resource: 'account', operation: 'getHealthStatus' },
			1.2,
		);
		expect(onHealth).not.toContain('sendSettings');
	});

	test('the group is collapsed and holds the same fields with the same defaults as version 1.1', async () => {
		const nodeType = new PackageNodeTypes(await loadPackage()).getByNameAndVersion(
			ACTION_NODE_TYPE,
			1.2,
		);
		const properties = nodeType.description.properties;
		const group = properties.find((property) => property.name === 'sendSettings');
		expect(group).toMatchObject({ type: 'collection', default: {} });
		const inGroup = Object.fromEntries(
			(group?.options ?? []).map((option) => [
				option.name,
				(option as { default?: unknown }).default,
			]),
		);
		const topLevel = Object.fromEntries(
			properties
				.filter((property) => SEND_FIELDS.includes(property.name))
				.map((property) => [property.name, property.default]),
		);
		expect(inGroup).toEqual(topLevel);
		expect(inGroup).toEqual({ concurrency: 5, messagesPerSecond: 80, requestTimeout: 30_000 });
	});

	test('saved workflows keep their fields: top-level on every operation in 1.1, Concurrency alone in 1', async () => {
		expect(await shownParameters(templateList, 1.1)).toEqual(expect.arrayContaining(SEND_FIELDS));
		const v1 = await shownParameters(templateList, 1);
		expect(v1).toContain('concurrency');
		expect(v1).not.toContain('messagesPerSecond');
		expect(v1).not.toContain('sendSettings');
	});
});

describe('a version 1.2 run reads its send settings from the group', () => {
	test(
		'Messages Per Second in the group caps the run',
		async () => {
			emu = await startEmulator({ numbers: [{ apiKey: KEY }], statusSequence: [], latencyMs: 20 });
			const { items, error } = await runActionNode(
				sendText({ sendSettings: { concurrency: 10, messagesPerSecond: 20 } }),
				texts(30),
				{ baseUrl: emu.url, apiKey: KEY, typeVersion: 1.2 },
			);
			expect(error('360dialog')).toBeUndefined();
			expect(items).toHaveLength(30);
			// 30 at 20 per second: the thirtieth leaves 1.45 s after the first; at the default 80, in 0.4 s.
			expect(span(arrivalsOf(emu))).toBeGreaterThanOrEqual(1200);
		},
		SLOW_TEST_MS,
	);

	test(
		'top-level values left in a 1.2 node are not read: the defaults apply',
		async () => {
			emu = await startEmulator({ numbers: [{ apiKey: KEY }], statusSequence: [], latencyMs: 20 });
			const { items } = await runActionNode(
				sendText({ concurrency: 10, messagesPerSecond: 4 }),
				texts(12),
				{ baseUrl: emu.url, apiKey: KEY, typeVersion: 1.2 },
			);
			expect(items).toHaveLength(12);
			// At 4 per second the twelfth would leave 2.75 s after the first.
			expect(span(arrivalsOf(emu))).toBeLessThan(2000);
		},
		SLOW_TEST_MS,
	);

	test(
		'Concurrency 1 in the group sends one item at a time',
		async () => {
			const latencyMs = 120;
			emu = await startEmulator({ numbers: [{ apiKey: KEY }], statusSequence: [], latencyMs });
			const { items } = await runActionNode(
				sendText({ sendSettings: { concurrency: 1 } }),
				texts(5),
				{ baseUrl: emu.url, apiKey: KEY, typeVersion: 1.2 },
			);
			expect(items).toHaveLength(5);
			// Each waits for the answer before it: at least four answers between the first and the last.
			expect(span(arrivalsOf(emu))).toBeGreaterThanOrEqual(4 * latencyMs - 20);
		},
		SLOW_TEST_MS,
	);
});
