import {
	buildReadReceipt,
	buildTypingIndicator,
} from '../../../../nodes/shared/whatsapp/messages/status';

describe('read receipts and typing indicators', () => {
	test('a read receipt names the message and no recipient', () => {
		expect(buildReadReceipt('wamid.X')).toEqual({
			messaging_product: 'whatsapp',
			status: 'read',
			message_id: 'wamid.X',
		});
	});

	test('a typing indicator is a read receipt with a text typing indicator', () => {
		expect(buildTypingIndicator(' wamid.X ')).toEqual({
			messaging_product: 'whatsapp',
			status: 'read',
			message_id: 'wamid.X',
			typing_indicator: { type: 'text' },
		});
	});

	test('an empty message ID is refused', () => {
		expect(() => buildReadReceipt('')).toThrow('The message ID is empty');
		expect(() => buildTypingIndicator(undefined as never)).toThrow('The message ID is empty');
	});

	test('a message ID with spaces in it is refused', () => {
		expect(() => buildReadReceipt('wamid.A wamid.B')).toThrow(
			'"wamid.A wamid.B" is not a WhatsApp message ID',
		);
	});
});
