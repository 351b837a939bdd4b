/**
 * What the read operations give a workflow holds no `undefined`: a field the API did not send is left out of
 * the item, never carried as an empty key (n8n's table would show it as "undefined").
 */
import type { IDataObject } from 'n8n-workflow';

import { ensureBinaryData, runActionNode } from '../../helpers/engine';
import { startEmulator, type Emulator } from '../../../emulator';

const KEY = 'read-key';
let emu: Emulator;

beforeAll(async () => await ensureBinaryData());
beforeEach(async () => {
	emu = await startEmulator({ numbers: [{ apiKey: KEY }] });
});
afterEach(async () => await emu.close());

const run = (parameters: IDataObject) =>
	runActionNode(parameters, [{ json: {} }], { baseUrl: emu.url, apiKey: KEY, typeVersion: 1.2 });

/** The paths of every `undefined` inside `value`. */
function undefinedPaths(value: unknown, at = '$'): string[] {
	if (value === undefined) return [at];
	if (value === null || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, entry]) => undefinedPaths(entry, `${at}.${key}`));
}

test.each([
	['template', 'list', { returnAll: true }],
	['template', 'get', { template: { __rl: true, mode: 'name', value: 'order_update' } }],
	['account', 'getHealthStatus', {}],
	['account', 'getPhoneNumber', {}],
	['account', 'getBusinessProfile', {}],
])('%s → %s', async (resource, operation, parameters) => {
	const { items, error } = await run({ resource, operation, ...parameters });
	expect(error('360dialog')).toBeUndefined();
	expect(items.length).toBeGreaterThan(0);
	expect(items.flatMap((item) => undefinedPaths(item.json))).toEqual([]);
});

test('account → listBlockedUsers', async () => {
	for (const waId of ['4915100000001', '4915100000002'])
		emu.setContactWindow({ waId, lastInboundHoursAgo: 1 });
	const blocked = await run({
		resource: 'account',
		operation: 'blockUsers',
		users: '+4915100000001, +4915100000002',
	});
	expect(blocked.error('360dialog')).toBeUndefined();
	const { items } = await run({
		resource: 'account',
		operation: 'listBlockedUsers',
		returnAll: true,
	});
	expect(items).toHaveLength(2);
	expect(items.flatMap((item) => undefinedPaths(item.json))).toEqual([]);
});
