import type { IDataObject } from 'n8n-workflow';

import { runActionNode } from '../../helpers/engine';
import {
	expectCall,
	startRecordingServer,
	type RecordingServer,
} from '../../helpers/recordingServer';

const envelope = {
	messaging_product: 'whatsapp',
	recipient_type: 'individual',
	to: '4915112345678',
	type: 'interactive',
};

const base = { resource: 'message', operation: 'sendInteractive', phoneNumber: '+49 151 12345678' };

const buttons = (...titles: string[]) => ({ button: titles.map((title) => ({ title, id: '' })) });

describe('Send Interactive through the n8n engine', () => {
	let server: RecordingServer;
	beforeEach(async () => {
		server = await startRecordingServer();
	});
	afterEach(async () => await server.close());

	const run = async (
		parameters: IDataObject,
		items: IDataObject[] = [{}],
		continueOnFail = false,
	) =>
		await runActionNode(
			{ ...base, ...parameters },
			items.map((json) => ({ json })),
			{ baseUrl: server.url, apiKey: 'secret-key-1', continueOnFail },
		);

	const sent = () => server.requests.map((request) => request.json);

	test('reply buttons with an image header and a footer', async () => {
		const { error, items } = await run({
			interactiveType: 'button',
			headerType: 'image',
			headerMediaSource: 'id',
			headerMediaId: '1037543291543636',
			bodyText: 'Is the delivery date fine?',
			footerText: 'Reply with a tap',
			buttons: {
				button: [
					{ title: 'Yes', id: 'confirm' },
					{ title: 'Change date', id: '' },
				],
			},
		});
		expect(error('360dialog')).toBeUndefined();
		const [request] = server.requests;
		expectCall(request, 'POST', '/messages', 'secret-key-1');
		expect(request.json).toEqual({
			...envelope,
			interactive: {
				type: 'button',
				header: { type: 'image', image: { id: '1037543291543636' } },
				body: { text: 'Is the delivery date fine?' },
				footer: { text: 'Reply with a tap' },
				action: {
					buttons: [
						{ type: 'reply', reply: { id: 'confirm', title: 'Yes' } },
						{ type: 'reply', reply: { id: 'Change date', title: 'Change date' } },
					],
				},
			},
		});
		expect(items[0].json.messageId).toBe('wamid.TEST0');
	});

	test('a list with two sections and a text header', async () => {
		const { error } = await run({
			interactiveType: 'list',
			headerType: 'text',
			headerText: 'Shipping',
			bodyText: 'How should we ship?',
			listButtonLabel: 'Options',
			sections: {
				section: [
					{
						title: 'Home',
						rows: { row: [{ title: 'Standard', description: '3-5 days', id: 'std' }] },
					},
					{ title: 'Pickup', rows: { row: [{ title: 'Locker', description: '', id: '' }] } },
				],
			},
		});
		expect(error('360dialog')).toBeUndefined();
		expect(sent()).toEqual([
			{
				...envelope,
				interactive: {
					type: 'list',
					header: { type: 'text', text: 'Shipping' },
					body: { text: 'How should we ship?' },
					action: {
						button: 'Options',
						sections: [
							{ title: 'Home', rows: [{ id: 'std', title: 'Standard', description: '3-5 days' }] },
							{ title: 'Pickup', rows: [{ id: 'Locker', title: 'Locker' }] },
						],
					},
				},
			},
		]);
	});

	test('a call-to-action URL button', async () => {
		const { error } = await run({
			interactiveType: 'cta_url',
			bodyText: 'Your order shipped.',
			ctaDisplayText: 'Track order',
			ctaUrl: 'https://example.com/track/42',
		});
		expect(error('360dialog')).toBeUndefined();
		expect(sent()).toEqual([
			{
				...envelope,
				interactive: {
					type: 'cta_url',
					body: { text: 'Your order shipped.' },
					action: {
						name: 'cta_url',
						parameters: { display_text: 'Track order', url: 'https://example.com/track/42' },
					},
				},
			},
		]);
	});

	test('a flow that opens its first screen with data, with the default token and mode', async () => {
		const { error } = await run({
			interactiveType: 'flow',
			bodyText: 'Book a table',
			flowId: '1234567890',
			flowCta: 'Book now',
			flowScreen: 'WELCOME',
			flowData: '{"guests": 2}',
		});
		expect(error('360dialog')).toBeUndefined();
		expect(sent()).toEqual([
			{
				...envelope,
				interactive: {
					type: 'flow',
					body: { text: 'Book a table' },
					action: {
						name: 'flow',
						parameters: {
							flow_message_version: '3',
							flow_token: 'unused',
							flow_id: '1234567890',
							flow_cta: 'Book now',
							mode: 'published',
							flow_action: 'navigate',
							flow_action_payload: { screen: 'WELCOME', data: { guests: 2 } },
						},
					},
				},
			},
		]);
	});

	test('a draft flow by name with data exchange', async () => {
		const { error } = await run({
			interactiveType: 'flow',
			bodyText: 'Sign up',
			flowIdentifyBy: 'name',
			flowName: 'signup_flow',
			flowCta: 'Start',
			flowAction: 'data_exchange',
			flowMode: 'draft',
			flowToken: 'session-9',
		});
		expect(error('360dialog')).toBeUndefined();
		expect((sent()[0] as { interactive: IDataObject }).interactive.action).toEqual({
			name: 'flow',
			parameters: {
				flow_message_version: '3',
				flow_token: 'session-9',
				flow_name: 'signup_flow',
				flow_cta: 'Start',
				mode: 'draft',
				flow_action: 'data_exchange',
			},
		});
	});

	test('a location request', async () => {
		const { error } = await run({
			interactiveType: 'location_request_message',
			bodyText: 'Where should we deliver?',
		});
		expect(error('360dialog')).toBeUndefined();
		expect(sent()).toEqual([
			{
				...envelope,
				interactive: {
					type: 'location_request_message',
					body: { text: 'Where should we deliver?' },
					action: { name: 'send_location' },
				},
			},
		]);
	});

	test('a fourth reply button is refused by n8n before the node runs, and nothing is sent', async () => {
		await expect(
			run({
				interactiveType: 'button',
				bodyText: 'Pick one',
				buttons: buttons('A', 'B', 'C', 'D'),
			}),
		).rejects.toThrow('At most 3 fields are allowed');
		expect(server.requests).toHaveLength(0);
	});

	test('a button title that comes out too long sends nothing and the error names the button', async () => {
		const { error, items } = await run(
			{
				interactiveType: 'button',
				bodyText: 'Pick one',
				buttons: { button: [{ title: 'Yes' }, { title: '={{ $json.answer }}' }] },
			},
			[{ answer: 'Yes, but only next week' }],
		);
		expect(server.requests).toHaveLength(0);
		expect(items).toEqual([]);
		expect(error('360dialog')?.message).toBe(
			'Button 2 title is 23 characters long; WhatsApp allows at most 20',
		);
		expect(error('360dialog')?.description).toBe(
			'Shorten "Button 2 title" to 20 characters or fewer. (parameter: buttons)',
		);
	});

	test('with Continue On Fail, two good items and one bad give three items and two requests', async () => {
		const { error, items } = await run(
			{
				interactiveType: 'button',
				phoneNumber: '={{ $json.to }}',
				bodyText: 'Pick one',
				buttons: { button: [{ title: 'Yes' }, { title: '={{ $json.answer }}' }] },
			},
			[
				{ to: '+49 151 1111111', answer: 'No' },
				{ to: '+49 151 2222222', answer: 'Yes, but only next week' },
				{ to: '+49 151 3333333', answer: 'Later' },
			],
			true,
		);
		expect(error('360dialog')).toBeUndefined();
		expect(server.requests).toHaveLength(2);
		expect(server.requests.map((request) => (request.json as IDataObject).to).sort()).toEqual([
			'491511111111',
			'491513333333',
		]);
		expect(items).toHaveLength(3);
		expect(items[0]).toEqual({
			json: expect.objectContaining({ messageId: expect.stringMatching(/^wamid\.TEST/) }),
			pairedItem: { item: 0 },
		});
		expect(items[1]).toEqual({
			json: expect.objectContaining({
				error: 'Button 2 title is 23 characters long; WhatsApp allows at most 20',
			}),
			pairedItem: { item: 1 },
		});
		expect(items[2]).toEqual({
			json: expect.objectContaining({ messageId: expect.stringMatching(/^wamid\.TEST/) }),
			pairedItem: { item: 2 },
		});
	});
});
