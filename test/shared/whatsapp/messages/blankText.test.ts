import { optionFields } from '../../../../nodes/shared/whatsapp/messages/envelope';
import { buildInteractiveMessage } from '../../../../nodes/shared/whatsapp/messages/interactive';
import { buildMediaMessage } from '../../../../nodes/shared/whatsapp/messages/media';

describe('text that is only whitespace counts as empty, and is not sent', () => {
	test('a caption', () => {
		expect(
			buildMediaMessage({
				type: 'image',
				source: { link: 'https://example.com/a.jpg' },
				caption: ' \n\t ',
			}),
		).toEqual({ link: 'https://example.com/a.jpg' });
	});

	test('callback data', () => {
		expect(optionFields({ bizOpaqueCallbackData: '   ' })).toEqual({});
		expect(optionFields({ bizOpaqueCallbackData: ' order-1 ' })).toEqual({
			biz_opaque_callback_data: ' order-1 ',
		});
	});

	test('a footer', () => {
		expect(
			buildInteractiveMessage({
				type: 'cta_url',
				body: 'Track it',
				footer: '  ',
				displayText: 'Track',
				url: 'https://example.com',
			}),
		).not.toHaveProperty('footer');
	});
});
