/**
 * Templates with a voice call button (Meta, "Calling API" › Send a template with a voice call button) go
 * through Map Template Variables: the button needs no value, the others keep their index.
 */
import { buildMappedComponents } from '../../../../nodes/shared/whatsapp/messages/mappedTemplate';
import { readTemplateModel } from '../../../../nodes/shared/whatsapp/messages/templateModel';
import { templateVariables } from '../../../../nodes/shared/whatsapp/messages/templateVariables';

const callUs = readTemplateModel({
	name: 'call_us',
	language: 'en_US',
	category: 'MARKETING',
	components: [
		{ type: 'BODY', text: 'Hi {{1}}, talk to us on WhatsApp.', example: { body_text: [['Jane']] } },
		{
			type: 'BUTTONS',
			buttons: [
				{ type: 'VOICE_CALL', text: 'Call now' },
				{
					type: 'URL',
					text: 'Order',
					url: 'https://shop.example.com/{{1}}',
					example: ['https://shop.example.com/42'],
				},
			],
		},
	],
});

test('the voice call button asks for no variable', () => {
	expect(templateVariables(callUs).map((variable) => variable.id)).toEqual([
		'body_1',
		'button_2_url',
	]);
});

test('the send carries the body and the URL button at its own index, and nothing for the call button', () => {
	expect(buildMappedComponents(callUs, { body_1: 'Jane', button_2_url: '42' })).toEqual([
		{ type: 'body', parameters: [{ type: 'text', text: 'Jane' }] },
		{ type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: '42' }] },
	]);
});
