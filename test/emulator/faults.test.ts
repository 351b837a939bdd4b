import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { RecordingServer } from '../helpers/recordingServer';
import { startEmulator, type Emulator } from '../../emulator/index';
import {
	api,
	changeValue,
	control,
	CUSTOMER,
	sendMessage,
	startReceiver,
	startWithReceiver,
	stopWithReceiver,
	TEST_NUMBER,
} from './testkit';

let emu: Emulator;
let receiver: RecordingServer;
const clock = Date.UTC(2025, 5, 1, 12);

beforeEach(async () => {
	({ emu, receiver } = await startWithReceiver({
		numbers: [TEST_NUMBER],
		statusGapMs: 5,
		webhookRetryDelaysMs: [20, 20],
		now: () => clock,
	}));
	emu.setContactWindow({ waId: CUSTOMER, lastInboundAt: clock });
});

afterEach(() => stopWithReceiver(emu, receiver));

const text = { to: CUSTOMER, text: { body: 'hi' } };

describe('injected faults', () => {
	it('caps throughput per number with 429 / 130429 and Retry-After: 1', async () => {
		emu.setOptions({ throughputPerSecond: 2 });
		const answers = [];
		for (let index = 0; index < 3; index += 1) answers.push(await sendMessage(emu, text));
		expect(answers.map((answer) => answer.status)).toEqual([200, 200, 429]);
		const limited = answers[2];
		expect(limited.headers.get('retry-after')).toBe('1');
		expect(limited.json.error).toMatchObject({
			code: 130429,
			message: '(#130429) Rate limit hit',
			type: 'OAuthException',
		});
		expect(emu.sent).toHaveLength(2);
		expect((await api(emu, 'GET', '/health_status')).status).toBe(200);
	});

	it('answers every call 500 / 131000 at failure ratio 1', async () => {
		emu.setOptions({ failureRatio: 1 });
		const answer = await sendMessage(emu, text);
		expect(answer.status).toBe(500);
		expect(answer.json.error).toMatchObject({ code: 131000, type: 'OAuthException' });
		expect(emu.sent).toHaveLength(0);
	});

	it('follows the injected random source', async () => {
		await emu.close();
		const draws = [0.9, 0.1];
		emu = await startEmulator({
			numbers: [TEST_NUMBER],
			failureRatio: 0.5,
			random: () => draws.shift() ?? 0.9,
		});
		expect((await api(emu, 'GET', '/health_status')).status).toBe(200);
		expect((await api(emu, 'GET', '/health_status')).status).toBe(500);
		expect((await api(emu, 'GET', '/health_status')).status).toBe(200);
	});

	it('drops the connection without an answer at drop ratio 1', async () => {
		emu.setOptions({ dropRatio: 1 });
		await expect(sendMessage(emu, text)).rejects.toThrow();
		const record = emu.requests.find((entry) => entry.path === '/messages');
		expect(record).toMatchObject({ dropped: true, status: null });
		emu.setOptions({ dropRatio: 0 });
		expect((await sendMessage(emu, text)).status).toBe(200);
	});

	it('adds latency without changing the answer', async () => {
		emu.setOptions({ latencyMs: 20 });
		expect((await sendMessage(emu, text)).status).toBe(200);
	});

	it('changes options through the control API, and rejects bad ones', async () => {
		const changed = await control(emu, 'POST', '/options', {
			failureRatio: 1,
			throughputPerSecond: null,
		});
		expect(changed.status).toBe(200);
		expect(changed.json).toMatchObject({ failureRatio: 1, throughputPerSecond: null });
		expect((await sendMessage(emu, text)).status).toBe(500);
		expect((await control(emu, 'POST', '/options', { failureRatio: 2 })).status).toBe(400);
		expect((await control(emu, 'POST', '/options', { colour: 'blue' })).status).toBe(400);
		expect((await control(emu, 'POST', '/options', { constructor: 5 })).status).toBe(400);
	});

	it('does not apply faults to the control API', async () => {
		emu.setOptions({ failureRatio: 1, dropRatio: 1 });
		expect((await control(emu, 'GET', '/health')).status).toBe(200);
	});
});

describe('webhook delivery', () => {
	it('retries after a 500 from the receiver and delivers on the second attempt', async () => {
		receiver.queue({ status: 500, body: {} });
		const { messageId } = emu.injectInbound({ from: CUSTOMER, text: { body: 'hi' } });
		const delivered = await emu.waitFor(() =>
			emu.deliveries.find((record) => record.ok && record.kind === 'inbound'),
		);
		expect(delivered.attempt).toBe(2);
		const attempts = emu.deliveries.filter((record) => record.eventId === delivered.eventId);
		expect(attempts.map((record) => [record.attempt, record.statusCode, record.ok])).toEqual([
			[1, 500, false],
			[2, 200, true],
		]);
		expect(attempts[0].nextRetryInMs).toBe(20);
		expect(receiver.requests.map((entry) => changeValue(entry.json).messages[0].id)).toEqual([
			messageId,
			messageId,
		]);
	});

	it('records failed attempts against a target that is down, then gives up', async () => {
		const deadUrl = receiver.url;
		await receiver.close();
		emu.registerWebhook({ url: `${deadUrl}/hook` });
		emu.injectInbound({ from: CUSTOMER, text: { body: 'hi' } });
		const last = await emu.waitFor(() => emu.deliveries.find((record) => record.gaveUp));
		expect(last.attempt).toBe(3);
		expect(
			emu.deliveries.every(
				(record) => !record.ok && record.statusCode === null && typeof record.error === 'string',
			),
		).toBe(true);
		receiver = await startReceiver();
	});

	it('treats a receiver that drops the connection as failed', async () => {
		emu.setOptions({ webhookRetryDelaysMs: [] });
		receiver.queue({ drop: true });
		emu.injectInbound({ from: CUSTOMER, text: { body: 'hi' } });
		const failed = await emu.waitFor(() => emu.deliveries.find((record) => record.gaveUp));
		expect(failed).toMatchObject({ ok: false, statusCode: null, attempt: 1 });
	});

	it('treats a receiver that does not answer within the timeout as failed', async () => {
		const silent = createServer(() => undefined); // takes the request, never answers
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
		try {
			emu.setOptions({ webhookTimeoutMs: 50, webhookRetryDelaysMs: [] });
			emu.registerWebhook({
				url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/hook`,
			});
			emu.injectInbound({ from: CUSTOMER, text: { body: 'hi' } });
			const failed = await emu.waitFor(() => emu.deliveries.find((record) => record.gaveUp));
			expect(failed).toMatchObject({
				ok: false,
				statusCode: null,
				error: 'no answer within 50 ms',
			});
		} finally {
			silent.closeAllConnections();
			await new Promise((resolve) => silent.close(resolve));
		}
	});

	it('answers other 2xx codes as failed, as the platform wants exactly 200', async () => {
		emu.setOptions({ webhookRetryDelaysMs: [] });
		receiver.queue({ status: 204 });
		emu.injectInbound({ from: CUSTOMER, text: { body: 'hi' } });
		const failed = await emu.waitFor(() => emu.deliveries.find((record) => record.gaveUp));
		expect(failed).toMatchObject({ ok: false, statusCode: 204 });
	});

	it('keeps the order of events for one number', async () => {
		const ids = [1, 2, 3, 4, 5].map(
			(index) => emu.injectInbound({ from: CUSTOMER, text: { body: `m${index}` } }).messageId,
		);
		await emu.waitFor(() => receiver.requests.length === 5);
		expect(receiver.requests.map((entry) => changeValue(entry.json).messages[0].id)).toEqual(ids);
	});
});

describe('robustness', () => {
	it('answers junk JSON with 400 in Meta shape and stays up', async () => {
		const junk = await api(emu, 'POST', '/messages', {
			rawBody: '{"messaging_product": "whatsapp", to:',
		});
		expect(junk.status).toBe(400);
		expect(junk.json.error).toMatchObject({ code: 100, type: 'OAuthException' });
		expect(emu.requests.find((entry) => entry.path === '/messages')?.body).toEqual({
			unparsed: '{"messaging_product": "whatsapp", to:',
		});
		expect((await sendMessage(emu, text)).status).toBe(200);
	});

	it('answers a non-object JSON body with 400', async () => {
		const answer = await api(emu, 'POST', '/messages', { rawBody: '[1,2,3]' });
		expect(answer.status).toBe(400);
	});

	it('answers a JSON body over 1 MB with 413', async () => {
		const answer = await api(emu, 'POST', '/messages', {
			rawBody: JSON.stringify({ text: { body: 'x'.repeat(1024 * 1024 + 10) } }),
		});
		expect(answer.status).toBe(413);
		expect((await sendMessage(emu, text)).status).toBe(200);
	});

	it('survives a client that disconnects mid-body', async () => {
		await new Promise<void>((resolve) => {
			const half = request(`${emu.url}/messages`, {
				method: 'POST',
				headers: { 'content-length': '1000', 'content-type': 'application/json' },
			});
			half.on('error', () => resolve());
			half.write('{"messaging_product":', () => {
				half.destroy();
				resolve();
			});
		});
		expect((await sendMessage(emu, text)).status).toBe(200);
	});

	it('keeps at most maxRecords entries per record list, dropping the oldest', async () => {
		await emu.close();
		emu = await startEmulator({ numbers: [TEST_NUMBER], maxRecords: 10 });
		for (let index = 0; index < 25; index += 1) await api(emu, 'GET', `/health_status?n=${index}`);
		expect(emu.requests.length).toBeLessThanOrEqual(11);
		expect(emu.requests[emu.requests.length - 1].query).toEqual({ n: '24' });
	});

	it('answers control API junk with a clear 400', async () => {
		const response = await fetch(`${emu.url}/_emulator/inbound`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: 'nope',
		});
		expect(response.status).toBe(400);
		expect(((await response.json()) as { error: string }).error).toMatch(/JSON/);
	});
});
