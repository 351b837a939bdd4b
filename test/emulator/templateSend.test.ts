import { startEmulator, type Emulator } from '../../emulator/index';
import { CUSTOMER, sendMessage, TEST_NUMBER } from './testkit';

let emu: Emulator;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, numbers: [TEST_NUMBER], statusSequence: [] });
});

afterAll(async () => await emu.close());

const send = (name: string, components: unknown[]) =>
	sendMessage(emu, {
		to: CUSTOMER,
		type: 'template',
		template: { name, language: { code: 'en_US' }, components },
	});

const text = (value: string) => ({ type: 'text', text: value });
const body = (...values: string[]) => ({ type: 'body', parameters: values.map(text) });
const button = (subType: string, index: number, parameter: Record<string, unknown>) => ({
	type: 'button',
	sub_type: subType,
	index: String(index),
	parameters: [parameter],
});
const urlButton = (index: number, suffix: string) => button('url', index, text(suffix));
const image = { type: 'image', image: { link: 'https://example.com/a.jpg' } };
const imageHeader = { type: 'header', parameters: [image] };
const card = (index: number, components: unknown[]) => ({ card_index: index, components });
const cardParts = () => [imageHeader, body('$9'), urlButton(1, 'sku-9')];

async function expectError(
	answer: Promise<{ status: number; json: any }>,
	code: number,
	details: string,
) {
	const { status, json } = await answer;
	expect(status).toBe(400);
	expect(json.error.code).toBe(code);
	expect(json.error.error_data.details).toContain(details);
}

describe('every seeded template shape is accepted with the parameters its definition asks for', () => {
	test.each([
		[
			'text header, positional body, URL button',
			'delivery_update',
			[{ type: 'header', parameters: [text('#1')] }, body('Jane', 'Friday'), urlButton(0, 'ABC')],
		],
		[
			'document header, named body',
			'invoice_ready',
			[
				{
					type: 'header',
					parameters: [{ type: 'document', document: { id: '123', filename: 'a.pdf' } }],
				},
				{
					type: 'body',
					parameters: [
						{ ...text('Jane'), parameter_name: 'customer_name' },
						{ ...text('INV-1'), parameter_name: 'invoice_number' },
					],
				},
			],
		],
		[
			'video header',
			'welcome_video',
			[{ type: 'header', parameters: [{ type: 'video', video: { id: '77' } }] }, body('Jane')],
		],
		[
			'location header',
			'store_location',
			[
				{
					type: 'header',
					parameters: [{ type: 'location', location: { latitude: 52.5, longitude: 13.4 } }],
				},
				body('#1'),
			],
		],
		[
			'copy-code and URL buttons',
			'coupon_offer',
			[
				body('Jane', '15%'),
				button('copy_code', 0, { type: 'coupon_code', coupon_code: 'SAVE15' }),
				urlButton(1, 'spring'),
			],
		],
		['a flow button without parameters', 'table_booking', [body('Luigi')]],
		[
			'a flow button with token and data',
			'table_booking',
			[
				body('Luigi'),
				button('flow', 0, {
					type: 'action',
					action: { flow_token: 't-1', flow_action_data: { guests: 2 } },
				}),
			],
		],
		[
			'a carousel of two cards',
			'product_carousel',
			[body('Jane'), { type: 'carousel', cards: [card(0, cardParts()), card(1, cardParts())] }],
		],
		[
			'authentication with copy code',
			'verification_code',
			[body('123456'), urlButton(0, '123456')],
		],
		[
			'authentication with one-tap',
			'verification_code_one_tap',
			[body('123456'), urlButton(0, '123456')],
		],
		[
			'a limited-time offer',
			'flash_sale',
			[
				imageHeader,
				{
					type: 'limited_time_offer',
					parameters: [
						{
							type: 'limited_time_offer',
							limited_time_offer: { expiration_time_ms: 1_800_000_000_000 },
						},
					],
				},
				body('Jane', 'FLASH25'),
				button('copy_code', 0, { type: 'coupon_code', coupon_code: 'FLASH25' }),
				urlButton(1, 'FLASH25'),
			],
		],
	])('%s (%s)', async (_label, name, components) => {
		const answer = await send(name, components);
		expect(answer.json.error).toBeUndefined();
		expect(answer.status).toBe(200);
	});
});

describe('a template send that does not match the definition is refused as the Cloud API does', () => {
	test('a URL button with a placeholder needs its parameter (131008)', async () => {
		await expectError(
			send('delivery_update', [{ type: 'header', parameters: [text('#1')] }, body('J', 'F')]),
			131008,
			'Button at index 0 of type URL requires a parameter',
		);
	});

	test('a parameter for a button that has no placeholder is a count mismatch (132000)', async () => {
		await expectError(
			send('product_launch', [imageHeader, body('x'), urlButton(0, 'more')]),
			132000,
			'buttons[0]',
		);
	});

	test('a button the template does not have, or of another type, is refused (131009)', async () => {
		const header = { type: 'header', parameters: [text('#1')] };
		await expectError(
			send('delivery_update', [header, body('J', 'F'), urlButton(0, 'a'), urlButton(5, 'b')]),
			131009,
			'no button at index 5',
		);
		await expectError(
			send('delivery_update', [
				header,
				body('J', 'F'),
				button('quick_reply', 0, { type: 'payload', payload: 'x' }),
			]),
			131009,
			'its sub_type must be url',
		);
	});

	test('a copy-code button needs its code, of at most 15 characters', async () => {
		await expectError(
			send('coupon_offer', [body('J', '1'), urlButton(1, 'x')]),
			131008,
			'type COPY_CODE requires a parameter',
		);
		await expectError(
			send('coupon_offer', [
				body('J', '1'),
				button('copy_code', 0, { type: 'coupon_code', coupon_code: 'X'.repeat(16) }),
				urlButton(1, 'x'),
			]),
			131009,
			'coupon_code is over 15 characters',
		);
	});

	test('a carousel needs one entry per card, each with its own parameters', async () => {
		await expectError(
			send('product_carousel', [body('Jane'), { type: 'carousel', cards: [card(0, cardParts())] }]),
			132000,
			'number of cards (1) does not match the expected number of cards (2)',
		);
		await expectError(
			send('product_carousel', [
				body('Jane'),
				{
					type: 'carousel',
					cards: [card(0, cardParts()), card(1, [imageHeader, urlButton(1, 'x')])],
				},
			]),
			132000,
			'carousel.cards[1].body',
		);
		await expectError(
			send('product_carousel', [
				body('Jane'),
				{ type: 'carousel', cards: [card(0, cardParts()), card(0, cardParts())] },
			]),
			131009,
			'card_index 0',
		);
	});

	test('an authentication template needs the code in its button too', async () => {
		await expectError(send('verification_code', [body('123456')]), 131008, 'requires a parameter');
	});

	test('a limited-time offer with an expiration needs expiration_time_ms', async () => {
		await expectError(
			send('flash_sale', [
				imageHeader,
				body('Jane', 'F'),
				button('copy_code', 0, { type: 'coupon_code', coupon_code: 'F' }),
				urlButton(1, 'F'),
			]),
			131008,
			'expiration_time_ms',
		);
	});

	test('a location header needs latitude and longitude', async () => {
		await expectError(
			send('store_location', [
				{ type: 'header', parameters: [{ type: 'location', location: { latitude: 1 } }] },
				body('#1'),
			]),
			131008,
			'latitude and longitude',
		);
	});

	test('a named parameter the template does not have is refused (132000)', async () => {
		await expectError(
			send('invoice_ready', [
				{ type: 'header', parameters: [{ type: 'document', document: { id: '1' } }] },
				{
					type: 'body',
					parameters: [
						{ ...text('Jane'), parameter_name: 'customer_name' },
						{ ...text('INV-1'), parameter_name: 'invoice_no' },
					],
				},
			]),
			132000,
			'invoice_number',
		);
	});
});
