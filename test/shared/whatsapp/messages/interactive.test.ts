import { buildInteractiveMessage } from '../../../../nodes/shared/whatsapp/messages/interactive';
import type { InteractiveInput } from '../../../../nodes/shared/whatsapp/messages/interactive';
import { PayloadError } from '../../../../nodes/shared/whatsapp/validation';

function refusal(input: InteractiveInput): PayloadError {
	try {
		buildInteractiveMessage(input);
	} catch (error) {
		if (error instanceof PayloadError) return error;
		throw error;
	}
	throw new Error('expected a PayloadError, nothing was thrown');
}

const yesNo = [
	{ id: 'yes', title: 'Yes' },
	{ id: 'no', title: 'No' },
];

describe('reply buttons', () => {
	test('body and buttons, without header or footer', () => {
		expect(buildInteractiveMessage({ type: 'button', body: 'Confirm?', buttons: yesNo })).toEqual({
			type: 'button',
			body: { text: 'Confirm?' },
			action: {
				buttons: [
					{ type: 'reply', reply: { id: 'yes', title: 'Yes' } },
					{ type: 'reply', reply: { id: 'no', title: 'No' } },
				],
			},
		});
	});

	test('with a text header and a footer', () => {
		expect(
			buildInteractiveMessage({
				type: 'button',
				header: { type: 'text', text: 'Order 42' },
				body: 'Confirm?',
				footer: 'Reply within a day',
				buttons: yesNo,
			}),
		).toEqual({
			type: 'button',
			header: { type: 'text', text: 'Order 42' },
			body: { text: 'Confirm?' },
			footer: { text: 'Reply within a day' },
			action: expect.any(Object),
		});
	});

	test.each([
		['image', { link: 'https://example.com/a.jpg' }, { link: 'https://example.com/a.jpg' }],
		['video', { id: '77' }, { id: '77' }],
		[
			'document',
			{ link: 'https://example.com/a.pdf', filename: 'a.pdf' },
			{ link: 'https://example.com/a.pdf', filename: 'a.pdf' },
		],
	] as const)('with a %s header', (type, source, media) => {
		const message = buildInteractiveMessage({
			type: 'button',
			header: { type, ...source },
			body: 'b',
			buttons: yesNo,
		});
		expect(message.header).toEqual({ type, [type]: media });
	});

	test('a button without an ID uses its title as ID', () => {
		const message = buildInteractiveMessage({
			type: 'button',
			body: 'b',
			buttons: [{ title: 'Yes' }, { id: '', title: 'No' }],
		});
		expect(message.action).toEqual({
			buttons: [
				{ type: 'reply', reply: { id: 'Yes', title: 'Yes' } },
				{ type: 'reply', reply: { id: 'No', title: 'No' } },
			],
		});
	});

	test('a fourth reply button is refused before anything is sent', () => {
		const error = refusal({
			type: 'button',
			body: 'b',
			buttons: [{ title: 'A' }, { title: 'B' }, { title: 'C' }, { title: 'D' }],
		});
		expect(error.field).toBe('buttons');
		expect(error.message).toBe('Reply buttons: WhatsApp allows at most 3, got 4');
	});

	test('a message without buttons is refused', () => {
		expect(refusal({ type: 'button', body: 'b', buttons: [] }).message).toBe(
			'Reply buttons: at least 1 needed, got 0',
		);
	});

	test('a button title of 21 characters is refused and the button is named', () => {
		const error = refusal({
			type: 'button',
			body: 'b',
			buttons: [{ title: 'ok' }, { title: 'x'.repeat(21) }],
		});
		expect(error.field).toBe('buttons');
		expect(error.message).toBe('Button 2 title is 21 characters long; WhatsApp allows at most 20');
	});

	test('two buttons with the same ID are refused', () => {
		const error = refusal({
			type: 'button',
			body: 'b',
			buttons: [
				{ id: 'x', title: 'A' },
				{ id: 'x', title: 'B' },
			],
		});
		expect(error.message).toBe('Buttons 1 and 2 have the same ID "x"');
	});

	test('two buttons with the same title and no IDs are refused', () => {
		expect(
			refusal({ type: 'button', body: 'b', buttons: [{ title: 'Yes' }, { title: 'Yes' }] }).message,
		).toBe('Buttons 1 and 2 have the same ID "Yes"');
	});

	test('an empty body is refused', () => {
		expect(refusal({ type: 'button', body: '', buttons: yesNo }).field).toBe('bodyText');
	});

	test('a body over 1024 characters is refused', () => {
		expect(refusal({ type: 'button', body: 'x'.repeat(1025), buttons: yesNo }).message).toContain(
			'at most 1024',
		);
	});

	test('a footer over 60 characters is refused', () => {
		expect(
			refusal({ type: 'button', body: 'b', footer: 'x'.repeat(61), buttons: yesNo }).field,
		).toBe('footerText');
	});

	test('a header text over 60 characters is refused', () => {
		expect(
			refusal({
				type: 'button',
				header: { type: 'text', text: 'x'.repeat(61) },
				body: 'b',
				buttons: yesNo,
			}).field,
		).toBe('headerText');
	});
});

describe('list', () => {
	const rows = [
		{ id: 'std', title: 'Standard', description: '3-5 days' },
		{ id: 'exp', title: 'Express' },
	];

	test('one section without a title, rows with and without description', () => {
		expect(
			buildInteractiveMessage({
				type: 'list',
				body: 'Pick one',
				buttonLabel: 'Options',
				sections: [{ rows }],
			}),
		).toEqual({
			type: 'list',
			body: { text: 'Pick one' },
			action: {
				button: 'Options',
				sections: [
					{
						rows: [
							{ id: 'std', title: 'Standard', description: '3-5 days' },
							{ id: 'exp', title: 'Express' },
						],
					},
				],
			},
		});
	});

	test('several titled sections, with a text header and footer; row IDs default to titles', () => {
		expect(
			buildInteractiveMessage({
				type: 'list',
				header: { type: 'text', text: 'Shipping' },
				body: 'Pick one',
				footer: 'Prices include VAT',
				buttonLabel: 'Options',
				sections: [
					{ title: 'Home', rows: [{ title: 'Standard' }] },
					{ title: 'Pickup', rows: [{ title: 'Locker', description: 'Next day' }] },
				],
			}),
		).toEqual({
			type: 'list',
			header: { type: 'text', text: 'Shipping' },
			body: { text: 'Pick one' },
			footer: { text: 'Prices include VAT' },
			action: {
				button: 'Options',
				sections: [
					{ title: 'Home', rows: [{ id: 'Standard', title: 'Standard' }] },
					{ title: 'Pickup', rows: [{ id: 'Locker', title: 'Locker', description: 'Next day' }] },
				],
			},
		});
	});

	test('an eleventh row is refused, counting all sections together', () => {
		const six = Array.from({ length: 6 }, (_, n) => ({ title: `Row ${n}` }));
		const five = Array.from({ length: 5 }, (_, n) => ({ title: `Other ${n}` }));
		const error = refusal({
			type: 'list',
			body: 'b',
			buttonLabel: 'Open',
			sections: [
				{ title: 'A', rows: six },
				{ title: 'B', rows: five },
			],
		});
		expect(error.field).toBe('sections');
		expect(error.message).toBe(
			'List rows (all sections together): WhatsApp allows at most 10, got 11',
		);
	});

	test('a section title is required when there is more than one section', () => {
		const error = refusal({
			type: 'list',
			body: 'b',
			buttonLabel: 'Open',
			sections: [{ title: 'A', rows: [{ title: 'x' }] }, { rows: [{ title: 'y' }] }],
		});
		expect(error.message).toBe('Section 2 has no title');
	});

	test('a row title of 25 characters is refused and the row is named', () => {
		const error = refusal({
			type: 'list',
			body: 'b',
			buttonLabel: 'Open',
			sections: [
				{ title: 'A', rows: [{ title: 'ok' }] },
				{ title: 'B', rows: [{ title: 'ok2' }, { title: 'x'.repeat(25) }] },
			],
		});
		expect(error.message).toBe(
			'Section 2, row 2 title is 25 characters long; WhatsApp allows at most 24',
		);
	});

	test('a row description over 72 characters is refused', () => {
		const error = refusal({
			type: 'list',
			body: 'b',
			buttonLabel: 'Open',
			sections: [{ rows: [{ title: 'a', description: 'x'.repeat(73) }] }],
		});
		expect(error.message).toBe(
			'Row 1 description is 73 characters long; WhatsApp allows at most 72',
		);
	});

	test('a section title over 24 characters is refused', () => {
		expect(
			refusal({
				type: 'list',
				body: 'b',
				buttonLabel: 'Open',
				sections: [{ title: 'x'.repeat(25), rows: [{ title: 'a' }] }],
			}).message,
		).toBe('Section 1 title is 25 characters long; WhatsApp allows at most 24');
	});

	test('a menu button label over 20 characters is refused', () => {
		expect(
			refusal({ type: 'list', body: 'b', buttonLabel: 'x'.repeat(21), sections: [{ rows }] }).field,
		).toBe('listButtonLabel');
	});

	test('duplicate row IDs across sections are refused', () => {
		const error = refusal({
			type: 'list',
			body: 'b',
			buttonLabel: 'Open',
			sections: [
				{ title: 'A', rows: [{ id: 'same', title: 'x' }] },
				{ title: 'B', rows: [{ id: 'same', title: 'y' }] },
			],
		});
		expect(error.message).toBe('Rows 1 and 2 have the same ID "same"');
	});

	test('a section without rows is refused', () => {
		expect(
			refusal({
				type: 'list',
				body: 'b',
				buttonLabel: 'Open',
				sections: [{ title: 'A', rows: [] }],
			}).message,
		).toBe('List rows (all sections together): at least 1 needed, got 0');
	});

	test('a list cannot have an image header', () => {
		const error = refusal({
			type: 'list',
			header: { type: 'image', link: 'https://example.com/a.jpg' },
			body: 'b',
			buttonLabel: 'Open',
			sections: [{ rows }],
		});
		expect(error.field).toBe('headerType');
		expect(error.message).toBe('A list message cannot have a header of type image');
	});
});

describe('call to action URL', () => {
	test('without header or footer', () => {
		expect(
			buildInteractiveMessage({
				type: 'cta_url',
				body: 'Track it',
				displayText: 'Track order',
				url: 'https://example.com/o/42',
			}),
		).toEqual({
			type: 'cta_url',
			body: { text: 'Track it' },
			action: {
				name: 'cta_url',
				parameters: { display_text: 'Track order', url: 'https://example.com/o/42' },
			},
		});
	});

	test('with an image header and a footer', () => {
		expect(
			buildInteractiveMessage({
				type: 'cta_url',
				header: { type: 'image', link: 'https://example.com/a.jpg' },
				body: 'Track it',
				footer: 'Thanks',
				displayText: 'Track order',
				url: 'http://example.com/o/42',
			}),
		).toEqual({
			type: 'cta_url',
			header: { type: 'image', image: { link: 'https://example.com/a.jpg' } },
			body: { text: 'Track it' },
			footer: { text: 'Thanks' },
			action: {
				name: 'cta_url',
				parameters: { display_text: 'Track order', url: 'http://example.com/o/42' },
			},
		});
	});

	test('a URL without http(s):// is refused', () => {
		const error = refusal({
			type: 'cta_url',
			body: 'b',
			displayText: 'Open',
			url: 'www.example.com',
		});
		expect(error.field).toBe('ctaUrl');
		expect(error.message).toBe('URL "www.example.com" is not a web address');
	});

	test('a button text over 20 characters is refused', () => {
		expect(
			refusal({ type: 'cta_url', body: 'b', displayText: 'x'.repeat(21), url: 'https://a.io' })
				.field,
		).toBe('ctaDisplayText');
	});
});

describe('flow', () => {
	test('a published flow by ID that navigates to a screen with data, with header and footer', () => {
		expect(
			buildInteractiveMessage({
				type: 'flow',
				header: { type: 'text', text: 'Booking' },
				body: 'Book a table',
				footer: 'Takes a minute',
				flow: {
					flowId: '1234',
					cta: 'Book now',
					token: 'session-1',
					mode: 'published',
					action: 'navigate',
					screen: 'WELCOME',
					data: '{"guests": 2}',
				},
			}),
		).toEqual({
			type: 'flow',
			header: { type: 'text', text: 'Booking' },
			body: { text: 'Book a table' },
			footer: { text: 'Takes a minute' },
			action: {
				name: 'flow',
				parameters: {
					flow_message_version: '3',
					flow_token: 'session-1',
					flow_id: '1234',
					flow_cta: 'Book now',
					mode: 'published',
					flow_action: 'navigate',
					flow_action_payload: { screen: 'WELCOME', data: { guests: 2 } },
				},
			},
		});
	});

	test('a draft flow by name with data exchange and no token uses "unused"', () => {
		expect(
			buildInteractiveMessage({
				type: 'flow',
				body: 'Sign up',
				flow: { flowName: 'signup', cta: 'Start', mode: 'draft', action: 'data_exchange' },
			}).action,
		).toEqual({
			name: 'flow',
			parameters: {
				flow_message_version: '3',
				flow_token: 'unused',
				flow_name: 'signup',
				flow_cta: 'Start',
				mode: 'draft',
				flow_action: 'data_exchange',
			},
		});
	});

	test('empty screen data is left out', () => {
		const message = buildInteractiveMessage({
			type: 'flow',
			body: 'b',
			flow: { flowId: '1', cta: 'Go', action: 'navigate', screen: 'FIRST', data: '{}' },
		});
		expect(
			(message.action as { parameters: Record<string, unknown> }).parameters.flow_action_payload,
		).toEqual({ screen: 'FIRST' });
	});

	test('a flow button text with an emoji is refused', () => {
		const error = refusal({
			type: 'flow',
			body: 'b',
			flow: { flowId: '1', cta: 'Book 📅', action: 'data_exchange' },
		});
		expect(error.field).toBe('flowCta');
		expect(error.message).toBe('Flow Button Text contains an emoji');
	});

	test("a flow button text may have 30 characters (Meta's limit), not 31", () => {
		const flow = (cta: string) => ({ flowId: '1', cta, action: 'data_exchange' as const });
		const action = buildInteractiveMessage({
			type: 'flow',
			body: 'b',
			flow: flow('Book your table for tonight 30'),
		}).action as { parameters: { flow_cta: string } };
		expect(action.parameters.flow_cta).toHaveLength(30);
		expect(refusal({ type: 'flow', body: 'b', flow: flow('x'.repeat(31)) }).message).toContain(
			'at most 30',
		);
	});

	test('a flow without ID or name is refused', () => {
		expect(
			refusal({ type: 'flow', body: 'b', flow: { cta: 'Go', action: 'data_exchange' } }).message,
		).toBe('The flow is not identified');
	});

	test('a flow with both ID and name is refused', () => {
		expect(
			refusal({
				type: 'flow',
				body: 'b',
				flow: { flowId: '1', flowName: 'x', cta: 'Go', action: 'data_exchange' },
			}).message,
		).toBe('Both a flow ID and a flow name are given');
	});

	test('navigating without a first screen is refused', () => {
		expect(
			refusal({ type: 'flow', body: 'b', flow: { flowId: '1', cta: 'Go', action: 'navigate' } })
				.field,
		).toBe('flowScreen');
	});

	test('screen data that is not JSON is refused', () => {
		const error = refusal({
			type: 'flow',
			body: 'b',
			flow: { flowId: '1', cta: 'Go', action: 'navigate', screen: 'A', data: '{guests: 2}' },
		});
		expect(error.field).toBe('flowData');
		expect(error.message).toMatch(/^Screen Data is not valid JSON: /);
	});

	test('screen data that is a JSON array is refused', () => {
		expect(
			refusal({
				type: 'flow',
				body: 'b',
				flow: { flowId: '1', cta: 'Go', action: 'navigate', screen: 'A', data: '[1]' },
			}).message,
		).toBe('Screen Data must be a JSON object');
	});

	test('a flow cannot have a video header', () => {
		expect(
			refusal({
				type: 'flow',
				header: { type: 'video', id: '1' },
				body: 'b',
				flow: { flowId: '1', cta: 'Go', action: 'data_exchange' },
			}).field,
		).toBe('headerType');
	});
});

describe('location request', () => {
	test('is a body and the send_location action', () => {
		expect(
			buildInteractiveMessage({ type: 'location_request_message', body: 'Where are you?' }),
		).toEqual({
			type: 'location_request_message',
			body: { text: 'Where are you?' },
			action: { name: 'send_location' },
		});
	});

	test('an empty body is refused', () => {
		expect(refusal({ type: 'location_request_message', body: ' ' }).message).toBe(
			'Body Text is empty',
		);
	});
});

describe('messages whose one button WhatsApp draws', () => {
	test.each([
		['call_permission_request', 'call_permission_request'],
		['request_contact_info', 'request_contact_info'],
	] as const)('%s carries its body and the action %s', (type, name) => {
		expect(buildInteractiveMessage({ type, body: 'May we call you about your order?' })).toEqual({
			type,
			body: { text: 'May we call you about your order?' },
			action: { name },
		});
	});

	test('their body is required', () => {
		expect(() => buildInteractiveMessage({ type: 'request_contact_info', body: ' ' })).toThrow(
			/empty/,
		);
	});
});
