import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startEmulator, type Emulator } from '../../emulator/index';
import { makeFlowKeys } from '../helpers/flowsEngine';
import { api, control, TEST_NUMBER } from './testkit';

let emu: Emulator;
beforeEach(async () => {
	emu = await startEmulator({ numbers: [TEST_NUMBER] });
});
afterEach(() => emu.close());

const keys = makeFlowKeys();

/** A flow endpoint on loopback that answers every request the same way, counting them. */
async function endpoint(answer: (res: import('node:http').ServerResponse) => void) {
	let count = 0;
	const server: Server = createServer((req, res) => {
		count += 1;
		req.resume();
		req.on('end', () => answer(res));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/flow`,
		count: () => count,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

const flowJson = {
	version: '6.0',
	screens: [{ id: 'ONE', terminal: true, layout: { type: 'SingleColumnLayout', children: [] } }],
};

describe('the business encryption endpoint', () => {
	it('holds a 2048-bit RSA public key, JSON or form-encoded, and answers it signed', async () => {
		expect((await api(emu, 'GET', '/whatsapp_business_encryption')).json).toEqual({ data: [] });
		const form = await fetch(`${emu.url}/whatsapp_business_encryption`, {
			method: 'POST',
			headers: { 'D360-API-KEY': 'test-key', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ business_public_key: keys.publicPem }).toString(),
		});
		expect(form.status).toBe(200);
		expect((await api(emu, 'GET', '/whatsapp_business_encryption')).json.data).toEqual([
			{ business_public_key: keys.publicPem.trim(), business_public_key_signature_status: 'VALID' },
		]);
	});

	it('refuses what is not a 2048-bit RSA public key', async () => {
		for (const business_public_key of [
			'',
			'not a key',
			keys.privatePem.replace(/PRIVATE/g, 'PUBLIC'),
		]) {
			const answer = await api(emu, 'POST', '/whatsapp_business_encryption', {
				body: { business_public_key },
			});
			expect(answer.status).toBe(400);
			expect(answer.json.error.code).toBe(100);
		}
	});
});

describe('the flow client', () => {
	const walk = (endpointUrl: string, extra: Record<string, unknown> = {}) =>
		control(emu, 'POST', '/flows/walk', { endpointUrl, flowJson, flowToken: 't', ...extra });

	it('needs the number to hold a public key', async () => {
		const server = await endpoint((res) => res.end('x'));
		try {
			const { json } = await walk(server.url);
			expect(json.outcome).toBe('unhealthy');
			expect(json.steps[0].problem).toMatch(/no public key/);
			expect(server.count()).toBe(0);
		} finally {
			await server.close();
		}
	});

	it('fails a walk whose answer is not encrypted for the request', async () => {
		await api(emu, 'POST', '/whatsapp_business_encryption', {
			body: { business_public_key: keys.publicPem },
		});
		const server = await endpoint((res) =>
			res.end(Buffer.from('{"data":{"status":"active"}}').toString('base64')),
		);
		try {
			const { json } = await walk(server.url);
			expect(json.outcome).toBe('unhealthy');
			expect(json.steps[0].problem).toMatch(/not encrypted for this request/);
		} finally {
			await server.close();
		}
	});

	it('sends a request once more after a 421, as the phone does after fetching the key again', async () => {
		await api(emu, 'POST', '/whatsapp_business_encryption', {
			body: { business_public_key: keys.publicPem },
		});
		const server = await endpoint((res) => {
			res.statusCode = 421;
			res.end();
		});
		try {
			const { json } = await walk(server.url);
			expect(json.steps[0]).toMatchObject({ status: 421, problem: expect.stringMatching(/421/) });
			expect(server.count()).toBe(2);
		} finally {
			await server.close();
		}
	});

	it('gives up on an answer later than the limit, as the phone shows its error', async () => {
		await api(emu, 'POST', '/whatsapp_business_encryption', {
			body: { business_public_key: keys.publicPem },
		});
		const server = await endpoint((res) => setTimeout(() => res.end('late'), 1500));
		try {
			const { json } = await walk(server.url, { timeoutMs: 300 });
			expect(json.steps[0].problem).toMatch(/no answer within/);
		} finally {
			await server.close();
		}
	});
});
