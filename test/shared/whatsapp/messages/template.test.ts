import {
	buildMediaHeader,
	buildTemplateComponents,
	buildTemplateMessage,
	normalizeLanguageCode,
	parseTemplateComponents,
	splitTemplateValue,
	templateValue,
	toAmount1000,
} from '../../../../nodes/shared/whatsapp/messages/template';
import { PayloadError } from '../../../../nodes/shared/whatsapp/validation';

function refusal(build: () => unknown): PayloadError {
	try {
		build();
	} catch (error) {
		if (error instanceof PayloadError) return error;
		throw error;
	}
	throw new Error('expected a PayloadError, nothing was thrown');
}

describe('template message', () => {
	test('a template without parameters has a name and a language and no components', () => {
		expect(
			buildTemplateMessage({ name: 'hello_world', languageCode: 'en_US', components: [] }),
		).toEqual({
			name: 'hello_world',
			language: { code: 'en_US' },
		});
	});

	test('components are carried as given', () => {
		const components = [{ type: 'body', parameters: [{ type: 'text', text: 'Jane' }] }];
		expect(buildTemplateMessage({ name: 'order_update', languageCode: 'de', components })).toEqual({
			name: 'order_update',
			language: { code: 'de' },
			components,
		});
	});

	test('a template name with capitals or spaces is refused with a fix', () => {
		const error = refusal(() => buildTemplateMessage({ name: 'Order Update', languageCode: 'en' }));
		expect(error.field).toBe('template');
		expect(error.message).toContain('"Order Update" is not a template name');
		expect(error.fix).toContain('lowercase letters, digits and underscores');
	});

	test('a template name longer than 512 characters is refused', () => {
		const error = refusal(() =>
			buildTemplateMessage({ name: 'a'.repeat(513), languageCode: 'en' }),
		);
		expect(error.field).toBe('template');
		expect(error.message).toContain('at most 512');
	});

	test('an empty template name is refused', () => {
		expect(refusal(() => buildTemplateMessage({ name: ' ', languageCode: 'en' })).field).toBe(
			'template',
		);
	});
});

describe('language code', () => {
	test.each([
		['en', 'en'],
		['en_US', 'en_US'],
		['pt_BR', 'pt_BR'],
		['en-us', 'en_US'],
		['fil', 'fil'],
		[' es_419 ', 'es_419'],
	])('"%s" is sent as "%s"', (input, expected) => {
		expect(normalizeLanguageCode(input)).toBe(expected);
	});

	test.each(['english', 'en_US_x', 'e', ''])('"%s" is refused', (input) => {
		expect(refusal(() => normalizeLanguageCode(input)).field).toBe('languageCode');
	});
});

describe('template value from the list', () => {
	test('carries name and language, and reads back', () => {
		expect(templateValue('order_update', 'en_US')).toBe('order_update|en_US');
		expect(splitTemplateValue('order_update|en_US')).toEqual({
			name: 'order_update',
			language: 'en_US',
		});
	});

	test('a name typed by hand has no language', () => {
		expect(splitTemplateValue('order_update')).toEqual({ name: 'order_update' });
	});
});

describe('template header', () => {
	test('a text header fills the header placeholder', () => {
		expect(buildTemplateComponents({ header: { type: 'text', text: 'Order 42' } })).toEqual([
			{ type: 'header', parameters: [{ type: 'text', text: 'Order 42' }] },
		]);
	});

	test('a text header of a named template carries its parameter name', () => {
		expect(
			buildTemplateComponents({
				header: { type: 'text', text: 'Order 42', parameterName: 'order_id' },
			}),
		).toEqual([
			{
				type: 'header',
				parameters: [{ type: 'text', text: 'Order 42', parameter_name: 'order_id' }],
			},
		]);
	});

	test('an image header by link', () => {
		expect(
			buildTemplateComponents({ header: { type: 'image', link: 'https://example.com/a.jpg' } }),
		).toEqual([
			{
				type: 'header',
				parameters: [{ type: 'image', image: { link: 'https://example.com/a.jpg' } }],
			},
		]);
	});

	test('a video header by media id', () => {
		expect(buildTemplateComponents({ header: { type: 'video', id: '1037543291543636' } })).toEqual([
			{ type: 'header', parameters: [{ type: 'video', video: { id: '1037543291543636' } }] },
		]);
	});

	test('a document header carries its file name', () => {
		expect(
			buildTemplateComponents({
				header: { type: 'document', link: 'https://example.com/i.pdf', filename: 'invoice.pdf' },
			}),
		).toEqual([
			{
				type: 'header',
				parameters: [
					{
						type: 'document',
						document: { link: 'https://example.com/i.pdf', filename: 'invoice.pdf' },
					},
				],
			},
		]);
	});

	test('a file name is left out of image headers', () => {
		expect(buildMediaHeader('image', { id: '1', filename: 'x.jpg' })).toEqual({
			type: 'image',
			image: { id: '1' },
		});
	});

	test('a media header without link or media id is refused', () => {
		const error = refusal(() => buildTemplateComponents({ header: { type: 'image' } }));
		expect(error.field).toBe('headerMediaLink');
		expect(error.message).toBe('The header image has no link or media ID');
	});

	test('a media ID that is not digits is refused', () => {
		const error = refusal(() => buildTemplateComponents({ header: { type: 'image', id: 'abc' } }));
		expect(error.field).toBe('headerMediaId');
		expect(error.message).toContain('is not a media ID');
	});

	test('a media header with both link and media id is refused', () => {
		expect(
			refusal(() => buildMediaHeader('video', { link: 'https://x.io/v.mp4', id: '1' })).message,
		).toContain('both a link and a media ID');
	});

	test('a header link that is not a web address is refused', () => {
		const error = refusal(() =>
			buildTemplateComponents({ header: { type: 'image', link: 'example.com/a.jpg' } }),
		);
		expect(error.field).toBe('headerMediaLink');
		expect(error.message).toContain('is not a web address');
	});

	test('an empty header text is refused', () => {
		expect(
			refusal(() => buildTemplateComponents({ header: { type: 'text', text: '' } })).field,
		).toBe('headerText');
	});
});

describe('template body parameters', () => {
	test('text parameters fill the numbered placeholders in order', () => {
		expect(
			buildTemplateComponents({
				bodyParameters: [
					{ type: 'text', text: 'Jane' },
					{ type: 'text', text: '42' },
				],
			}),
		).toEqual([
			{
				type: 'body',
				parameters: [
					{ type: 'text', text: 'Jane' },
					{ type: 'text', text: '42' },
				],
			},
		]);
	});

	test('a currency parameter turns the typed amount into thousandths without float error', () => {
		expect(
			buildTemplateComponents({
				bodyParameters: [
					{ type: 'currency', amount: '100.99', code: 'usd', fallbackValue: '$100.99' },
				],
			}),
		).toEqual([
			{
				type: 'body',
				parameters: [
					{
						type: 'currency',
						currency: { fallback_value: '$100.99', code: 'USD', amount_1000: 100990 },
					},
				],
			},
		]);
	});

	test('a currency parameter without fallback text falls back to "<amount> <code>"', () => {
		const [body] = buildTemplateComponents({
			bodyParameters: [{ type: 'currency', amount: 19.9, code: 'EUR' }],
		});
		expect(body.parameters).toEqual([
			{
				type: 'currency',
				currency: { fallback_value: '19.9 EUR', code: 'EUR', amount_1000: 19900 },
			},
		]);
	});

	test.each([
		['100.99', 100990],
		['0.29', 290],
		['1.005', 1005],
		['1234567', 1234567000],
		[4.35, 4350],
		['12.5', 12500],
	])('the amount %p is %p thousandths', (amount, expected) => {
		expect(toAmount1000(amount, 'bodyParameters', 'Amount')).toBe(expected);
	});

	test.each(['1,000.50', '10.0001', '-5', 'abc', '', '1e3'])(
		'the amount "%s" is refused',
		(amount) => {
			const error = refusal(() =>
				toAmount1000(amount, 'bodyParameters', 'Body parameter 1 amount'),
			);
			expect(error.message).toContain('is not an amount');
			expect(error.fix).toContain('e.g. 1250.99');
		},
	);

	test('a currency code that is not three letters is refused', () => {
		const error = refusal(() =>
			buildTemplateComponents({
				bodyParameters: [{ type: 'currency', amount: '1', code: 'Euro' }],
			}),
		);
		expect(error.message).toBe('Body parameter 1: "EURO" is not a currency code');
	});

	test('a date_time parameter sends its fallback value', () => {
		expect(
			buildTemplateComponents({
				bodyParameters: [{ type: 'date_time', fallbackValue: 'February 25, 1977' }],
			}),
		).toEqual([
			{
				type: 'body',
				parameters: [{ type: 'date_time', date_time: { fallback_value: 'February 25, 1977' } }],
			},
		]);
	});

	test('named parameters carry parameter_name', () => {
		expect(
			buildTemplateComponents({
				bodyParameters: [
					{ type: 'text', text: 'Jane', parameterName: 'first_name' },
					{ type: 'date_time', fallbackValue: 'tomorrow', parameterName: ' delivery_date ' },
				],
			}),
		).toEqual([
			{
				type: 'body',
				parameters: [
					{ type: 'text', text: 'Jane', parameter_name: 'first_name' },
					{
						type: 'date_time',
						date_time: { fallback_value: 'tomorrow' },
						parameter_name: 'delivery_date',
					},
				],
			},
		]);
	});

	test('named and numbered parameters cannot be mixed in one body', () => {
		const error = refusal(() =>
			buildTemplateComponents({
				bodyParameters: [
					{ type: 'text', text: 'Jane', parameterName: 'first_name' },
					{ type: 'text', text: '42' },
				],
			}),
		);
		expect(error.field).toBe('bodyParameters');
		expect(error.message).toBe(
			'1 of 2 body parameters have a parameter name and the others do not',
		);
	});

	test('a parameter name used twice is refused', () => {
		const error = refusal(() =>
			buildTemplateComponents({
				bodyParameters: [
					{ type: 'text', text: 'Jane', parameterName: 'name' },
					{ type: 'text', text: 'Doe', parameterName: 'name' },
				],
			}),
		);
		expect(error.message).toBe('The parameter name "name" is used twice');
	});

	test('an empty parameter value is refused and the parameter is named', () => {
		const error = refusal(() =>
			buildTemplateComponents({
				bodyParameters: [
					{ type: 'text', text: 'Jane' },
					{ type: 'text', text: '' },
				],
			}),
		);
		expect(error.field).toBe('bodyParameters');
		expect(error.message).toBe('Body parameter 2 text is empty');
	});

	test('an empty date_time is refused', () => {
		expect(
			refusal(() =>
				buildTemplateComponents({ bodyParameters: [{ type: 'date_time', fallbackValue: '' }] }),
			).message,
		).toBe('Body parameter 1 date and time is empty');
	});
});

describe('template button parameters', () => {
	test('a quick reply button carries its payload, with the index as a string', () => {
		expect(
			buildTemplateComponents({ buttons: [{ subType: 'quick_reply', index: 0, payload: 'YES' }] }),
		).toEqual([
			{
				type: 'button',
				sub_type: 'quick_reply',
				index: '0',
				parameters: [{ type: 'payload', payload: 'YES' }],
			},
		]);
	});

	test('a url button carries the URL suffix as text', () => {
		expect(
			buildTemplateComponents({ buttons: [{ subType: 'url', index: 1, text: 'order/42' }] }),
		).toEqual([
			{
				type: 'button',
				sub_type: 'url',
				index: '1',
				parameters: [{ type: 'text', text: 'order/42' }],
			},
		]);
	});

	test('a copy_code button carries the coupon code', () => {
		expect(
			buildTemplateComponents({
				buttons: [{ subType: 'copy_code', index: '2', couponCode: 'SAVE10' }],
			}),
		).toEqual([
			{
				type: 'button',
				sub_type: 'copy_code',
				index: '2',
				parameters: [{ type: 'coupon_code', coupon_code: 'SAVE10' }],
			},
		]);
	});

	test('two buttons at the same position are refused', () => {
		const error = refusal(() =>
			buildTemplateComponents({
				buttons: [
					{ subType: 'quick_reply', index: 0, payload: 'YES' },
					{ subType: 'quick_reply', index: 0, payload: 'NO' },
				],
			}),
		);
		expect(error.field).toBe('buttonParameters');
		expect(error.message).toBe('Buttons 1 and 2 both use position 0');
	});

	test('a position outside 0 to 9 is refused', () => {
		expect(
			refusal(() =>
				buildTemplateComponents({ buttons: [{ subType: 'quick_reply', index: 10, payload: 'x' }] }),
			).message,
		).toContain('is not a number from 0 to 9');
	});

	test('a coupon code longer than 15 characters is refused', () => {
		expect(
			refusal(() =>
				buildTemplateComponents({
					buttons: [{ subType: 'copy_code', index: 0, couponCode: 'X'.repeat(16) }],
				}),
			).message,
		).toBe('Button 1 coupon code is 16 characters long; WhatsApp allows at most 15');
	});

	test('an empty quick reply payload is refused', () => {
		expect(
			refusal(() =>
				buildTemplateComponents({ buttons: [{ subType: 'quick_reply', index: 0, payload: '' }] }),
			).message,
		).toBe('Button 1 payload is empty');
	});

	test('header, body and buttons come out in that order, and empty parts are left out', () => {
		const components = buildTemplateComponents({
			header: { type: 'text', text: 'Hi' },
			bodyParameters: [],
			buttons: [{ subType: 'url', index: 0, text: 'x' }],
		});
		expect(components.map((component) => component.type)).toEqual(['header', 'button']);
	});
});

describe('components given as JSON', () => {
	const components = [
		{ type: 'body', parameters: [{ type: 'text', text: 'Jane' }] },
		{
			type: 'button',
			sub_type: 'quick_reply',
			index: '0',
			parameters: [{ type: 'payload', payload: 'YES' }],
		},
	];

	test('JSON text is parsed', () => {
		expect(parseTemplateComponents(JSON.stringify(components))).toEqual(components);
	});

	test('an array from an expression is taken as it is', () => {
		expect(parseTemplateComponents(components)).toEqual(components);
	});

	test('empty text means no components', () => {
		expect(parseTemplateComponents('  ')).toEqual([]);
	});

	test("text that is not JSON is refused with the parser's reason", () => {
		const error = refusal(() => parseTemplateComponents('[{type: body}]'));
		expect(error.field).toBe('componentsJson');
		expect(error.message).toMatch(/^Components \(JSON\) is not valid JSON: /);
	});

	test('an object instead of an array is refused', () => {
		const error = refusal(() => parseTemplateComponents('{"name":"order_update","components":[]}'));
		expect(error.message).toBe('Components (JSON) must be an array of components');
		expect(error.fix).toContain('not the whole template');
	});

	test('a component without a type is refused and numbered', () => {
		expect(
			refusal(() => parseTemplateComponents([{ type: 'body', parameters: [] }, { parameters: [] }]))
				.message,
		).toBe('Component 2 of Components (JSON) has no "type"');
	});

	test('two header components are refused', () => {
		expect(
			refusal(() => parseTemplateComponents([{ type: 'header' }, { type: 'HEADER' }])).message,
		).toBe('Components (JSON) has 2 "header" components; a template message has at most one');
	});

	test('named and numbered body parameters cannot be mixed in JSON either', () => {
		const mixed = [
			{
				type: 'body',
				parameters: [
					{ type: 'text', text: 'a', parameter_name: 'x' },
					{ type: 'text', text: 'b' },
				],
			},
		];
		expect(refusal(() => parseTemplateComponents(mixed)).field).toBe('componentsJson');
	});
});
