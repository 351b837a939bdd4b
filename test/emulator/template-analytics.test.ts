/** The emulator's GET /marketing/template_analytics: Meta's query rules and data_points shape. */
import { api, CUSTOMER, sendMessage, TEST_NUMBER } from './testkit';
import { startEmulator, type Emulator } from '../../emulator/index';

let emu: Emulator;
beforeEach(async () => {
	emu = await startEmulator({ numbers: [TEST_NUMBER] });
});
afterEach(async () => await emu.close());

const day = Math.floor(Date.now() / 86_400_000) * 86_400;
const query = (parameters: Record<string, string>) =>
	api(emu, 'GET', `/marketing/template_analytics?${new URLSearchParams(parameters)}`);

test('a template send is counted on its UTC day', async () => {
	await sendMessage(emu, {
		to: CUSTOMER,
		type: 'template',
		template: { name: 'hello_world', language: { code: 'en_US' } },
	});
	const id = String(emu.templates().find((t: any) => t.name === 'hello_world')!.id);
	const { json } = await query({
		start: String(day),
		end: String(day + 86_400),
		granularity: 'DAILY',
		template_ids: `["${id}"]`,
	});
	expect(json.data).toEqual([
		{
			granularity: 'DAILY',
			data_points: [
				{
					template_id: id,
					start: day,
					end: day + 86_400,
					sent: 1,
					delivered: expect.any(Number),
					read: expect.any(Number),
					clicked: [],
				},
			],
		},
	]);
});

test('granularity other than DAILY, more than ten ids, an unknown id or end before start are refused', async () => {
	const base = { start: String(day), end: String(day + 86_400), granularity: 'DAILY' };
	expect((await query({ ...base, granularity: 'MONTH', template_ids: '["1"]' })).status).toBe(400);
	expect(
		(
			await query({
				...base,
				template_ids: JSON.stringify(Array.from({ length: 11 }, (_, n) => String(n))),
			})
		).status,
	).toBe(400);
	expect((await query({ ...base, template_ids: '["999"]' })).json.error.error_data.details).toMatch(
		/unknown template 999/,
	);
	expect((await query({ ...base, end: String(day - 86_400), template_ids: '["1"]' })).status).toBe(
		400,
	);
});
