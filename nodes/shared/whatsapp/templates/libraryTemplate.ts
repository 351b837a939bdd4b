/**
 * A template created from Meta's template library (360dialog docs partner/messaging/template-messages/
 * create-and-manage-template-messages: `library_template_name` and `library_template_button_inputs`): the
 * library gives the text, the business its own website and phone number for the buttons. 360dialog's group
 * invite template is made this way (`group_invite_link`).
 */
import type { JsonRecord } from '../json';
import { PayloadError, requireHttpUrl, requireText } from '../validation';
import { buildTemplateDefinition } from './templateDefinition';

export interface LibraryTemplateInput {
	name: unknown;
	language: unknown;
	libraryTemplateName: unknown;
	/** The website the library's URL button opens; `{{1}}` at its end takes a suffix per send. */
	websiteUrl?: string;
	/** An example of the URL with its suffix, when the website ends in {{1}}. */
	urlSuffixExample?: string;
	/** The phone number the library's call button dials, with + and country code. */
	phoneNumber?: string;
}

function libraryName(value: unknown): string {
	const name = requireText(value, 'libraryTemplateName', 'Library Template').trim();
	if (!/^[a-z0-9_]+$/.test(name)) {
		throw new PayloadError(
			`"${name}" is not a library template name`,
			'libraryTemplateName',
			'Copy the exact name from the template library in WhatsApp Manager, e.g. delivery_update_1 or group_invite_link.',
		);
	}
	return name;
}

function buttonInputs(input: LibraryTemplateInput): JsonRecord[] {
	const inputs: JsonRecord[] = [];
	const website = input.websiteUrl?.trim();
	if (website) {
		const baseUrl = requireHttpUrl(website, 'websiteUrl', 'Website');
		const dynamic = /\{\{1\}\}$/.test(baseUrl);
		const example = input.urlSuffixExample?.trim();
		if (dynamic && !example) {
			throw new PayloadError(
				'The website ends in {{1}} but no example URL was given',
				'urlSuffixExample',
				'Give an example of the whole URL with a suffix, e.g. https://www.example.com/orders/4471.',
			);
		}
		inputs.push({
			type: 'URL',
			url: { base_url: baseUrl, ...(dynamic && example ? { url_suffix_example: example } : {}) },
		});
	}
	const phone = input.phoneNumber?.trim();
	if (phone) {
		const digits = phone.replace(/[\s\-().]/g, '');
		if (!/^\+\d{6,15}$/.test(digits)) {
			throw new PayloadError(
				`"${phone}" is not a phone number with country code`,
				'buttonPhoneNumber',
				'Write the number with + and the country code, e.g. +16315551010.',
			);
		}
		inputs.push({ type: 'PHONE_NUMBER', phone_number: digits });
	}
	return inputs;
}

/** POST /v1/configs/templates for a library template: utility, named after the library entry it copies. */
export function buildLibraryTemplateBody(input: LibraryTemplateInput): JsonRecord {
	const definition = buildTemplateDefinition({
		name: input.name,
		language: input.language,
		category: 'UTILITY',
		components: [],
	});
	// The library gives the components.
	delete definition.components;
	const inputs = buttonInputs(input);
	return {
		...definition,
		library_template_name: libraryName(input.libraryTemplateName),
		...(inputs.length > 0 ? { library_template_button_inputs: inputs } : {}),
	};
}
