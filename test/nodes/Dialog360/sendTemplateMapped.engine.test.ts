/**
 * Send Template with mapped variables (version 1.1), against the emulator's seeded templates: the fields the
 * editor shows for each template shape (n8n-core's LoadOptionsContext calling the node's resourceMapping
 * method), and the exact template body the emulator receives when the node runs through the n8n engine.
 */
import type { IDataObject, ResourceMapperField } from 'n8n-workflow';

import { editorContext, runActionNode } from '../../helpers/engine';
import { startEmulator, type Emulator } from '../../../emulator';
import { CUSTOMER, KEY, TEST_NUMBER } from '../../emulator/testkit';

let emu: Emulator;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, numbers: [TEST_NUMBER], statusSequence: [] });
});
afterAll(async () => await emu.close());
beforeEach(() => emu.reset());

const picked = (value: string) => ({ __rl: true, mode: 'list', value });

async function mapperOf(
	method: 'getTemplateVariables' | 'getTemplateVariablesGuide',
	template: IDataObject,
	extra: IDataObject = {},
) {
	const { context, nodeType } = await editorContext(
		{ resource: 'message', operation: 'sendTemplate', template, ...extra },
		{ baseUrl: emu.url, apiKey: KEY, path: 'templateVariables', typeVersion: 1.1 },
	);
	const found = nodeType.methods?.resourceMapping?.[method];
	if (!found) throw new Error(`${method} is not registered on the node`);
	return await found.call(context);
}

const fieldsOf = (template: IDataObject, extra: IDataObject = {}) =>
	mapperOf('getTemplateVariables', template, extra);

/** The guide's lines as text: "Label: what it fills — e.g. example". */
async function guideOf(template: IDataObject, extra: IDataObject = {}) {
	const { emptyFieldsNotice = '' } = await mapperOf('getTemplateVariablesGuide', template, extra);
	return emptyFieldsNotice.split('<br>').map((line) => line.replace(/<\/?b>/g, ''));
}

/**
 * Each field as a user reads it: its short label, and the guide's line for it, which must start with that
 * label, in the same order.
 */
async function described(template: IDataObject, extra: IDataObject = {}) {
	const [{ fields }, guide] = await Promise.all([
		fieldsOf(template, extra),
		guideOf(template, extra),
	]);
	expect(guide).toHaveLength(fields.length);
	return fields.map(({ id, displayName, required, type }, at) => {
		expect(guide[at].startsWith(`${displayName}: `)).toBe(true);
		return { id, displayName: guide[at], required, type };
	});
}

const field = (
	id: string,
	displayName: string,
	required = true,
	type: ResourceMapperField['type'] = 'string',
): Partial<ResourceMapperField> => ({ id, displayName, required, type });

async function send(
	template: string,
	value: IDataObject,
	{ items = [{ json: {} }], continueOnFail = false } = {},
) {
	return await runActionNode(
		{
			resource: 'message',
			operation: 'sendTemplate',
			phoneNumber: CUSTOMER,
			template: picked(template),
			templateVariables: { mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] },
		},
		items,
		{ baseUrl: emu.url, apiKey: KEY, typeVersion: 1.1, continueOnFail },
	);
}

const sentTemplates = () => emu.sent.map((record) => record.request.template);
const messageCalls = () => emu.requests.filter((request) => request.path === '/messages');

describe('the fields of each template shape', () => {
	test('positional body and quick-reply buttons: required body variables, optional payloads', async () => {
		expect(await described(picked('order_update|en_US'))).toEqual([
			field('body_1', 'Body {{1}}: "Hi {{1}}, your order {{2}} is on…" — e.g. Jane'),
			field('body_2', 'Body {{2}}: "Hi {{1}}, your order {{2}} is on its way." — e.g. #1234'),
			field(
				'button_1_payload',
				'Button 1 payload: the "Track order" button: what your workflow receives when it is tapped',
				false,
			),
			field(
				'button_2_payload',
				'Button 2 payload: the "Contact support" button: what your workflow receives when it is tapped',
				false,
			),
		]);
	});

	test('named body variables', async () => {
		expect(await described(picked('appointment_reminder|en_US'))).toEqual([
			field(
				'body_first_name',
				'Body {{first_name}}: "Hello {{first_name}}, this is a reminder of…" — e.g. Jane',
			),
			field(
				'body_appointment_date',
				'Body {{appointment_date}}: "…of your appointment on {{appointment_date}}." — e.g. May 4, 10:00',
			),
		]);
	});

	test('a text header variable and a URL button with its example suffix', async () => {
		const { fields } = await fieldsOf(picked('delivery_update|en_US'));
		expect(fields.map((entry) => entry.displayName)).toEqual([
			'Header {{1}}',
			'Body {{1}}',
			'Body {{2}}',
			'Button 1 {{1}}',
			'Button 2 payload',
		]);
		expect(await described(picked('delivery_update|en_US'))).toEqual([
			field('header_text', 'Header {{1}}: "Order {{1}} shipped" — e.g. #1234'),
			field('body_1', 'Body {{1}}: "Hi {{1}}, your parcel left our…" — e.g. Jane'),
			field('body_2', 'Body {{2}}: "…warehouse and arrives on {{2}}." — e.g. Friday, May 4'),
			field(
				'button_1_url',
				'Button 1 {{1}}: the "Track parcel" button: end of https://example.com/track/{{1}} — e.g. ABC123',
			),
			field(
				'button_2_payload',
				'Button 2 payload: the "Change delivery" button: what your workflow receives when it is tapped',
				false,
			),
		]);
		expect(fields.every((entry) => entry.display && !entry.defaultMatch)).toBe(true);
	});

	test.each([
		['product_launch', 'image'],
		['welcome_video', 'video'],
		['invoice_ready', 'document'],
	])('a media header (%s): one field for a link or a media ID', async (name, format) => {
		const [first] = await described(picked(`${name}|en_US`));
		expect(first).toMatchObject(
			field(
				`header_${format}`,
				`Header ${format}: a public link (https://…) or the media ID of an uploaded file`,
			),
		);
	});

	test('a document header also offers the file name', async () => {
		const ids = (await fieldsOf(picked('invoice_ready|en_US'))).fields.map((entry) => entry.id);
		expect(ids).toEqual([
			'header_document',
			'header_document_filename',
			'body_customer_name',
			'body_invoice_number',
		]);
	});

	test('a location header: latitude and longitude as numbers, name and address optional', async () => {
		expect((await described(picked('store_location|en_US'))).slice(0, 4)).toEqual([
			field('header_latitude', 'Header latitude: e.g. 52.520008', true, 'number'),
			field('header_longitude', 'Header longitude: e.g. 13.404954', true, 'number'),
			field('header_location_name', 'Header place name: e.g. Brandenburg Gate', false),
			field('header_location_address', 'Header address: e.g. Pariser Platz, Berlin', false),
		]);
	});

	test('copy-code and flow buttons', async () => {
		expect((await described(picked('coupon_offer|en_US'))).slice(2)).toEqual([
			field(
				'button_1_coupon_code',
				'Button 1 code: the "Copy code" button: the code it copies, up to 15 characters — e.g. SAVE15',
			),
			field(
				'button_2_url',
				'Button 2 {{1}}: the "Shop now" button: end of https://example.com/shop?promo={{1}} — e.g. spring',
			),
		]);
		expect((await described(picked('table_booking|en_US'))).slice(1)).toEqual([
			field(
				'button_1_flow_token',
				'Button 1 flow token: the "Book a table" button: identifies the session in your flow endpoint\'s requests',
				false,
			),
			field(
				'button_1_flow_action_data',
				'Button 1 flow data: the "Book a table" button: the first screen\'s data, as a JSON object',
				false,
				'object',
			),
		]);
	});

	test('a carousel: the message body, then each card with its own header, body and buttons', async () => {
		const ids = (await fieldsOf(picked('product_carousel|en_US'))).fields.map((entry) => entry.id);
		expect(ids).toEqual([
			'body_1',
			'card_1_header_image',
			'card_1_body_1',
			'card_1_button_1_payload',
			'card_1_button_2_url',
			'card_2_header_image',
			'card_2_body_1',
			'card_2_button_1_payload',
			'card_2_button_2_url',
		]);
	});

	test.each(['verification_code', 'verification_code_one_tap'])(
		'authentication (%s): one verification code for body and button',
		async (name) => {
			expect(await described(picked(`${name}|en_US`))).toEqual([
				field(
					'code',
					expect.stringMatching(
						/^Verification code: fills "\*\{\{1\}\}\* is your verification.*" and the "Copy code" button — e\.g\. 123456$/,
					) as unknown as string,
				),
			]);
		},
	);

	test('carousel cards name their card before the part', async () => {
		const labels = (await fieldsOf(picked('product_carousel|en_US'))).fields.map(
			(entry) => entry.displayName,
		);
		expect(labels.slice(0, 5)).toEqual([
			'Body {{1}}',
			'Card 1 · Header image',
			'Card 1 · Body {{1}}',
			'Card 1 · Button 1 payload',
			'Card 1 · Button 2 {{1}}',
		]);
	});

	test.each([
		'order_update',
		'appointment_reminder',
		'delivery_update',
		'invoice_ready',
		'store_location',
		'coupon_offer',
		'table_booking',
		'product_carousel',
		'verification_code',
		'flash_sale',
	])(
		'%s: every label is the variable and its part, short enough for the default panel',
		async (name) => {
			const { fields } = await fieldsOf(picked(`${name}|en_US`));
			expect(fields.length).toBeGreaterThan(0);
			for (const { displayName } of fields) expect(displayName.length).toBeLessThanOrEqual(26);
		},
	);

	test('a limited-time offer asks for its expiration between body and buttons', async () => {
		const ids = (await fieldsOf(picked('flash_sale|en_US'))).fields.map((entry) => entry.id);
		expect(ids).toEqual([
			'header_image',
			'body_1',
			'body_2',
			'offer_expiration',
			'button_1_coupon_code',
			'button_2_url',
		]);
	});

	test('a template given by name and language code; none chosen; not found; no variables', async () => {
		const byName = await fieldsOf(
			{ __rl: true, mode: 'name', value: 'order_update' },
			{ languageCode: 'de' },
		);
		expect(byName.fields.map((entry) => entry.displayName)).toEqual(['Body {{1}}', 'Body {{2}}']);
		expect(
			await guideOf({ __rl: true, mode: 'name', value: 'order_update' }, { languageCode: 'de' }),
		).toEqual([
			'Body {{1}}: "Hallo {{1}}, deine Bestellung {{2}}…" — e.g. Jane',
			'Body {{2}}: "…{{1}}, deine Bestellung {{2}} ist unterwegs." — e.g. #1234',
		]);
		const guideMapper = (template: IDataObject) => mapperOf('getTemplateVariablesGuide', template);
		// Said once, by the guide; the variables themselves are then no fields.
		expect(await fieldsOf(picked(''))).toEqual({ fields: [] });
		expect(await guideMapper(picked(''))).toEqual({
			fields: [],
			emptyFieldsNotice: expect.stringContaining('Choose a template'),
		});
		expect(await fieldsOf(picked('seasonal_promo|en_US'))).toEqual({ fields: [] });
		expect((await guideMapper(picked('seasonal_promo|en_US'))).emptyFieldsNotice).toBe(
			'The number has no approved template "seasonal_promo" in en_US. Check the name and language, or pick the template from the list.',
		);
		expect(await fieldsOf(picked('hello_world|en_US'))).toEqual({ fields: [] });
		expect(await guideMapper(picked('hello_world|en_US'))).toEqual({
			fields: [],
			emptyFieldsNotice: 'hello_world has no variables: it is sent exactly as approved.',
		});
	});
});

describe('sending mapped variables: the exact body the emulator receives', () => {
	const text = (value: string) => ({ type: 'text', text: value });
	const urlButton = (index: string, suffix: string) => ({
		type: 'button',
		sub_type: 'url',
		index,
		parameters: [text(suffix)],
	});
	const image = (link: string) => ({ type: 'image', image: { link } });

	test.each<[string, string, IDataObject, unknown[]]>([
		[
			'positional body, a quick-reply payload, an empty optional payload left out',
			'order_update',
			{ body_1: 'Jane', body_2: '#77', button_1_payload: 'TRACK-77', button_2_payload: '' },
			[
				{ type: 'body', parameters: [text('Jane'), text('#77')] },
				{
					type: 'button',
					sub_type: 'quick_reply',
					index: '0',
					parameters: [{ type: 'payload', payload: 'TRACK-77' }],
				},
			],
		],
		[
			'named body variables carry their parameter_name',
			'appointment_reminder',
			{ body_first_name: 'Jane', body_appointment_date: 'May 4' },
			[
				{
					type: 'body',
					parameters: [
						{ ...text('Jane'), parameter_name: 'first_name' },
						{ ...text('May 4'), parameter_name: 'appointment_date' },
					],
				},
			],
		],
		[
			'text header, URL suffix',
			'delivery_update',
			{ header_text: '#9', body_1: 'Jane', body_2: 'Friday', button_1_url: 'ABC9' },
			[
				{ type: 'header', parameters: [text('#9')] },
				{ type: 'body', parameters: [text('Jane'), text('Friday')] },
				urlButton('0', 'ABC9'),
			],
		],
		[
			'an image header by link',
			'product_launch',
			{ header_image: 'https://example.com/new.jpg', body_1: 'the spring line' },
			[
				{ type: 'header', parameters: [image('https://example.com/new.jpg')] },
				{ type: 'body', parameters: [text('the spring line')] },
			],
		],
		[
			'a document header by media ID, with its file name',
			'invoice_ready',
			{
				header_document: '1037543291543636',
				header_document_filename: 'INV-7.pdf',
				body_customer_name: 'Jane',
				body_invoice_number: 'INV-7',
			},
			[
				{
					type: 'header',
					parameters: [
						{ type: 'document', document: { id: '1037543291543636', filename: 'INV-7.pdf' } },
					],
				},
				{
					type: 'body',
					parameters: [
						{ ...text('Jane'), parameter_name: 'customer_name' },
						{ ...text('INV-7'), parameter_name: 'invoice_number' },
					],
				},
			],
		],
		[
			'a video header by media ID',
			'welcome_video',
			{ header_video: '77', body_1: 'Jane' },
			[
				{ type: 'header', parameters: [{ type: 'video', video: { id: '77' } }] },
				{ type: 'body', parameters: [text('Jane')] },
			],
		],
		[
			'a location header',
			'store_location',
			{
				header_latitude: 52.520008,
				header_longitude: 13.404954,
				header_location_name: 'Store Mitte',
				body_1: '#5',
			},
			[
				{
					type: 'header',
					parameters: [
						{
							type: 'location',
							location: { latitude: 52.520008, longitude: 13.404954, name: 'Store Mitte' },
						},
					],
				},
				{ type: 'body', parameters: [text('#5')] },
			],
		],
		[
			'copy-code and URL buttons',
			'coupon_offer',
			{ body_1: 'Jane', body_2: '20%', button_1_coupon_code: 'SAVE20', button_2_url: 'may' },
			[
				{ type: 'body', parameters: [text('Jane'), text('20%')] },
				{
					type: 'button',
					sub_type: 'copy_code',
					index: '0',
					parameters: [{ type: 'coupon_code', coupon_code: 'SAVE20' }],
				},
				urlButton('1', 'may'),
			],
		],
		[
			'a flow button with token and data',
			'table_booking',
			{
				body_1: 'Luigi',
				button_1_flow_token: 'booking-1',
				button_1_flow_action_data: '{"guests":2}',
			},
			[
				{ type: 'body', parameters: [text('Luigi')] },
				{
					type: 'button',
					sub_type: 'flow',
					index: '0',
					parameters: [
						{
							type: 'action',
							action: { flow_token: 'booking-1', flow_action_data: { guests: 2 } },
						},
					],
				},
			],
		],
		[
			'a carousel',
			'product_carousel',
			{
				body_1: 'Jane',
				card_1_header_image: 'https://example.com/1.jpg',
				card_1_body_1: '$19',
				card_1_button_2_url: 'sku-1',
				card_2_header_image: 'https://example.com/2.jpg',
				card_2_body_1: '$29',
				card_2_button_1_payload: 'MORE-2',
				card_2_button_2_url: 'sku-2',
			},
			[
				{ type: 'body', parameters: [text('Jane')] },
				{
					type: 'carousel',
					cards: [
						{
							card_index: 0,
							components: [
								{ type: 'header', parameters: [image('https://example.com/1.jpg')] },
								{ type: 'body', parameters: [text('$19')] },
								urlButton('1', 'sku-1'),
							],
						},
						{
							card_index: 1,
							components: [
								{ type: 'header', parameters: [image('https://example.com/2.jpg')] },
								{ type: 'body', parameters: [text('$29')] },
								{
									type: 'button',
									sub_type: 'quick_reply',
									index: '0',
									parameters: [{ type: 'payload', payload: 'MORE-2' }],
								},
								urlButton('1', 'sku-2'),
							],
						},
					],
				},
			],
		],
		[
			'authentication with copy code',
			'verification_code',
			{ code: '482913' },
			[{ type: 'body', parameters: [text('482913')] }, urlButton('0', '482913')],
		],
		[
			'authentication with one-tap',
			'verification_code_one_tap',
			{ code: '771204' },
			[{ type: 'body', parameters: [text('771204')] }, urlButton('0', '771204')],
		],
		[
			'a limited-time offer',
			'flash_sale',
			{
				header_image: 'https://example.com/sale.jpg',
				body_1: 'Jane',
				body_2: 'FLASH25',
				offer_expiration: '2026-12-31T23:59:00Z',
				button_1_coupon_code: 'FLASH25',
				button_2_url: 'FLASH25',
			},
			[
				{ type: 'header', parameters: [image('https://example.com/sale.jpg')] },
				{ type: 'body', parameters: [text('Jane'), text('FLASH25')] },
				{
					type: 'limited_time_offer',
					parameters: [
						{
							type: 'limited_time_offer',
							limited_time_offer: { expiration_time_ms: Date.UTC(2026, 11, 31, 23, 59) },
						},
					],
				},
				{
					type: 'button',
					sub_type: 'copy_code',
					index: '0',
					parameters: [{ type: 'coupon_code', coupon_code: 'FLASH25' }],
				},
				urlButton('1', 'FLASH25'),
			],
		],
	])('%s (%s)', async (_label, name, value, components) => {
		const { items, error } = await send(name, value);
		expect(error('360dialog')).toBeUndefined();
		expect(sentTemplates()).toEqual([{ name, language: { code: 'en_US' }, components }]);
		expect(items).toEqual([
			expect.objectContaining({
				json: expect.objectContaining({ messageId: emu.sent[0].id, messageStatus: 'accepted' }),
			}),
		]);
	});

	test('a template without variables is sent without components', async () => {
		const { error } = await send('hello_world', {});
		expect(error('360dialog')).toBeUndefined();
		expect(sentTemplates()).toEqual([{ name: 'hello_world', language: { code: 'en_US' } }]);
	});

	test('expressions give each item its own values; one template lookup serves every item', async () => {
		const { items, error } = await send(
			'order_update',
			{ body_1: '={{ $json.name }}', body_2: '={{ "#" + $json.order }}' },
			{
				items: [{ json: { name: 'Jane', order: 1 } }, { json: { name: 'Ali', order: 2 } }],
			},
		);
		expect(error('360dialog')).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(
			sentTemplates().map((template) =>
				template.components[0].parameters.map((p: IDataObject) => p.text),
			),
		).toEqual([
			['Jane', '#1'],
			['Ali', '#2'],
		]);
		const lookups = emu.requests.filter((request) => request.path === '/v1/configs/templates');
		expect(lookups).toHaveLength(1);
		expect(JSON.parse(lookups[0].query.filters)).toEqual({
			'business_templates.name': 'order_update',
		});
	});
});

describe('values checked against the template before anything is sent', () => {
	test('a missing required variable fails the item and names it', async () => {
		const { error } = await send('order_update', { body_1: 'Jane' });
		expect(error('360dialog')?.message).toBe('The template variable "Body {{2}}" is empty');
		expect(error('360dialog')?.description).toBe(
			'Fill in "Body {{2}}" under Template Variables, or map a value to it: order_update (en_US) needs every one of its variables. (parameter: templateVariables)',
		);
		expect(messageCalls()).toHaveLength(0);
	});

	test('an expression that gives nothing counts as missing, for that item only', async () => {
		const { items } = await send(
			'welcome_video',
			{ header_video: '77', body_1: '={{ $json.name }}' },
			{ items: [{ json: { name: 'Jane' } }, { json: {} }], continueOnFail: true },
		);
		expect(items.map((item) => item.json.error ?? item.json.messageStatus)).toEqual([
			'accepted',
			'The template variable "Body {{1}}" is empty',
		]);
		expect(emu.sent).toHaveLength(1);
	});

	test('a value for a variable the template does not have fails the item and names it', async () => {
		const { error } = await send('order_update', { body_1: 'Jane', body_2: '#1', body_3: 'extra' });
		expect(error('360dialog')?.message).toBe('order_update (en_US) has no variable "body_3"');
		expect(messageCalls()).toHaveLength(0);
	});

	test('a card variable missing in a carousel names the card', async () => {
		const { error } = await send('product_carousel', {
			body_1: 'Jane',
			card_1_header_image: 'https://example.com/1.jpg',
			card_1_body_1: '$1',
			card_1_button_2_url: 'a',
			card_2_body_1: '$2',
			card_2_button_2_url: 'b',
		});
		expect(error('360dialog')?.message).toBe(
			'The template variable "Card 2 · Header image" is empty',
		);
	});

	test.each<[string, string, IDataObject, string]>([
		[
			'a media header that is neither a link nor an ID',
			'product_launch',
			{ header_image: 'photo.jpg', body_1: 'x' },
			'The template variable "Header image" is neither a link nor a media ID: "photo.jpg"',
		],
		[
			'a coupon code over 15 characters',
			'coupon_offer',
			{ body_1: 'J', body_2: '1', button_1_coupon_code: 'X'.repeat(16), button_2_url: 'a' },
			'Button 1 "Copy code" code is 16 characters long; WhatsApp allows at most 15',
		],
		[
			'an offer expiration that is not a date',
			'flash_sale',
			{
				header_image: 'https://example.com/s.jpg',
				body_1: 'J',
				body_2: 'F',
				offer_expiration: 'next week',
				button_1_coupon_code: 'F',
				button_2_url: 'F',
			},
			'The template variable "Offer expiration" is not a date and time: "next week"',
		],
		[
			'a line break in a body variable (WhatsApp answers 132018)',
			'welcome_video',
			{ header_video: '77', body_1: 'Jane\nDoe' },
			'The template variable "Body {{1}}" contains a line break, a tab or more than 4 spaces in a row',
		],
	])('%s', async (_label, name, value, message) => {
		const { error } = await send(name, value);
		expect(error('360dialog')?.message).toBe(message);
		expect(messageCalls()).toHaveLength(0);
	});

	test('a template the number does not have approved fails before any send', async () => {
		const { error } = await send('seasonal_promo', { body_1: 'x' });
		expect(error('360dialog')?.message).toBe(
			'The number has no approved template "seasonal_promo" in en_US',
		);
		expect(messageCalls()).toHaveLength(0);
	});
});

describe('versions', () => {
	test('version 1 keeps the fields mode: no template lookup, parameters as given', async () => {
		const { error } = await runActionNode(
			{
				resource: 'message',
				operation: 'sendTemplate',
				phoneNumber: CUSTOMER,
				template: picked('order_update|en_US'),
				bodyParameters: { parameters: [{ text: 'Jane' }, { text: '#1' }] },
			},
			[{ json: {} }],
			{ baseUrl: emu.url, apiKey: KEY, typeVersion: 1 },
		);
		expect(error('360dialog')).toBeUndefined();
		expect(emu.requests.map((request) => request.path)).toEqual(['/messages']);
		expect(sentTemplates()[0].components).toEqual([
			{
				type: 'body',
				parameters: [
					{ type: 'text', text: 'Jane' },
					{ type: 'text', text: '#1' },
				],
			},
		]);
	});

	test('version 1.1 still sends JSON components when chosen', async () => {
		const { error } = await runActionNode(
			{
				resource: 'message',
				operation: 'sendTemplate',
				phoneNumber: CUSTOMER,
				template: picked('welcome_video|en_US'),
				componentsMode: 'json',
				componentsJson:
					'[{"type":"header","parameters":[{"type":"video","video":{"id":"5"}}]},{"type":"body","parameters":[{"type":"text","text":"Jo"}]}]',
			},
			[{ json: {} }],
			{ baseUrl: emu.url, apiKey: KEY, typeVersion: 1.1 },
		);
		expect(error('360dialog')).toBeUndefined();
		expect(emu.requests.map((request) => request.path)).toEqual(['/messages']);
	});
});
