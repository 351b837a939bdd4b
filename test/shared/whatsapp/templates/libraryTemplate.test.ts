import { buildLibraryTemplateBody } from '../../../../nodes/shared/whatsapp/templates/libraryTemplate';
import { PayloadError } from '../../../../nodes/shared/whatsapp/validation';

function refusal(run: () => unknown): PayloadError {
	try {
		run();
	} catch (error) {
		if (error instanceof PayloadError) return error;
		throw error;
	}
	throw new Error('expected a PayloadError');
}

test('a library template is a utility template without components, with the button inputs given', () => {
	expect(
		buildLibraryTemplateBody({
			name: 'pay_reminder',
			language: 'en_US',
			libraryTemplateName: 'payment_reminder_1',
			websiteUrl: 'https://pay.example.com',
			phoneNumber: '+1 631 555 1010',
		}),
	).toEqual({
		name: 'pay_reminder',
		language: 'en_US',
		category: 'UTILITY',
		library_template_name: 'payment_reminder_1',
		library_template_button_inputs: [
			{ type: 'URL', url: { base_url: 'https://pay.example.com' } },
			{ type: 'PHONE_NUMBER', phone_number: '+16315551010' },
		],
	});
});

test('bad names and numbers are refused with the field to fix', () => {
	expect(
		refusal(() =>
			buildLibraryTemplateBody({
				name: 'x',
				language: 'en_US',
				libraryTemplateName: 'Delivery Update',
			}),
		).field,
	).toBe('libraryTemplateName');
	expect(
		refusal(() =>
			buildLibraryTemplateBody({ name: 'Bad Name', language: 'en_US', libraryTemplateName: 'a' }),
		).field,
	).toBe('name');
	expect(
		refusal(() =>
			buildLibraryTemplateBody({
				name: 'x',
				language: 'en_US',
				libraryTemplateName: 'a',
				phoneNumber: '6315551010',
			}),
		).field,
	).toBe('buttonPhoneNumber');
});
