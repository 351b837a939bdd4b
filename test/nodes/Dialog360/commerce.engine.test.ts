/**
 * Send Interactive's product and carousel kinds, Send Contacts' full cards and Send Template through
 * the Marketing Messages API, run through the n8n engine against the emulator, which validates every body as
 * the Cloud API does.
 */
import type { IDataObject } from 'n8n-workflow';

import { runActionNode } from '../../helpers/engine';
import { startEmulator } from '../../../emulator';
import type { Emulator } from '../../../emulator';
import { api } from '../../emulator/testkit';

const CUSTOMER = '4915112345678';
const KEY = 'engine-key';
const NOT_ONBOARDED = 'not-onboarded-key';

const envelope = {
	messaging_product: 'whatsapp',
	recipient_type: 'individual',
	to: CUSTOMER,
};

let emu: Emulator;

beforeAll(async () => {
	emu = await startEmulator({
		numbers: [{ apiKey: KEY }, { apiKey: NOT_ONBOARDED, marketingMessagesLite: false }],
	});
});
afterAll(async () => await emu.close());
beforeEach(() => {
	emu.reset();
	emu.setContactWindow({ waId: CUSTOMER, lastInboundHoursAgo: 1 });
});

const run = async (
	parameters: IDataObject,
	{ apiKey = KEY, typeVersion = 1.1 }: { apiKey?: string; typeVersion?: number } = {},
) =>
	await runActionNode(
		{ resource: 'message', phoneNumber: '+49 151 12345678', ...parameters },
		[{ json: {} }],
		{ baseUrl: emu.url, apiKey, typeVersion },
	);

/** The one call the node made, with the emulator's answer to it. */
function onlyCall() {
	expect(emu.requests).toHaveLength(1);
	return emu.requests[0];
}

const interactive = (parameters: IDataObject) =>
	run({ operation: 'sendInteractive', ...parameters });

describe('Send Interactive: catalog products', () => {
	test('a single product, with no body: the exact body, accepted', async () => {
		const { error, items } = await interactive({
			interactiveType: 'product',
			catalogId: '194836987003835',
			productRetailerId: 'tshirt-red-m',
			footerText: '  ',
		});
		expect(error('360dialog')).toBeUndefined();
		const call = onlyCall();
		expect(call.body).toEqual({
			...envelope,
			type: 'interactive',
			interactive: {
				type: 'product',
				action: { catalog_id: '194836987003835', product_retailer_id: 'tshirt-red-m' },
			},
		});
		expect(call.status).toBe(200);
		expect(items[0].json.messageId).toBe(emu.sent[0].id);
	});

	test('a multi-product message with two sections: the exact body, accepted', async () => {
		const { error } = await interactive({
			interactiveType: 'product_list',
			catalogId: '194836987003835',
			headerText: 'Summer sale',
			bodyText: 'Pick yours',
			footerText: 'While stocks last',
			productSections: {
				section: [
					{ title: 'Shirts', productRetailerIds: 'shirt-1, shirt-2\nshirt-3' },
					{ title: 'Hats', productRetailerIds: ['hat-1'] },
				],
			},
		});
		expect(error('360dialog')).toBeUndefined();
		const call = onlyCall();
		expect(call.body.interactive).toEqual({
			type: 'product_list',
			header: { type: 'text', text: 'Summer sale' },
			body: { text: 'Pick yours' },
			footer: { text: 'While stocks last' },
			action: {
				catalog_id: '194836987003835',
				sections: [
					{
						title: 'Shirts',
						product_items: ['shirt-1', 'shirt-2', 'shirt-3'].map((id) => ({
							product_retailer_id: id,
						})),
					},
					{ title: 'Hats', product_items: [{ product_retailer_id: 'hat-1' }] },
				],
			},
		});
		expect(call.status).toBe(200);
	});

	test('31 products fail the item before anything is sent, saying what to change', async () => {
		const ids = (prefix: string, count: number) =>
			Array.from({ length: count }, (_, at) => `${prefix}${at}`).join(',');
		const { error } = await interactive({
			interactiveType: 'product_list',
			catalogId: '1',
			headerText: 'h',
			bodyText: 'b',
			productSections: {
				section: [
					{ title: 'A', productRetailerIds: ids('a', 16) },
					{ title: 'B', productRetailerIds: ids('b', 15) },
				],
			},
		});
		expect(error('360dialog')?.message).toBe(
			'The message lists 31 products; WhatsApp allows at most 30 in all sections together',
		);
		expect(error('360dialog')?.description).toBe(
			'Remove 1 products, or send them in a second message. (parameter: productSections)',
		);
		expect(emu.requests).toHaveLength(0);
	});

	test('a catalog message: the exact body, accepted', async () => {
		const { error } = await interactive({
			interactiveType: 'catalog_message',
			bodyText: 'Browse our catalog',
			thumbnailProductRetailerId: 'bestseller-1',
		});
		expect(error('360dialog')).toBeUndefined();
		const call = onlyCall();
		expect(call.body.interactive).toEqual({
			type: 'catalog_message',
			body: { text: 'Browse our catalog' },
			action: {
				name: 'catalog_message',
				parameters: { thumbnail_product_retailer_id: 'bestseller-1' },
			},
		});
		expect(call.status).toBe(200);
	});
});

describe('Send Interactive: media carousel', () => {
	const card = (n: number, extra: IDataObject = {}) => ({
		mediaLink: `https://shop.example/${n}.jpg`,
		text: `Deal ${n}`,
		...extra,
	});

	test('URL-button cards: the exact body, accepted', async () => {
		const { error } = await interactive({
			interactiveType: 'carousel',
			bodyText: 'Our offers',
			carouselMediaType: 'image',
			carouselButtonType: 'url',
			cards: {
				card: [1, 2].map((n) =>
					card(n, { buttonText: 'Shop now', buttonUrl: `https://shop.example/${n}` }),
				),
			},
		});
		expect(error('360dialog')).toBeUndefined();
		const call = onlyCall();
		expect(call.body.interactive).toEqual({
			type: 'carousel',
			body: { text: 'Our offers' },
			action: {
				cards: [1, 2].map((n) => ({
					card_index: n - 1,
					type: 'cta_url',
					header: { type: 'image', image: { link: `https://shop.example/${n}.jpg` } },
					body: { text: `Deal ${n}` },
					action: {
						name: 'cta_url',
						parameters: { display_text: 'Shop now', url: `https://shop.example/${n}` },
					},
				})),
			},
		});
		expect(call.status).toBe(200);
	});

	test('quick-reply cards with video: the exact body, accepted', async () => {
		const { error } = await interactive({
			interactiveType: 'carousel',
			bodyText: 'Pick one',
			carouselMediaType: 'video',
			carouselButtonType: 'quick_reply',
			cards: {
				card: [
					{ mediaLink: 'https://shop.example/1.mp4', reply1Title: 'Buy', reply1Id: 'buy-1' },
					{ mediaLink: 'https://shop.example/2.mp4', reply1Title: 'Buy' },
				],
			},
		});
		expect(error('360dialog')).toBeUndefined();
		const call = onlyCall();
		expect(call.body.interactive.action.cards).toEqual([
			{
				card_index: 0,
				header: { type: 'video', video: { link: 'https://shop.example/1.mp4' } },
				action: {
					buttons: [{ type: 'quick_reply', quick_reply: { id: 'buy-1', title: 'Buy' } }],
				},
			},
			{
				card_index: 1,
				header: { type: 'video', video: { link: 'https://shop.example/2.mp4' } },
				action: {
					buttons: [{ type: 'quick_reply', quick_reply: { id: 'card2:Buy', title: 'Buy' } }],
				},
			},
		]);
		expect(call.status).toBe(200);
	});

	test('one card fails the item with the count and the fix', async () => {
		const { error } = await interactive({
			interactiveType: 'carousel',
			bodyText: 'b',
			carouselButtonType: 'url',
			cards: { card: [card(1, { buttonText: 'Go', buttonUrl: 'https://x.example' })] },
		});
		expect(error('360dialog')?.message).toBe('The carousel has 1 card; WhatsApp needs 2 to 10');
		expect(error('360dialog')?.description).toBe('Add 1 more card. (parameter: cards)');
		expect(emu.requests).toHaveLength(0);
	});
});

describe('Send Contacts', () => {
	const contact = {
		formattedName: '',
		prefix: 'Dr.',
		firstName: 'Barbara',
		middleName: 'Joana',
		lastName: 'Johnson',
		suffix: 'Esq.',
		addresses: {
			address: [
				{
					street: '1 Hacker Way',
					city: 'Menlo Park',
					state: 'CA',
					zip: '94025',
					country: 'United States',
					countryCode: 'us',
					type: 'WORK',
				},
			],
		},
		phones: {
			phone: [
				{ phone: '+1 650 555 1234', type: 'IPHONE', waId: '16505551234' },
				{ phone: '+1 650 555 0000', type: 'MAIN' },
			],
		},
		company: 'Lucky Shrub',
		birthday: '1999-01-23',
	};

	test('version 1.1: name parts, address, phone types and WhatsApp ID; the exact body, accepted', async () => {
		const { error } = await run({
			operation: 'sendContacts',
			contactsInput: 'fields',
			contacts: { contact: [contact] },
		});
		expect(error('360dialog')).toBeUndefined();
		const call = onlyCall();
		expect(call.body).toEqual({
			...envelope,
			type: 'contacts',
			contacts: [
				{
					name: {
						formatted_name: 'Dr. Barbara Joana Johnson Esq.',
						prefix: 'Dr.',
						first_name: 'Barbara',
						middle_name: 'Joana',
						last_name: 'Johnson',
						suffix: 'Esq.',
					},
					phones: [
						{ phone: '+1 650 555 1234', type: 'IPHONE', wa_id: '16505551234' },
						{ phone: '+1 650 555 0000', type: 'MAIN' },
					],
					addresses: [
						{
							street: '1 Hacker Way',
							city: 'Menlo Park',
							state: 'CA',
							zip: '94025',
							country: 'United States',
							country_code: 'US',
							type: 'WORK',
						},
					],
					org: { company: 'Lucky Shrub' },
					birthday: '1999-01-23',
				},
			],
		});
		expect(call.status).toBe(200);
	});

	test('version 1.1 sends a formatted name alone; version 1 still adds it as the first name', async () => {
		const only = { contactsInput: 'fields', contacts: { contact: [{ formattedName: 'Support' }] } };
		await run({ operation: 'sendContacts', ...only });
		expect(emu.requests[0].body.contacts[0].name).toEqual({ formatted_name: 'Support' });
		expect(emu.requests[0].status).toBe(200);
		emu.reset();
		emu.setContactWindow({ waId: CUSTOMER, lastInboundHoursAgo: 1 });
		await run({ operation: 'sendContacts', ...only }, { typeVersion: 1 });
		expect(emu.requests[0].body.contacts[0].name).toEqual({
			formatted_name: 'Support',
			first_name: 'Support',
		});
	});
});

describe('Send Template through the Marketing Messages API', () => {
	const template = {
		operation: 'sendTemplate',
		template: { __rl: true, mode: 'name', value: 'flash_sale' },
		languageCode: 'en',
		componentsMode: 'fields',
		useMarketingMessagesLite: true,
	};

	const createTemplate = async (apiKey: string) => {
		const response = await api(emu, 'POST', '/v1/configs/templates', {
			key: apiKey,
			body: {
				name: 'flash_sale',
				category: 'MARKETING',
				language: 'en',
				components: [{ type: 'BODY', text: 'Flash sale today only' }],
			},
		});
		expect(response.status).toBe(200);
		emu.requests.length = 0;
	};

	test('the template goes to /marketing_messages with TTL and activity sharing: the exact body', async () => {
		await createTemplate(KEY);
		const { error, items } = await run({
			...template,
			marketingMessagesOptions: { ttlSeconds: 86400, activitySharing: true },
		});
		expect(error('360dialog')).toBeUndefined();
		const call = onlyCall();
		expect(call.path).toBe('/marketing_messages');
		expect(call.body).toEqual({
			...envelope,
			type: 'template',
			template: { name: 'flash_sale', language: { code: 'en', policy: 'deterministic' } },
			message_send_ttl_seconds: 86400,
			message_activity_sharing: true,
		});
		expect(call.status).toBe(200);
		expect(items[0].json).toMatchObject({
			messageId: emu.sent[0].id,
			sentThrough: 'marketingMessagesLite',
		});
		expect(emu.sent[0].endpoint).toBe('marketing_messages');
	});

	test('a number not onboarded fails the item with what to do', async () => {
		await createTemplate(NOT_ONBOARDED);
		const { error } = await run(template, { apiKey: NOT_ONBOARDED });
		expect(error('360dialog')?.message).toBe(
			"This number's business has not accepted the Marketing Messages API terms",
		);
		expect(error('360dialog')?.description).toContain('Accept MM API terms');
		expect(error('360dialog')?.description).toContain(
			'You must accept the Marketing Messages Lite API terms',
		);
		expect(emu.requests.map((request) => request.path)).toEqual(['/marketing_messages']);
	});

	test('a number not onboarded, with the Cloud API fallback: the same template through /messages', async () => {
		await createTemplate(NOT_ONBOARDED);
		const { error, items } = await run(
			{ ...template, marketingMessagesFallback: 'cloudApi' },
			{ apiKey: NOT_ONBOARDED },
		);
		expect(error('360dialog')).toBeUndefined();
		expect(emu.requests.map((request) => [request.path, request.status])).toEqual([
			['/marketing_messages', 400],
			['/messages', 200],
		]);
		expect(emu.requests[1].body).toEqual({
			...envelope,
			type: 'template',
			template: { name: 'flash_sale', language: { code: 'en' } },
		});
		expect(items[0].json.sentThrough).toBe('cloudApi');
	});

	test('without the option, templates keep going to /messages', async () => {
		await createTemplate(KEY);
		await run({ ...template, useMarketingMessagesLite: false });
		expect(onlyCall().path).toBe('/messages');
	});
});
