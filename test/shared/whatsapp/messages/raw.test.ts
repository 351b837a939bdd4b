import { buildRawMessage } from '../../../../nodes/shared/whatsapp/messages/raw';

const phone = { phoneNumber: '+49 151 12345678' };

describe('buildRawMessage', () => {
	test("JSON text is parsed and completed with the product and the node's recipient", () => {
		expect(buildRawMessage('{"type":"text","text":{"body":"Hi"}}', phone)).toEqual({
			messaging_product: 'whatsapp',
			to: '4915112345678',
			type: 'text',
			text: { body: 'Hi' },
		});
	});

	test('a business-scoped user ID from the node becomes "recipient"', () => {
		expect(
			buildRawMessage({ type: 'text', text: { body: 'Hi' } }, { userId: 'US.1' }),
		).toMatchObject({ recipient: 'US.1' });
	});

	test("the JSON's own recipient and product win over the node's", () => {
		const body = {
			messaging_product: 'whatsapp',
			to: '15550001111',
			type: 'image',
			image: { id: '1' },
		};
		expect(buildRawMessage(body, { phoneNumber: '' })).toEqual(body);
		expect(
			buildRawMessage({ recipient: 'US.9', type: 'image', image: { id: '1' } }, phone),
		).toEqual({
			messaging_product: 'whatsapp',
			recipient: 'US.9',
			type: 'image',
			image: { id: '1' },
		});
	});

	test('reply and callback options are added when the JSON has none of its own', () => {
		const options = { replyToMessageId: 'wamid.Q', bizOpaqueCallbackData: 'order-1' };
		expect(buildRawMessage({ type: 'text', text: { body: 'Hi' } }, phone, options)).toMatchObject({
			context: { message_id: 'wamid.Q' },
			biz_opaque_callback_data: 'order-1',
		});
		expect(
			buildRawMessage(
				{ type: 'text', text: { body: 'Hi' }, context: { message_id: 'wamid.OWN' } },
				phone,
				options,
			),
		).toMatchObject({
			context: { message_id: 'wamid.OWN' },
		});
	});

	test('the input is not changed', () => {
		const input = { type: 'text', text: { body: 'Hi' } };
		buildRawMessage(input, phone);
		expect(input).toEqual({ type: 'text', text: { body: 'Hi' } });
	});

	test('text that is not a JSON object is refused', () => {
		expect(() => buildRawMessage('{"type": text}', phone)).toThrow(
			/^Message JSON is not valid JSON: /,
		);
		expect(() => buildRawMessage('[1, 2]', phone)).toThrow('The message JSON is not a JSON object');
		expect(() => buildRawMessage(null, phone)).toThrow('The message JSON is not a JSON object');
	});

	test('a message without a type is refused', () => {
		expect(() => buildRawMessage({ text: { body: 'Hi' } }, phone)).toThrow(
			'The message JSON has no "type"',
		);
	});

	test('a type without the object of the same name is refused', () => {
		expect(() => buildRawMessage({ type: 'image', text: { body: 'Hi' } }, phone)).toThrow(
			'The message JSON has "type": "image" but no "image" object',
		);
	});

	test('without a recipient in the JSON or the node, the message is refused', () => {
		expect(() =>
			buildRawMessage({ type: 'text', text: { body: 'Hi' } }, { phoneNumber: '' }),
		).toThrow('The recipient phone number is empty');
	});
});
