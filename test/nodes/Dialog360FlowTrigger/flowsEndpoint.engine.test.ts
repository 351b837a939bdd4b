import { decryptResponse, encryptRequest } from '../../../emulator/flow-crypto';
import { signFlowToken } from '../../../nodes/shared/whatsapp/flows/flowToken';
import { createFlowHarness, makeFlowKeys } from '../../helpers/flowsEngine';
import type { FlowHarness } from '../../helpers/flowsEngine';

const keys = makeFlowKeys('pass phrase');
const other = makeFlowKeys();
const tokenSecret = 'a long random token secret';
const credential = { privateKey: keys.privatePem, passphrase: 'pass phrase', tokenSecret };
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;
const signed = (recipient = '4915112345678', expiresAt = inAnHour()) =>
	signFlowToken({ recipient, expiresAt, reference: 'booking' }, tokenSecret);

function request(payload: unknown, publicPem = keys.publicPem) {
	return encryptRequest(payload, publicPem);
}

let harness: FlowHarness;
beforeAll(async () => {
	harness = await createFlowHarness({
		credential,
		respondParameters: {
			respondWith: 'nextScreen',
			screen: 'SLOTS',
			screenData: '={{ JSON.stringify({ day: $json.data.day, who: $json.sender.waId }) }}',
		},
	});
});

describe('360dialog Flow Trigger', () => {
	it('answers the health check itself, encrypted, and starts nothing', async () => {
		const sealed = request({ version: '3.0', action: 'ping' });
		const answer = await harness.post(sealed.body);
		expect(answer.status).toBe(200);
		expect(answer.contentType).toBe('text/plain');
		expect(answer.items).toBeUndefined();
		expect(decryptResponse(String(answer.body), sealed.aesKey, sealed.iv)).toEqual({
			data: { status: 'active' },
		});
	});

	it('acknowledges an error notification and starts nothing', async () => {
		const sealed = request({
			version: '3.0',
			action: 'data_exchange',
			screen: 'SLOTS',
			flow_token: signed(),
			data: { error: 'invalid-screen-transition', error_message: 'no such screen' },
		});
		const answer = await harness.post(sealed.body);
		expect(answer.items).toBeUndefined();
		expect(decryptResponse(String(answer.body), sealed.aesKey, sealed.iv)).toEqual({
			version: '3.0',
			data: { acknowledged: true },
		});
		expect(answer.logs.join('\n')).toContain('invalid-screen-transition');
	});

	it('answers 421 to a tampered tag and to a request for another key, and starts nothing', async () => {
		const sealed = request({ version: '3.0', action: 'INIT', flow_token: signed() });
		const data = Buffer.from(sealed.body.encrypted_flow_data, 'base64');
		data[data.length - 3] ^= 0x40;
		const tampered = await harness.post({
			...sealed.body,
			encrypted_flow_data: data.toString('base64'),
		});
		expect(tampered.status).toBe(421);
		expect(tampered.items).toBeUndefined();
		const forOther = await harness.post(
			request({ version: '3.0', action: 'INIT', flow_token: signed() }, other.publicPem).body,
		);
		expect(forOther.status).toBe(421);
		expect(forOther.items).toBeUndefined();
	});

	it.each([
		[
			'forged',
			signFlowToken({ recipient: '4915112345678', expiresAt: inAnHour() }, 'another secret'),
		],
		['expired', signed('4915112345678', Math.floor(Date.now() / 1000) - 1)],
		['unsigned', 'unused'],
	])('answers 427 to a %s flow token and starts nothing', async (_label, token) => {
		const sealed = request({ version: '3.0', action: 'INIT', flow_token: token });
		const answer = await harness.post(sealed.body);
		expect(answer.status).toBe(427);
		expect(answer.items).toBeUndefined();
		expect(decryptResponse(String(answer.body), sealed.aesKey, sealed.iv)).toEqual({
			error_msg: 'This form has expired. Please ask for a new one in the chat.',
		});
	});

	it('answers junk with 400 and starts nothing', async () => {
		for (const junk of [
			{},
			{ hello: 'world' },
			'text',
			{ encrypted_flow_data: 'x', encrypted_aes_key: 'y', initial_vector: '!!' },
		]) {
			const answer = await harness.post(junk);
			expect(answer.status).toBe(400);
			expect(answer.items).toBeUndefined();
		}
	});

	it('hands an exchange to the workflow as one item with the sender the token names', async () => {
		const token = signed();
		const sealed = request({
			version: '3.0',
			action: 'data_exchange',
			screen: 'DAY',
			flow_token: token,
			data: { day: '2026-12-08' },
		});
		const answer = await harness.post(sealed.body);
		expect(answer.items).toHaveLength(1);
		const json = answer.items![0].json;
		expect(json).toMatchObject({
			action: 'data_exchange',
			screen: 'DAY',
			data: { day: '2026-12-08' },
			flowToken: token,
			version: '3.0',
			sender: { waId: '4915112345678' },
			tokenReference: 'booking',
		});
		// The AES key travels wrapped, never in the clear.
		expect(JSON.stringify(json)).not.toContain(sealed.aesKey.toString('base64'));
	});
});

describe('Respond to Flow', () => {
	it('answers through n8n’s response mechanism, encrypted for the request it answers', async () => {
		const sealed = request({
			version: '3.0',
			action: 'data_exchange',
			screen: 'DAY',
			flow_token: signed(),
			data: { day: '2026-12-08' },
		});
		const { items } = await harness.post(sealed.body);
		const { response } = await harness.respond(items!);
		expect(response?.statusCode).toBe(200);
		expect(response?.headers).toEqual({ 'content-type': 'text/plain' });
		expect(decryptResponse(String(response?.body), sealed.aesKey, sealed.iv)).toEqual({
			screen: 'SLOTS',
			data: { day: '2026-12-08', who: '4915112345678' },
		});
	});

	it('fails its execution with a clear error when the answer comes after WhatsApp’s 10 seconds', async () => {
		const sealed = request({ version: '3.0', action: 'INIT', flow_token: signed() });
		const { items } = await harness.post(sealed.body);
		const late = items!.map((item) => ({
			json: {
				...item.json,
				flowRequest: {
					...(item.json.flowRequest as object),
					answerBy: new Date(Date.now() - 1).toISOString(),
				},
			},
		}));
		const { response, run } = await harness.respond(late);
		expect(response).toBeUndefined();
		const error = run.data.resultData.runData['Respond to Flow'][0].error;
		expect(error?.message).toMatch(/10-second limit/);
	});

	it('closes the flow with SUCCESS and the token among the params', async () => {
		const closing = await createFlowHarness({
			credential,
			respondParameters: {
				respondWith: 'close',
				closeParams: '={{ JSON.stringify({ slot: $json.data.slot }) }}',
			},
		});
		const token = signed();
		const sealed = request({
			version: '3.0',
			action: 'data_exchange',
			screen: 'SLOTS',
			flow_token: token,
			data: { slot: '09:30' },
		});
		const { items } = await closing.post(sealed.body);
		const { response } = await closing.respond(items!);
		expect(decryptResponse(String(response?.body), sealed.aesKey, sealed.iv)).toEqual({
			screen: 'SUCCESS',
			data: { extension_message_response: { params: { flow_token: token, slot: '09:30' } } },
		});
	});

	it('refuses the token with 427 when the workflow says so', async () => {
		const refusing = await createFlowHarness({
			credential,
			respondParameters: { respondWith: 'refuseToken', refusalMessage: 'Already booked' },
		});
		const sealed = request({ version: '3.0', action: 'INIT', flow_token: signed() });
		const { items } = await refusing.post(sealed.body);
		const { response } = await refusing.respond(items!);
		expect(response?.statusCode).toBe(427);
		expect(decryptResponse(String(response?.body), sealed.aesKey, sealed.iv)).toEqual({
			error_msg: 'Already booked',
		});
	});

	it('keeps the private key out of the items, the answer and the run data', async () => {
		const sealed = request({ version: '3.0', action: 'INIT', flow_token: signed() });
		const answer = await harness.post(sealed.body);
		const { run } = await harness.respond(answer.items!);
		const everything = JSON.stringify({ answer, run: run.data });
		const keyLine = keys.privatePem.split('\n')[1];
		expect(everything).not.toContain(keyLine);
		expect(everything).not.toContain('pass phrase');
		expect(everything).not.toContain(tokenSecret);
	});
});
