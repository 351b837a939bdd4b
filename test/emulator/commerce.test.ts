import type { Emulator } from '../../emulator/index';
import { startEmulator } from '../../emulator/index';
import { api, control, CUSTOMER, KEY, sendMessage, TEST_NUMBER } from './testkit';

let emu: Emulator;

beforeEach(async () => {
	emu = await startEmulator({
		numbers: [TEST_NUMBER, { apiKey: 'not-onboarded', marketingMessagesLite: false }],
	});
	emu.setContactWindow({ waId: CUSTOMER, lastInboundHoursAgo: 1 });
});

afterEach(async () => await emu.close());

const interactive = (value: Record<string, unknown>) =>
	sendMessage(emu, { to: CUSTOMER, type: 'interactive', interactive: value });

const refusedWith = async (value: Record<string, unknown>, details: string) => {
	const answer = await interactive(value);
	expect(answer.status).toBe(400);
	expect(answer.json.error.code).toBe(100);
	expect(answer.json.error.error_data.details).toBe(details);
};

const products = (count: number) =>
	Array.from({ length: count }, (_, at) => ({ product_retailer_id: `sku-${at}` }));

describe('product messages', () => {
	test('a single product with its catalog is accepted', async () => {
		const answer = await interactive({
			type: 'product',
			action: { catalog_id: '1', product_retailer_id: 'sku' },
		});
		expect(answer.status).toBe(200);
	});

	test('a single product takes no header', async () => {
		await refusedWith(
			{
				type: 'product',
				header: { type: 'text', text: 'x' },
				action: { catalog_id: '1', product_retailer_id: 'sku' },
			},
			"Parameter 'interactive.header' is not allowed for interactive type 'product'",
		);
	});

	test('a product list needs its header', async () => {
		await refusedWith(
			{
				type: 'product_list',
				body: { text: 'b' },
				action: { catalog_id: '1', sections: [{ product_items: products(1) }] },
			},
			"Parameter 'interactive.header' is required",
		);
	});

	test('30 products are accepted, 31 refused, 11 sections refused', async () => {
		const list = (sections: unknown[]) => ({
			type: 'product_list',
			header: { type: 'text', text: 'h' },
			body: { text: 'b' },
			action: { catalog_id: '1', sections },
		});
		const section = (title: string, count: number) => ({ title, product_items: products(count) });
		expect((await interactive(list([section('a', 15), section('b', 15)]))).status).toBe(200);
		await refusedWith(
			list([section('a', 15), section('b', 16)]),
			"Parameter 'interactive.action.sections' has too many products in total (max 30, got 31)",
		);
		await refusedWith(
			list(Array.from({ length: 11 }, (_, at) => section(`s${at}`, 1))),
			"Parameter 'interactive.action.sections' has too many elements (max 10)",
		);
		await refusedWith(
			list([section('a', 1), { product_items: products(1) }]),
			"Parameter 'interactive.action.sections[1].title' is required",
		);
	});

	test('a catalog message needs its thumbnail product', async () => {
		await refusedWith(
			{
				type: 'catalog_message',
				body: { text: 'b' },
				action: { name: 'catalog_message', parameters: {} },
			},
			"Parameter 'interactive.action.parameters.thumbnail_product_retailer_id' is required",
		);
	});
});

describe('media carousel', () => {
	const urlCard = (index: number, header = 'image') => ({
		card_index: index,
		type: 'cta_url',
		header: { type: header, [header]: { link: `https://x.example/${index}` } },
		action: { name: 'cta_url', parameters: { display_text: 'Go', url: 'https://x.example' } },
	});
	const replyCard = (index: number, count = 2) => ({
		card_index: index,
		header: { type: 'image', image: { link: `https://x.example/${index}` } },
		action: {
			buttons: Array.from({ length: count }, (_, b) => ({
				type: 'quick_reply',
				quick_reply: { id: `c${index}b${b}`, title: `B${b}` },
			})),
		},
	});
	const carousel = (cards: unknown[]) => ({
		type: 'carousel',
		body: { text: 'Offers' },
		action: { cards },
	});

	test('2 URL cards, and 2 quick-reply cards, are accepted', async () => {
		expect((await interactive(carousel([urlCard(0), urlCard(1)]))).status).toBe(200);
		expect((await interactive(carousel([replyCard(0), replyCard(1)]))).status).toBe(200);
	});

	test('1 card and 11 cards are refused', async () => {
		const details = "Parameter 'interactive.action.cards' must have 2 to 10 cards";
		await refusedWith(carousel([urlCard(0)]), details);
		await refusedWith(carousel(Array.from({ length: 11 }, (_, at) => urlCard(at % 10))), details);
	});

	test('cards must be alike: header kind, button kind and count', async () => {
		await refusedWith(
			carousel([urlCard(0), urlCard(1, 'video')]),
			"Parameter 'interactive.action.cards[1].header.type' must match the other cards (image)",
		);
		await refusedWith(
			carousel([replyCard(0, 2), replyCard(1, 1)]),
			"Parameter 'interactive.action.cards[1].action' must have the same kind and number of buttons as the other cards",
		);
	});

	test('card text over 160 characters, and a footer, are refused', async () => {
		await refusedWith(
			carousel([{ ...urlCard(0), body: { text: 'x'.repeat(161) } }, urlCard(1)]),
			"Parameter 'interactive.action.cards[0].body.text' is too long (max 160 characters, got 161)",
		);
		await refusedWith(
			{ ...carousel([urlCard(0), urlCard(1)]), footer: { text: 'f' } },
			"Parameter 'interactive.footer' is not allowed for interactive type 'carousel'",
		);
	});

	test('at most 2 quick replies per card', async () => {
		await refusedWith(
			carousel([replyCard(0, 3), replyCard(1, 3)]),
			"Parameter 'interactive.action.cards[0].action.buttons' has too many elements (max 2)",
		);
	});
});

describe('contacts', () => {
	const contacts = (value: unknown[]) =>
		sendMessage(emu, { to: CUSTOMER, type: 'contacts', contacts: value });

	test('a full card with addresses and every name part is accepted', async () => {
		const answer = await contacts([
			{
				name: {
					formatted_name: 'Dr. A B C Esq.',
					prefix: 'Dr.',
					first_name: 'A',
					middle_name: 'B',
					last_name: 'C',
					suffix: 'Esq.',
				},
				addresses: [{ street: 'S', city: 'C', country_code: 'DE', type: 'WORK' }],
				phones: [{ phone: '+1', type: 'IPHONE', wa_id: '1' }],
				birthday: '1990-04-23',
			},
		]);
		expect(answer.status).toBe(200);
	});

	test('an unknown address type and a bad birthday are refused', async () => {
		const bad = await contacts([
			{ name: { formatted_name: 'A' }, addresses: [{ type: 'OFFICE' }] },
		]);
		expect(bad.json.error.error_data.details).toBe(
			'Parameter \'contacts[0].addresses[0].type\' must be one of: HOME, WORK (got "OFFICE")',
		);
		const date = await contacts([{ name: { formatted_name: 'A' }, birthday: '1990-02-30' }]);
		expect(date.json.error.error_data.details).toBe(
			"Parameter 'contacts[0].birthday' must be a date written YYYY-MM-DD",
		);
	});
});

describe('POST /marketing_messages', () => {
	beforeEach(async () => {
		const created = await api(emu, 'POST', '/v1/configs/templates', {
			body: {
				name: 'flash_sale',
				category: 'MARKETING',
				language: 'en',
				components: [{ type: 'BODY', text: 'Flash sale today only' }],
			},
		});
		expect(created.status).toBe(200);
	});

	const marketing = (body: Record<string, unknown>, key = KEY) =>
		api(emu, 'POST', '/marketing_messages', {
			key,
			body: {
				messaging_product: 'whatsapp',
				recipient_type: 'individual',
				to: CUSTOMER,
				type: 'template',
				template: { name: 'flash_sale', language: { code: 'en', policy: 'deterministic' } },
				...body,
			},
		});

	test('a marketing template goes out, recorded as sent through MM Lite', async () => {
		const answer = await marketing({
			message_send_ttl_seconds: 86400,
			message_activity_sharing: true,
		});
		expect(answer.status).toBe(200);
		const record = emu.sent.find((sent) => sent.id === answer.json.messages[0].id);
		expect(record?.endpoint).toBe('marketing_messages');
		expect(record?.category).toBe('marketing');
	});

	test('a number whose business has not accepted the terms gets 131055, wrapped in detail', async () => {
		const answer = await marketing({}, 'not-onboarded');
		expect(answer.status).toBe(400);
		expect(answer.json.detail.error).toMatchObject({
			code: 131055,
			message: '(#200) You must accept the Marketing Messages Lite API terms to use the API.',
		});
	});

	test('a text message, a utility template and a TTL out of range are refused', async () => {
		const text = await marketing({ type: 'text', text: { body: 'hi' }, template: undefined });
		expect(text.json.detail.error.error_data.details).toBe('Message must be a template message.');
		const utility = emu.templates().find((t) => t.category === 'UTILITY');
		const refused = await marketing({
			template: { name: utility.name, language: { code: utility.language } },
		});
		expect(refused.json.detail.error.error_data.details).toMatch(
			/^Only marketing templates can be sent with the Marketing Messages Lite API/,
		);
		const ttl = await marketing({ message_send_ttl_seconds: 600 });
		expect(ttl.json.detail.error.error_data.details).toBe(
			"Parameter 'message_send_ttl_seconds' must be an integer from 43200 to 2592000 for marketing templates",
		);
	});
});

describe('POST /_emulator/tap', () => {
	test('opens the URL button of the latest message to that person, as a phone browser', async () => {
		const seen: Array<{ method?: string; url?: string; agent?: string; body: string }> = [];
		const http = await import('node:http');
		const site = http.createServer((req, res) => {
			let body = '';
			req.on('data', (chunk) => (body += chunk));
			req.on('end', () => {
				seen.push({ method: req.method, url: req.url, agent: req.headers['user-agent'], body });
				res.setHeader('content-type', 'text/html');
				res.end('<p>Thanks</p>');
			});
		});
		await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
		const port = (site.address() as { port: number }).port;
		try {
			await interactive({
				type: 'cta_url',
				body: { text: 'Approve?' },
				action: {
					name: 'cta_url',
					parameters: { display_text: 'Approve', url: `http://127.0.0.1:${port}/ok?x=1` },
				},
			});
			const tap = await control(emu, 'POST', '/tap', { to: `+${CUSTOMER}` });
			expect(tap.status).toBe(200);
			expect(tap.json).toMatchObject({ method: 'GET', status: 200, body: '<p>Thanks</p>' });
			const form = await emu.tap({ to: CUSTOMER, form: { response: 'Tuesday works' } });
			expect(form.method).toBe('POST');
			expect(seen.map((call) => [call.method, call.url, call.body])).toEqual([
				['GET', '/ok?x=1', ''],
				['POST', '/ok?x=1', 'response=Tuesday+works'],
			]);
			expect(seen[0].agent).toMatch(/^Mozilla\/5\.0 .*Mobile/);
		} finally {
			site.close();
		}
	});

	test('a message without a URL button cannot be tapped', async () => {
		const sent = await sendMessage(emu, { to: CUSTOMER, type: 'text', text: { body: 'hi' } });
		const tap = await control(emu, 'POST', '/tap', { messageId: sent.json.messages[0].id });
		expect(tap.status).toBe(409);
		expect(tap.json.error).toMatch(/has no URL button to tap/);
	});
});
