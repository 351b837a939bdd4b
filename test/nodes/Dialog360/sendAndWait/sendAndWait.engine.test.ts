/**
 * Send and Wait for Response through the n8n engine, against the emulator: the exact message that asks, with
 * n8n's signed resume URL on its button, and the execution left waiting until the limit (or for ever).
 */
import type { IDataObject } from 'n8n-workflow';
import { WAIT_INDEFINITELY } from 'n8n-workflow';

import { runActionNode } from '../../../helpers/engine';
import { startEmulator } from '../../../../emulator';
import type { Emulator } from '../../../../emulator';

const CUSTOMER = '4915112345678';
let emu: Emulator;

beforeAll(async () => {
	emu = await startEmulator({ numbers: [{ apiKey: 'wait-key' }] });
});
afterAll(async () => await emu.close());
beforeEach(() => {
	emu.reset();
	emu.setContactWindow({ waId: CUSTOMER, lastInboundHoursAgo: 1 });
});

const run = async (parameters: IDataObject) =>
	await runActionNode(
		{ resource: 'message', operation: 'sendAndWait', phoneNumber: `+${CUSTOMER}`, ...parameters },
		[{ json: { order: 1042 } }],
		{ baseUrl: emu.url, apiKey: 'wait-key', typeVersion: 1.1 },
	);

const RESUME_URL =
	/^http:\/\/127\.0\.0\.1:5678\/webhook-waiting\/engine-test-execution\/node-360dialog\?signature=[0-9a-f]{64}$/;

describe('Send and Wait for Response through the n8n engine', () => {
	test('approval: a call-to-action button on the signed resume URL; the execution waits', async () => {
		const before = Date.now();
		const { run: result, error } = await run({
			message: 'Refund 40 € for order 1042?',
			responseType: 'approval',
			approvalType: 'single',
			approveLabel: '✓ Approve',
			footerText: ' ',
			options: {
				limitWaitTime: {
					values: { limitType: 'afterTimeInterval', resumeAmount: 2, resumeUnit: 'hours' },
				},
			},
		});
		expect(error('360dialog')).toBeUndefined();
		expect(emu.requests).toHaveLength(1);
		const [call] = emu.requests;
		expect(call.status).toBe(200);
		expect(call.body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: CUSTOMER,
			type: 'interactive',
			interactive: {
				type: 'cta_url',
				body: { text: 'Refund 40 € for order 1042?' },
				action: {
					name: 'cta_url',
					parameters: { display_text: '✓ Approve', url: expect.stringMatching(RESUME_URL) },
				},
			},
		});
		expect(result.status).toBe('waiting');
		const waitTill = new Date(result.waitTill as Date).getTime();
		expect(waitTill).toBeGreaterThanOrEqual(before + 2 * 3600_000);
		expect(waitTill).toBeLessThan(Date.now() + 2 * 3600_000 + 1000);
	});

	test('free text without a limit: a "Reply" button, and the execution waits indefinitely', async () => {
		const { run: result } = await run({
			message: 'When can we deliver?',
			responseType: 'freeText',
		});
		expect(emu.requests[0].body.interactive.action.parameters.display_text).toBe('Reply');
		expect(result.status).toBe('waiting');
		expect(new Date(result.waitTill as Date).getTime()).toBe(WAIT_INDEFINITELY.getTime());
	});

	test('two items ask two people with the same resume URL: the first answer continues', async () => {
		const { run: result } = await runActionNode(
			{
				resource: 'message',
				operation: 'sendAndWait',
				phoneNumber: '={{ $json.to }}',
				message: 'Can you cover the late shift?',
				responseType: 'approval',
			},
			[{ json: { to: `+${CUSTOMER}` } }, { json: { to: '+49 151 87654321' } }],
			{ baseUrl: emu.url, apiKey: 'wait-key', typeVersion: 1.1 },
		);
		expect(emu.requests.map((request) => request.body.to).sort()).toEqual([
			CUSTOMER,
			'4915187654321',
		]);
		const urls = emu.requests.map((request) => request.body.interactive.action.parameters.url);
		expect(urls[0]).toMatch(RESUME_URL);
		expect(urls[1]).toBe(urls[0]);
		expect(result.status).toBe('waiting');
	});

	test('a limit at a given date waits until then; a date that is not one fails before sending', async () => {
		const at = '2031-05-04T10:00:00.000Z';
		const limit = (maxDateAndTime: string) => ({
			limitWaitTime: { values: { limitType: 'atSpecifiedTime', maxDateAndTime } },
		});
		const { run: result } = await run({
			message: 'm',
			responseType: 'approval',
			options: limit(at),
		});
		expect(new Date(result.waitTill as Date).toISOString()).toBe(at);
		emu.reset();
		const { error } = await run({ message: 'm', responseType: 'approval', options: limit('soon') });
		expect(error('360dialog')?.message).toBe('The wait time limit is not a valid date');
		expect(emu.requests).toHaveLength(0);
	});

	test('an empty message fails the item before anything is sent, and nothing waits', async () => {
		const { run: result, error } = await run({ message: '  ', responseType: 'approval' });
		expect(error('360dialog')?.message).toBe('Message is empty');
		expect(error('360dialog')?.description).toBe('Fill in "Message". (parameter: message)');
		expect(emu.requests).toHaveLength(0);
		expect(result.waitTill).toBeUndefined();
	});
});
