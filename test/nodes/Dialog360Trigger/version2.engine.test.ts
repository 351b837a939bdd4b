/**
 * Trigger version 2 beside version 1: the defaults and outputs each version has, and what version 2 does
 * with deliveries that no output wants.
 */
import { createHash } from 'node:crypto';

import type { INode, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { loadPackage, PackageNodeTypes, TRIGGER_NODE_TYPE } from '../../helpers/engine';
import { webhookFixture } from '../../fixtures/webhooks';
import { contact, envelope, inboundText, statusEvent } from '../../helpers/envelopes';
import { createTriggerHarness, type TriggerOptions } from '../../helpers/trigger';
import {
	startWebhookConfigServer,
	type WebhookConfigServer,
} from '../../helpers/webhookConfigServer';

const VERIFICATION_HEADER = 'X-N8n-Webhook-Secret';
const ALL_STATUSES = ['sent', 'delivered', 'read', 'played', 'failed', 'deleted'];
let sequence = 0;

const statusStorm = (tag: string) =>
	envelope({ statuses: ALL_STATUSES.map((status) => statusEvent(`wamid.${tag}`, status)) });

const changeError = {
	errors: [
		{
			code: 131000,
			title: 'Something went wrong',
			message: 'Something went wrong',
			error_data: { details: 'Message failed to send because of an unknown error.' },
		},
	],
};

async function descriptionOf(version: number): Promise<INodeTypeDescription> {
	const nodeTypes = new PackageNodeTypes(await loadPackage());
	return nodeTypes.getByNameAndVersion(TRIGGER_NODE_TYPE, version).description;
}

/** The outputs n8n computes for a trigger node with these parameters. */
async function outputsOf(version: number, parameters: Record<string, unknown>) {
	const nodeTypes = new PackageNodeTypes(await loadPackage());
	const node: INode = {
		id: 'n',
		name: 'Trigger',
		type: TRIGGER_NODE_TYPE,
		typeVersion: version,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, nodeTypes, active: false });
	return NodeHelpers.getNodeOutputs(workflow, node, await descriptionOf(version));
}

describe('360dialog Trigger version 2', () => {
	let server: WebhookConfigServer;
	const secret = () => server.config.headers![VERIFICATION_HEADER];
	const signed = () => ({ [VERIFICATION_HEADER]: secret() });

	async function activeTrigger(options: Omit<TriggerOptions, 'baseUrl'> = {}) {
		const trigger = await createTriggerHarness({
			baseUrl: server.url,
			typeVersion: 2,
			nodeId: `v2-${++sequence}`,
			...options,
		});
		await trigger.create();
		return trigger;
	}

	beforeEach(async () => {
		server = await startWebhookConfigServer();
	});
	afterEach(async () => await server.close());

	test('new nodes get version 2.2; version 1 keeps its two outputs and its status defaults', async () => {
		const nodeTypes = new PackageNodeTypes(await loadPackage());
		expect(nodeTypes.getByName(TRIGGER_NODE_TYPE).description.defaultVersion).toBe(2.2);
		const v1 = await descriptionOf(1);
		expect(v1.outputs).toEqual(['main', 'main']);
		expect(v1.outputNames).toEqual(['Message', 'Status']);
		expect(v1.properties.find((p) => p.name === 'statuses')?.default).toEqual([
			'delivered',
			'read',
			'failed',
		]);
		const v2 = await descriptionOf(2);
		expect(v2.properties.find((p) => p.name === 'statuses')?.default).toEqual([]);
	});

	test('version 2 has Message and Status outputs, and an Event output only with "Account and Template Events"', async () => {
		const names = (outputs: Awaited<ReturnType<typeof outputsOf>>) =>
			outputs.map((output) => (typeof output === 'string' ? output : output.displayName));
		expect(names(await outputsOf(2, {}))).toEqual(['Message', 'Status']);
		expect(names(await outputsOf(2, { accountEvents: true }))).toEqual([
			'Message',
			'Status',
			'Event',
		]);
	});

	test('by default every status reaches the Status output, sent and played included', async () => {
		const trigger = await activeTrigger();
		const result = await trigger.deliver({ headers: signed(), body: statusStorm('EVERY') });
		expect(result.outputs![1].map((item) => item.json.status)).toEqual(ALL_STATUSES);
	});

	test('an empty Statuses selection means every status in version 2, none in version 1', async () => {
		const v2 = await activeTrigger({ parameters: { statuses: [] } });
		const v2Result = await v2.deliver({ headers: signed(), body: statusStorm('EMPTY2') });
		expect(v2Result.outputs![1]).toHaveLength(ALL_STATUSES.length);

		const v1 = await activeTrigger({ typeVersion: 1, parameters: { statuses: [] } });
		const v1Result = await v1.deliver({ headers: signed(), body: statusStorm('EMPTY1') });
		expect(v1Result.outputs).toBeUndefined();
	});

	test('a status storm with nothing connected to the Status output starts no execution, and is answered', async () => {
		const trigger = await activeTrigger({ connectedOutputs: [0] });
		const result = await trigger.deliver({ headers: signed(), body: statusStorm('STORM') });
		expect(result.status).toBe(200);
		expect(result.response.webhookResponse).toEqual({ received: true });
		expect(result.outputs).toBeUndefined();
	});

	test('with nothing connected to the Status output, a message still starts an execution, without the statuses', async () => {
		const trigger = await activeTrigger({ connectedOutputs: [0] });
		const body = envelope({
			contacts: [contact('Jane', '4915112345678')],
			messages: [inboundText('wamid.MIXED1', '4915112345678', 'hi')],
			statuses: [statusEvent('wamid.MIXED2', 'read')],
		});
		const result = await trigger.deliver({ headers: signed(), body });
		expect(result.outputs!.map((items) => items.length)).toEqual([1, 0]);
	});

	test('a workflow with nothing connected at all starts nothing; the test URL still shows everything', async () => {
		const production = await activeTrigger({ connectedOutputs: [] });
		expect(
			(await production.deliver({ headers: signed(), body: statusStorm('NONE') })).outputs,
		).toBeUndefined();

		const test = await activeTrigger({ connectedOutputs: [], mode: 'manual' });
		const shown = await test.deliver({ headers: signed(), body: statusStorm('TESTURL') });
		expect(shown.outputs![1]).toHaveLength(ALL_STATUSES.length);
	});

	test('version 1 keeps starting executions for outputs with nothing connected', async () => {
		const trigger = await activeTrigger({ typeVersion: 1, connectedOutputs: [0] });
		const result = await trigger.deliver({ headers: signed(), body: statusStorm('V1STORM') });
		expect(result.outputs![1]).toHaveLength(ALL_STATUSES.length);
	});

	test.each([1, 2])(
		'version %i: a valid envelope posted as application/octet-stream or without a content type is parsed, not dropped',
		async (typeVersion) => {
			const trigger = await activeTrigger({ typeVersion });
			const body = envelope({
				contacts: [contact('Jane', '4915112345678')],
				messages: [inboundText(`wamid.OCTET${typeVersion}`, '4915112345678', 'bytes')],
			});
			const result = await trigger.deliver({
				headers: { ...signed(), 'content-type': 'application/octet-stream' },
				rawBody: Buffer.from(JSON.stringify(body)),
			});
			expect(result.outputs![0].map((item) => item.json.text)).toEqual(['bytes']);
		},
	);

	test('a change-level error delivered twice starts one execution', async () => {
		const trigger = await activeTrigger();
		const first = await trigger.deliver({ headers: signed(), body: envelope(changeError) });
		const second = await trigger.deliver({ headers: signed(), body: envelope(changeError) });
		expect(first.outputs![1].map((item) => item.json.status)).toEqual(['error']);
		expect(second.outputs).toBeUndefined();
	});

	test('"Account and Template Events" puts account, template and user events on the Event output, once', async () => {
		const trigger = await activeTrigger({ parameters: { accountEvents: true } });
		const body = webhookFixture('account-events');
		const first = await trigger.deliver({ headers: signed(), body });
		expect(first.outputs).toHaveLength(3);
		expect(first.outputs![2].map((item) => item.json.kind)).toEqual([
			'messageTemplateStatusUpdate',
			'messageTemplateQualityUpdate',
			'phoneNumberQualityUpdate',
			'phoneNumberNameUpdate',
			'accountUpdate',
			'userPreferences',
			'userIdUpdate',
		]);
		const again = await trigger.deliver({
			headers: signed(),
			body: webhookFixture('account-events'),
		});
		expect(again.outputs).toBeUndefined();
	});

	test('without the Event output, account events start nothing, as before', async () => {
		const trigger = await activeTrigger();
		const result = await trigger.deliver({
			headers: signed(),
			body: webhookFixture('account-events'),
		});
		expect(result.outputs).toBeUndefined();
	});

	test('a redelivery after a restart is dropped: the latest keys live in the workflow, bounded, as hashes', async () => {
		const before = await activeTrigger({ workflowId: 'restart-before' });
		const body = envelope({
			contacts: [contact('Jane', '4915112345678')],
			messages: [inboundText('wamid.RESTART', '4915112345678', 'once only')],
		});
		expect((await before.deliver({ headers: signed(), body })).outputs![0]).toHaveLength(1);
		const kept = before.staticData;
		expect(JSON.stringify(kept)).not.toContain('wamid.RESTART');

		// Another process (or the same after a restart): its own memory is empty, the workflow's static data is not.
		const after = await createTriggerHarness({
			baseUrl: server.url,
			typeVersion: 2,
			nodeId: before.node.id,
			workflowId: 'restart-after',
			staticData: kept,
		});
		expect((await after.deliver({ headers: signed(), body })).outputs).toBeUndefined();

		for (let i = 0; i < 520; i++)
			await after.deliver({
				headers: signed(),
				body: envelope({
					contacts: [contact('Jane', '4915112345678')],
					messages: [inboundText(`wamid.BOUND${i}`, '4915112345678', `message ${i}`)],
				}),
			});
		expect((after.staticData.recentDeliveryKeys as string[]).length).toBe(500);
	});

	test('version 2.1 remembers messages in the process only, unless "Remember Deliveries Across Restarts" is on', async () => {
		const message = (id: string) =>
			envelope({
				contacts: [contact('Jane', '4915112345678')],
				messages: [inboundText(id, '4915112345678', 'hello')],
			});
		const lean = await activeTrigger({ typeVersion: 2.1, workflowId: 'v21-lean' });
		const before = JSON.stringify(lean.staticData);
		expect(
			(await lean.deliver({ headers: signed(), body: message('wamid.LEAN') })).outputs![0],
		).toHaveLength(1);
		// No key written: n8n has nothing to save before it answers.
		expect(JSON.stringify(lean.staticData)).toBe(before);
		expect(lean.staticData.recentDeliveryKeys).toBeUndefined();
		// The same process still drops the redelivery.
		expect(
			(await lean.deliver({ headers: signed(), body: message('wamid.LEAN') })).outputs,
		).toBeUndefined();

		// Keys a version 2 node wrote are not consulted either: "after a restart" the message runs again.
		const restarted = await createTriggerHarness({
			baseUrl: server.url,
			typeVersion: 2.1,
			nodeId: lean.node.id,
			workflowId: 'v21-lean-restarted',
			staticData: lean.staticData,
		});
		expect(
			(await restarted.deliver({ headers: signed(), body: message('wamid.LEAN') })).outputs![0],
		).toHaveLength(1);

		// With the option on, version 2.1 keeps the keys in the workflow as version 2 does.
		const kept = await activeTrigger({
			typeVersion: 2.1,
			workflowId: 'v21-kept',
			parameters: { options: { rememberAcrossRestarts: true } },
		});
		expect(
			(await kept.deliver({ headers: signed(), body: message('wamid.KEPT') })).outputs![0],
		).toHaveLength(1);
		expect(kept.staticData.recentDeliveryKeys).toHaveLength(1);
		const after = await createTriggerHarness({
			baseUrl: server.url,
			typeVersion: 2.1,
			nodeId: kept.node.id,
			workflowId: 'v21-kept-restarted',
			parameters: { options: { rememberAcrossRestarts: true } },
			staticData: kept.staticData,
		});
		expect(
			(await after.deliver({ headers: signed(), body: message('wamid.KEPT') })).outputs,
		).toBeUndefined();

		// And version 2 with the option turned off behaves as 2.1 does by default.
		const v2Off = await activeTrigger({
			workflowId: 'v2-off',
			parameters: { options: { rememberAcrossRestarts: false } },
		});
		await v2Off.deliver({ headers: signed(), body: message('wamid.V2OFF') });
		expect(v2Off.staticData.recentDeliveryKeys).toBeUndefined();
	});

	test('each version shows "Remember Deliveries Across Restarts" with the default it applies', async () => {
		const optionIn = async (version: number) => {
			const description = await descriptionOf(version);
			const options = description.properties.find((p) => p.name === 'options')!;
			const node = { typeVersion: version } as INode;
			return (options.options as INodeTypeDescription['properties'])
				.filter((option) => option.name === 'rememberAcrossRestarts')
				.filter((option) => NodeHelpers.displayParameter({}, option, node, description));
		};
		expect((await optionIn(2)).map((option) => option.default)).toEqual([true]);
		expect((await optionIn(2.1)).map((option) => option.default)).toEqual([false]);
	});

	test('statuses are remembered in the process only: a status delivery writes nothing to the workflow', async () => {
		const trigger = await activeTrigger({ workflowId: 'status-memory' });
		const keysBefore = JSON.stringify(trigger.staticData.recentDeliveryKeys ?? []);
		const body = envelope({ statuses: [statusEvent('wamid.STATUSONLY', 'delivered')] });
		expect((await trigger.deliver({ headers: signed(), body })).outputs![1]).toHaveLength(1);
		// n8n writes changed static data to its database before it answers: a status must not change it.
		expect(JSON.stringify(trigger.staticData.recentDeliveryKeys ?? [])).toBe(keysBefore);
		// The same process still drops the status when it is delivered again.
		expect((await trigger.deliver({ headers: signed(), body })).outputs).toBeUndefined();
	});

	test('a workflow activated by an earlier release (plain secret in static data) keeps working, and then keeps only the hash', async () => {
		const plain = 'a'.repeat(64);
		const trigger = await createTriggerHarness({
			baseUrl: server.url,
			typeVersion: 1,
			nodeId: `legacy-${++sequence}`,
			staticData: { webhookSecret: plain, registeredUrl: 'https://example.com/webhook' },
		});
		const body = envelope({
			messages: [inboundText('wamid.LEGACY', '4915112345678', 'still here')],
		});
		const result = await trigger.deliver({ headers: { [VERIFICATION_HEADER]: plain }, body });
		expect(result.outputs![0]).toHaveLength(1);
		expect(trigger.staticData.webhookSecret).toBeUndefined();
		expect(trigger.staticData.webhookSecretSha256).toBe(
			createHash('sha256').update(plain).digest('hex'),
		);
		const forged = await trigger.deliver({
			headers: { [VERIFICATION_HEADER]: 'b'.repeat(64) },
			body,
		});
		expect(forged.status).toBe(401);
	});
});
