import type {
	IDataObject,
	INodeParameters,
	INodeProperties,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { loadPackage, runActionNode } from '../../helpers/engine';
import {
	expectCall,
	startRecordingServer,
	type RecordingServer,
} from '../../helpers/recordingServer';

const envelope = {
	messaging_product: 'whatsapp',
	recipient_type: 'individual',
	to: '4915112345678',
	type: 'template',
};

const base = { resource: 'message', operation: 'sendTemplate', phoneNumber: '+49 151 12345678' };

describe('Send Template through the n8n engine', () => {
	let server: RecordingServer;
	beforeEach(async () => {
		server = await startRecordingServer();
	});
	afterEach(async () => await server.close());

	const run = async (parameters: IDataObject, continueOnFail = false, items = [{ json: {} }]) =>
		await runActionNode({ ...base, ...parameters }, items, {
			baseUrl: server.url,
			apiKey: 'secret-key-1',
			continueOnFail,
		});

	test('a template picked from the list, with image header, named body parameters and three kinds of buttons', async () => {
		const { items, error } = await run({
			template: { __rl: true, mode: 'list', value: 'order_update|de' },
			headerType: 'image',
			headerMediaSource: 'link',
			headerMediaLink: 'https://example.com/order.jpg',
			bodyParameters: {
				parameters: [
					{ type: 'text', text: 'Jane', parameterName: 'first_name' },
					{
						type: 'currency',
						amount: '100.99',
						currencyCode: 'usd',
						currencyFallback: '$100.99',
						parameterName: 'total',
					},
					{ type: 'date_time', dateTime: 'February 25, 1977', parameterName: 'delivery_date' },
				],
			},
			buttonParameters: {
				buttons: [
					{ subType: 'url', index: 0, urlSuffix: 'orders/42' },
					{ subType: 'quick_reply', index: 1, payload: 'CANCEL-42' },
					{ subType: 'copy_code', index: 2, couponCode: 'SAVE10' },
				],
			},
		});
		expect(error('360dialog')).toBeUndefined();
		expect(server.requests).toHaveLength(1);
		const [request] = server.requests;
		expectCall(request, 'POST', '/messages', 'secret-key-1');
		expect(request.json).toEqual({
			...envelope,
			template: {
				name: 'order_update',
				language: { code: 'de' },
				components: [
					{
						type: 'header',
						parameters: [{ type: 'image', image: { link: 'https://example.com/order.jpg' } }],
					},
					{
						type: 'body',
						parameters: [
							{ type: 'text', text: 'Jane', parameter_name: 'first_name' },
							{
								type: 'currency',
								currency: { fallback_value: '$100.99', code: 'USD', amount_1000: 100990 },
								parameter_name: 'total',
							},
							{
								type: 'date_time',
								date_time: { fallback_value: 'February 25, 1977' },
								parameter_name: 'delivery_date',
							},
						],
					},
					{
						type: 'button',
						sub_type: 'url',
						index: '0',
						parameters: [{ type: 'text', text: 'orders/42' }],
					},
					{
						type: 'button',
						sub_type: 'quick_reply',
						index: '1',
						parameters: [{ type: 'payload', payload: 'CANCEL-42' }],
					},
					{
						type: 'button',
						sub_type: 'copy_code',
						index: '2',
						parameters: [{ type: 'coupon_code', coupon_code: 'SAVE10' }],
					},
				],
			},
		});
		expect(items).toEqual([
			{
				json: {
					messageId: 'wamid.TEST0',
					waId: '4915112345678',
					input: '4915112345678',
					messageStatus: 'accepted',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('a template given by name uses the Language Code field and sends no components when none are given', async () => {
		const { error } = await run({
			template: { __rl: true, mode: 'name', value: 'hello_world' },
			languageCode: 'pt-br',
		});
		expect(error('360dialog')).toBeUndefined();
		expect(server.requests[0].json).toEqual({
			...envelope,
			template: { name: 'hello_world', language: { code: 'pt_BR' } },
		});
	});

	test('a template given by name without a language code is sent in en_US', async () => {
		await run({ template: { __rl: true, mode: 'name', value: 'hello_world' } });
		expect((server.requests[0].json as IDataObject).template).toEqual({
			name: 'hello_world',
			language: { code: 'en_US' },
		});
	});

	test('components pasted as JSON are sent as they are', async () => {
		const components = [
			{
				type: 'header',
				parameters: [{ type: 'document', document: { id: '55', filename: 'invoice.pdf' } }],
			},
			{ type: 'body', parameters: [{ type: 'text', text: 'Jane' }] },
		];
		const { error } = await run({
			template: { __rl: true, mode: 'name', value: 'invoice_ready' },
			languageCode: 'en',
			componentsMode: 'json',
			componentsJson: JSON.stringify(components),
		});
		expect(error('360dialog')).toBeUndefined();
		expect(server.requests[0].json).toEqual({
			...envelope,
			template: { name: 'invoice_ready', language: { code: 'en' }, components },
		});
	});

	test('components from an expression are taken per item', async () => {
		const { error } = await run(
			{
				template: { __rl: true, mode: 'name', value: 'greeting' },
				componentsMode: 'json',
				componentsJson:
					'={{ [{ type: "body", parameters: [{ type: "text", text: $json.name }] }] }}',
			},
			false,
			[{ json: { name: 'Ana' } }],
		);
		expect(error('360dialog')).toBeUndefined();
		expect((server.requests[0].json as { template: IDataObject }).template.components).toEqual([
			{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }] },
		]);
	});

	test('components that are not JSON send nothing and name the field', async () => {
		const { error } = await run({
			template: { __rl: true, mode: 'name', value: 'greeting' },
			componentsMode: 'json',
			componentsJson: '[{type: body}]',
		});
		expect(server.requests).toHaveLength(0);
		expect(error('360dialog')?.message).toMatch(/^Components \(JSON\) is not valid JSON/);
		expect(error('360dialog')?.description).toContain('(parameter: componentsJson)');
	});

	test('mixing named and numbered body parameters sends nothing and says so', async () => {
		const { error } = await run({
			template: { __rl: true, mode: 'list', value: 'order_update|en_US' },
			bodyParameters: {
				parameters: [
					{ type: 'text', text: 'Jane', parameterName: 'first_name' },
					{ type: 'text', text: '42' },
				],
			},
		});
		expect(server.requests).toHaveLength(0);
		expect(error('360dialog')?.message).toBe(
			'1 of 2 body parameters have a parameter name and the others do not',
		);
	});

	test.each([
		[
			'hidden for a template picked from the list',
			{ __rl: true, mode: 'list', value: 'order_update|de' },
			false,
		],
		[
			'shown for a template given by name',
			{ __rl: true, mode: 'name', value: 'order_update' },
			true,
		],
		['shown while nothing is picked yet', { __rl: true, mode: 'list', value: '' }, true],
		[
			'shown for a template given by an expression',
			{ __rl: true, mode: 'name', value: '={{ $json.template }}' },
			true,
		],
	])('the Language Code field is %s', async (_, template, shown) => {
		const description = (await loadPackage()).getNode('dialog360').type
			.description as INodeTypeDescription;
		const languageCode = description.properties.find(
			(property) => property.name === 'languageCode',
		);
		const parameters = { ...base, template } as unknown as INodeParameters;
		expect(
			NodeHelpers.displayParameter(parameters, languageCode as INodeProperties, null, description),
		).toBe(shown);
	});
});
