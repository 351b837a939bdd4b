import {
	buildTemplateComponents,
	buildTemplateDefinition,
	parseTemplateDefinitionComponents,
} from '../../../../nodes/shared/whatsapp/templates/templateDefinition';
import { PayloadError } from '../../../../nodes/shared/whatsapp/validation';

const refusal = (run: () => unknown) => {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(PayloadError);
		return error as PayloadError;
	}
	throw new Error('expected a PayloadError');
};

describe('buildTemplateComponents', () => {
	test('header, body with positional examples in number order, footer and buttons', () => {
		expect(
			buildTemplateComponents({
				header: { format: 'TEXT', text: 'Order {{1}}', example: '#1234' },
				body: 'Order {{2}} for {{1}} ships today.',
				bodyExamples: { 2: '#1234', 1: 'Jane' },
				footer: 'Reply STOP to opt out',
				buttons: [
					{ type: 'QUICK_REPLY', text: 'Thanks' },
					{
						type: 'URL',
						text: 'Track',
						url: 'https://example.com/t/{{1}}',
						example: 'https://example.com/t/1234',
					},
					{ type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '49 30 123456' },
					{ type: 'COPY_CODE', example: 'SAVE10' },
				],
			}),
		).toEqual([
			{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['#1234'] } },
			{
				type: 'BODY',
				text: 'Order {{2}} for {{1}} ships today.',
				example: { body_text: [['Jane', '#1234']] },
			},
			{ type: 'FOOTER', text: 'Reply STOP to opt out' },
			{
				type: 'BUTTONS',
				buttons: [
					{ type: 'QUICK_REPLY', text: 'Thanks' },
					{
						type: 'URL',
						text: 'Track',
						url: 'https://example.com/t/{{1}}',
						example: ['https://example.com/t/1234'],
					},
					{ type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+4930123456' },
					{ type: 'COPY_CODE', example: 'SAVE10' },
				],
			},
		]);
	});

	test('named variables get body_text_named_params', () => {
		expect(
			buildTemplateComponents({
				body: 'Hello {{first_name}}, see you on {{day}}.',
				bodyExamples: { first_name: 'Jane', day: 'Monday' },
			}),
		).toEqual([
			{
				type: 'BODY',
				text: 'Hello {{first_name}}, see you on {{day}}.',
				example: {
					body_text_named_params: [
						{ param_name: 'first_name', example: 'Jane' },
						{ param_name: 'day', example: 'Monday' },
					],
				},
			},
		]);
	});

	test('a media header carries its sample handle; a location header none', () => {
		expect(
			buildTemplateComponents({
				header: { format: 'IMAGE', handle: '4::aW1n' },
				body: 'New in.',
			})[0],
		).toEqual({ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1n'] } });
		expect(
			buildTemplateComponents({ header: { format: 'LOCATION' }, body: 'We are here.' })[0],
		).toEqual({ type: 'HEADER', format: 'LOCATION' });
	});

	test.each([
		[
			'a variable without example',
			{ body: 'Hi {{1}}, welcome.' },
			'bodyExamples',
			/\{\{1\}\} has no example/,
		],
		[
			'a gap in the numbers',
			{ body: 'Hi {{1}} and {{3}}.', bodyExamples: { 1: 'a', 3: 'b' } },
			'body',
			/without gaps/,
		],
		[
			'numbered and named mixed',
			{ body: 'Hi {{1}} and {{name}}.', bodyExamples: { 1: 'a', name: 'b' } },
			'body',
			/mixes/,
		],
		[
			'a body ending in a variable',
			{ body: 'Your code is {{1}}', bodyExamples: { 1: '1' } },
			'body',
			/starts or ends/,
		],
		[
			'an example for a variable the body lacks',
			{ body: 'Hi {{1}}.', bodyExamples: { 1: 'a', 2: 'b' } },
			'bodyExamples',
			/\{\{2\}\}/,
		],
		['a body of 1025 characters', { body: 'a'.repeat(1025) }, 'body', /1024/],
		[
			'a footer with a variable',
			{ body: 'Hi.', footer: 'Bye {{1}}' },
			'footer',
			/footer has a variable/,
		],
		[
			'two header variables',
			{ header: { format: 'TEXT' as const, text: '{{1}} {{2}}' }, body: 'Hi.' },
			'headerText',
			/allows one/,
		],
		[
			'a header variable without example',
			{ header: { format: 'TEXT' as const, text: 'Order {{1}}' }, body: 'Hi.' },
			'headerExample',
			/Header Example/,
		],
		[
			'a button text of 26 characters',
			{ body: 'Hi.', buttons: [{ type: 'QUICK_REPLY' as const, text: 'b'.repeat(26) }] },
			'buttons',
			/25/,
		],
		[
			'three URL buttons',
			{
				body: 'Hi.',
				buttons: Array.from({ length: 3 }, () => ({
					type: 'URL' as const,
					text: 'Go',
					url: 'https://e.com',
				})),
			},
			'buttons',
			/allows 2/,
		],
		[
			'quick replies around a URL',
			{
				body: 'Hi.',
				buttons: [
					{ type: 'QUICK_REPLY' as const, text: 'a' },
					{ type: 'URL' as const, text: 'b', url: 'https://e.com' },
					{ type: 'QUICK_REPLY' as const, text: 'c' },
				],
			},
			'buttons',
			/mixed in between/,
		],
		[
			'a URL variable in the middle',
			{
				body: 'Hi.',
				buttons: [
					{
						type: 'URL' as const,
						text: 'b',
						url: 'https://e.com/{{1}}/x',
						example: 'https://e.com/1/x',
					},
				],
			},
			'buttons',
			/end/,
		],
		[
			'a copy code of 16 characters',
			{ body: 'Hi.', buttons: [{ type: 'COPY_CODE' as const, example: 'c'.repeat(16) }] },
			'buttons',
			/15/,
		],
	])('refuses %s, naming the field', (_label, form, field, message) => {
		const error = refusal(() => buildTemplateComponents(form));
		expect(error.field).toBe(field);
		expect(error.message).toMatch(message);
		expect(error.fix).not.toBe('');
	});
});

describe('buildTemplateDefinition', () => {
	const components = [{ type: 'BODY', text: 'Hi.' }];

	test('normalises language and category and passes allow_category_change', () => {
		expect(
			buildTemplateDefinition({
				name: ' order_note ',
				language: 'en-us',
				category: 'utility',
				allowCategoryChange: true,
				components,
			}),
		).toEqual({
			name: 'order_note',
			language: 'en_US',
			category: 'UTILITY',
			components,
			allow_category_change: true,
		});
	});

	test('a name with capitals is refused with a name that would do', () => {
		const error = refusal(() =>
			buildTemplateDefinition({
				name: 'Order Note',
				language: 'en',
				category: 'UTILITY',
				components,
			}),
		);
		expect(error.field).toBe('name');
		expect(error.fix).toContain('order_note');
	});

	test('an unknown category is refused', () => {
		expect(
			refusal(() =>
				buildTemplateDefinition({ name: 'a', language: 'en', category: 'PROMO', components }),
			).field,
		).toBe('category');
	});
});

describe('parseTemplateDefinitionComponents', () => {
	test('takes a JSON array, an object with components, or data an expression gave', () => {
		const list = [{ type: 'BODY', text: 'Hi.' }];
		expect(parseTemplateDefinitionComponents(JSON.stringify(list))).toEqual(list);
		expect(parseTemplateDefinitionComponents({ components: list })).toEqual(list);
		expect(parseTemplateDefinitionComponents(list)).toEqual(list);
	});

	test.each([
		['not JSON', '[{', /not valid JSON/],
		['an empty list', '[]', /not a list/],
		['a component without type', '[{"text":"x"}]', /no "type"/],
		['no BODY', '[{"type":"FOOTER","text":"x"}]', /no BODY/],
	])('refuses %s', (_label, value, message) => {
		expect(refusal(() => parseTemplateDefinitionComponents(value)).message).toMatch(message);
	});
});
