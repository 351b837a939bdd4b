/**
 * The Flow resource's key operations and Send Interactive's signed flow token, run through n8n-core against
 * the emulator over loopback HTTP.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../emulator';
import { verifyFlowToken } from '../../../nodes/shared/whatsapp/flows/flowToken';
import { actionNode, CREDENTIAL_TYPE, runWorkflow } from '../../helpers/engine';
import { FLOW_CREDENTIAL, makeFlowKeys } from '../../helpers/flowsEngine';

const KEY = 'flow-key';
const keys = makeFlowKeys();
const tokenSecret = 'secret for the flow tokens';
let emu: Emulator;

beforeEach(async () => {
	emu = await startEmulator({ numbers: [{ apiKey: KEY }] });
});
afterEach(async () => await emu.close());

async function run(parameters: IDataObject, typeVersion = 1.2, flowCredential: IDataObject = {}) {
	const node: INode = actionNode(parameters, {
		typeVersion,
		credentials: {
			[CREDENTIAL_TYPE]: { id: 'cred-1', name: '360dialog' },
			[FLOW_CREDENTIAL]: { id: 'cred-2', name: 'flow endpoint' },
		},
	});
	const result = await runWorkflow({
		nodes: [node],
		start: { node: node.name, items: [{ json: {} }] },
		credentials: {
			[CREDENTIAL_TYPE]: { apiKey: KEY, baseUrl: emu.url },
			[FLOW_CREDENTIAL]: {
				privateKey: keys.privatePem,
				passphrase: '',
				tokenSecret,
				...flowCredential,
			},
		},
	});
	return { ...result, items: result.output(node.name) };
}

describe('Upload Public Key and Get Public Key', () => {
	test('the number holds nothing until the key is uploaded, then the credential’s key, signed', async () => {
		const before = await run({ resource: 'flow', operation: 'getPublicKey' });
		expect(before.items[0].json).toMatchObject({ publicKey: null, matchesCredential: false });

		const uploaded = await run({ resource: 'flow', operation: 'uploadPublicKey' });
		expect(uploaded.items[0].json).toMatchObject({
			publicKey: keys.publicPem.trim(),
			signatureStatus: 'VALID',
			matchesCredential: true,
		});
		const posted = emu.requests.find(
			(r) => r.method === 'POST' && r.path === '/whatsapp_business_encryption',
		);
		expect(JSON.stringify(posted)).not.toContain(keys.privatePem.split('\n')[1]);

		const other = makeFlowKeys();
		const elsewhere = await run({ resource: 'flow', operation: 'getPublicKey' }, 1.2, {
			privateKey: other.privatePem,
		});
		expect(elsewhere.items[0].json).toMatchObject({
			signatureStatus: 'VALID',
			matchesCredential: false,
		});
	});

	test('a credential whose key is not PEM fails the item with what to do', async () => {
		const { error } = await run({ resource: 'flow', operation: 'uploadPublicKey' }, 1.2, {
			privateKey: 'not a key',
		});
		expect(error(actionNode({}).name)?.message).toMatch(/not a readable PEM key/);
		expect(emu.requests.some((r) => r.path === '/whatsapp_business_encryption')).toBe(false);
	});
});

describe('Send Interactive → Flow', () => {
	const flow = {
		resource: 'message',
		operation: 'sendInteractive',
		phoneNumber: '+49 151 12345678',
		interactiveType: 'flow',
		bodyText: 'Book an appointment',
		flowId: '1234567890',
		flowCta: 'Book',
		flowAction: 'data_exchange',
		flowToken: 'booking-42',
	};
	const sentToken = () =>
		(emu.sent.at(-1)?.request.interactive as { action: { parameters: { flow_token: string } } })
			.action.parameters.flow_token;

	test('signs its flow token by default from node version 1.2: recipient, expiry and the reference inside', async () => {
		const { items } = await run(flow);
		expect(items[0].json.messageId).toBeDefined();
		const check = verifyFlowToken(sentToken(), tokenSecret, Math.floor(Date.now() / 1000));
		expect(check).toMatchObject({
			valid: true,
			recipient: '4915112345678',
			reference: 'booking-42',
		});
		expect(check.valid && check.expiresAt - Date.now() / 1000).toBeGreaterThan(23 * 3600);
	});

	test('keeps the token as typed in node version 1.1', async () => {
		await run(flow, 1.1);
		expect(sentToken()).toBe('booking-42');
	});

	test('refuses to sign without a Flow Token Secret', async () => {
		const { error } = await run(flow, 1.2, { tokenSecret: '' });
		expect(error(actionNode({}).name)?.message).toMatch(/no Flow Token Secret/);
		expect(emu.sent).toHaveLength(0);
	});
});

describe('Flows management', () => {
	const flowJson = JSON.stringify({
		version: '6.0',
		screens: [{ id: 'WELCOME', layout: { type: 'SingleColumnLayout', children: [] } }],
	});
	const manage = async (operation: string, parameters: IDataObject = {}) =>
		await run({ resource: 'flow', operation, ...parameters });

	test('a flow goes from draft to published to deprecated, and only a draft is deleted', async () => {
		const created = await manage('createFlow', {
			flowName: 'Booking',
			flowCategories: ['APPOINTMENT_BOOKING'],
		});
		const id = String(created.items[0].json.id);
		expect(id).toMatch(/^\d+$/);

		const early = await manage('publishFlow', { flowId: id });
		expect(early.error(actionNode({}).name)?.message).toBeDefined();

		const updated = await manage('updateFlowJson', { flowId: id, flowJson });
		expect(updated.items[0].json).toEqual({ id, success: true, validationErrors: [] });
		// The emulator takes the JSON only as a multipart file, as the Flows API does.

		expect((await manage('getFlow', { flowId: id })).items[0].json).toMatchObject({
			id,
			name: 'Booking',
			status: 'DRAFT',
			categories: ['APPOINTMENT_BOOKING'],
			validationErrors: [],
		});
		expect((await manage('publishFlow', { flowId: id })).items[0].json).toMatchObject({
			success: true,
		});
		expect((await manage('listFlows')).items.map((item) => item.json.status)).toEqual([
			'PUBLISHED',
		]);
		expect((await manage('getPreviewUrl', { flowId: id })).items[0].json.previewUrl).toMatch(
			/^https:\/\//,
		);

		const deleted = await manage('deleteFlow', { flowId: id });
		expect(deleted.error(actionNode({}).name)?.message).toBeDefined();
		expect((await manage('deprecateFlow', { flowId: id })).items[0].json).toMatchObject({
			success: true,
		});
		expect((await manage('getFlow', { flowId: id })).items[0].json.status).toBe('DEPRECATED');
	});

	test('a flow JSON without screens is refused before anything is sent, naming the field', async () => {
		const { error } = await manage('updateFlowJson', {
			flowId: '1',
			flowJson: '{"version": "6.0"}',
		});
		expect(error(actionNode({}).name)?.message).toMatch(/no "screens" list/);
		expect(emu.requests.some((r) => r.path.startsWith('/flows'))).toBe(false);
	});

	test('validation errors of a created flow come back on the item', async () => {
		const created = await manage('createFlow', {
			flowName: 'Broken',
			flowCategories: ['OTHER'],
			flowJson: '{"version": "6.0", "screens": [{"title": "no id"}]}',
		});
		expect(created.items[0].json.validationErrors).toEqual([
			expect.objectContaining({ message: 'Every screen needs an id' }),
		]);
	});
});
