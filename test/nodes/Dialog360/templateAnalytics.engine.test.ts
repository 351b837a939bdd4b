/**
 * Template → Get Analytics through n8n-core against the emulator: names resolved to template ids, one item
 * per template and day with the counts of the sends the emulator made, and the limits checked first.
 */
import { runActionNode } from '../../helpers/engine';
import { startEmulator, type Emulator } from '../../../emulator';

const KEY = 'analytics-key';
const CUSTOMER = '4915112345678';
let emu: Emulator;
beforeEach(async () => {
	emu = await startEmulator({ numbers: [{ apiKey: KEY }], statusGapMs: 5 });
});
afterEach(async () => await emu.close());

const analytics = (parameters: Record<string, unknown>) =>
	runActionNode(
		{ resource: 'template', operation: 'getAnalytics', ...parameters },
		[{ json: {} }],
		{
			baseUrl: emu.url,
			apiKey: KEY,
			typeVersion: 1.1,
		},
	);

const today = () => new Date().toISOString().slice(0, 10);
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

async function sendHelloWorld(): Promise<string> {
	const answer = await fetch(`${emu.url}/messages`, {
		method: 'POST',
		headers: { 'D360-API-KEY': KEY, 'content-type': 'application/json' },
		body: JSON.stringify({
			messaging_product: 'whatsapp',
			to: CUSTOMER,
			type: 'template',
			template: { name: 'hello_world', language: { code: 'en_US' } },
		}),
	});
	return ((await answer.json()) as any).messages[0].id;
}

test('a template by name: one item per day with sent, delivered and read', async () => {
	const id = await sendHelloWorld();
	await sendHelloWorld();
	await emu.waitFor(() => emu.sent.find((record) => record.id === id && record.status === 'read'));
	const { items, error } = await analytics({
		templates: 'hello_world',
		start: today(),
		end: tomorrow(),
	});
	expect(error('360dialog')).toBeUndefined();
	const templateId = String(emu.templates().find((t: any) => t.name === 'hello_world')!.id);
	expect(items.map((item) => item.json)).toEqual([
		{
			name: 'hello_world',
			language: 'en_US',
			templateId,
			date: today(),
			start: expect.any(Number),
			end: expect.any(Number),
			sent: 2,
			delivered: expect.any(Number),
			read: expect.any(Number),
			clicked: 0,
			clicks: [],
		},
	]);
	expect(items[0].json.read).toBeGreaterThanOrEqual(1);
	const request = emu.requests.find((r) => r.path === '/marketing/template_analytics');
	expect(request?.query).toMatchObject({
		granularity: 'DAILY',
		template_ids: JSON.stringify([templateId]),
	});
});

test('only the metrics asked for are counted', async () => {
	await sendHelloWorld();
	const templateId = String(emu.templates().find((t: any) => t.name === 'hello_world')!.id);
	const { items } = await analytics({
		templates: templateId,
		start: today(),
		end: tomorrow(),
		metrics: ['SENT'],
	});
	expect(items[0].json).toEqual({
		templateId,
		date: today(),
		start: expect.any(Number),
		end: expect.any(Number),
		sent: 1,
	});
});

test('an end before the start, or an unknown name, fails the item and says what to fix', async () => {
	const backwards = await analytics({ templates: 'hello_world', start: tomorrow(), end: today() });
	expect(backwards.error('360dialog')?.message).toBe('End is not after Start');
	expect(emu.requests).toHaveLength(0);
	const unknown = await analytics({
		templates: 'no_such_template',
		start: today(),
		end: tomorrow(),
	});
	expect(unknown.error('360dialog')?.message).toBe('No template named "no_such_template"');
});
