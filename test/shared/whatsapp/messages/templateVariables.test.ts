/**
 * A template's variables as a person reads them: a short label with the variable and its part, what it fills
 * (the template's text around it and its example) beside it, the message's name for errors, and the same ids
 * as before, so that saved mappings keep working.
 */
import { readTemplateModel } from '../../../../nodes/shared/whatsapp/messages/templateModel';
import type { TemplateDefinition } from '../../../../nodes/shared/whatsapp/messages/templateModel';
import { templateVariables } from '../../../../nodes/shared/whatsapp/messages/templateVariables';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SEED_TEMPLATES } = require('../../../../emulator/seedTemplates') as {
	SEED_TEMPLATES: Array<{ name: string; language: string }>;
};

const deliveryUpdate = SEED_TEMPLATES.find(
	(template) => template.name === 'delivery_update' && template.language === 'en_US',
) as TemplateDefinition;

test('each variable: its id, a short label, what it fills, and the name errors use', () => {
	expect(templateVariables(readTemplateModel(deliveryUpdate))).toEqual([
		{
			id: 'header_text',
			label: 'Header {{1}}',
			detail: '"Order {{1}} shipped" — e.g. #1234',
			name: 'Header {{1}}',
			required: true,
			type: 'string',
		},
		{
			id: 'body_1',
			label: 'Body {{1}}',
			detail: expect.stringMatching(/^"Hi \{\{1\}\}.*" — e\.g\. Jane$/) as unknown as string,
			name: 'Body {{1}}',
			required: true,
			type: 'string',
		},
		{
			id: 'body_2',
			label: 'Body {{2}}',
			detail: expect.stringMatching(/\{\{2\}\}.*" — e\.g\. Friday, May 4$/) as unknown as string,
			name: 'Body {{2}}',
			required: true,
			type: 'string',
		},
		{
			id: 'button_1_url',
			label: 'Button 1 {{1}}',
			detail: 'the "Track parcel" button: end of https://example.com/track/{{1}} — e.g. ABC123',
			name: 'Button 1 "Track parcel" URL',
			required: true,
			type: 'string',
		},
		{
			id: 'button_2_payload',
			label: 'Button 2 payload',
			detail: 'the "Change delivery" button: what your workflow receives when it is tapped',
			name: 'Button 2 "Change delivery" payload',
			required: false,
			type: 'string',
		},
	]);
});

test('a carousel card names its card before the part, in the label and in the name', () => {
	const carousel = {
		name: 'cards',
		language: 'en',
		components: [
			{ type: 'BODY', text: 'Our picks' },
			{
				type: 'CAROUSEL',
				cards: [1, 2].map(() => ({
					components: [
						{ type: 'HEADER', format: 'IMAGE' },
						{ type: 'BODY', text: 'Only {{1}}', example: { body_text: [['$9']] } },
						{ type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Buy' }] },
					],
				})),
			},
		],
	};
	const second = templateVariables(readTemplateModel(carousel)).filter((variable) =>
		variable.id.startsWith('card_2_'),
	);
	expect(second.map(({ id, label, name }) => ({ id, label, name }))).toEqual([
		{ id: 'card_2_header_image', label: 'Card 2 · Header image', name: 'Card 2 · Header image' },
		{ id: 'card_2_body_1', label: 'Card 2 · Body {{1}}', name: 'Card 2 · Body {{1}}' },
		{
			id: 'card_2_button_1_payload',
			label: 'Card 2 · Button 1 payload',
			name: 'Card 2 · Button 1 "Buy" payload',
		},
	]);
});
