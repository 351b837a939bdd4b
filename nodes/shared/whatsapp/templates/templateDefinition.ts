/**
 * A new template as POST /v1/configs/templates takes it: name, language, category, whether Meta may change the
 * category, and the components, built from a form for the common case (header, body with examples, footer,
 * buttons) or given as JSON. Checked against WhatsApp's rules first, so that a mistake is named here rather
 * than coming back as a rejection from Meta.
 */
import { isJsonObject } from '../json';
import type { JsonRecord } from '../json';
import { normalizeLanguageCode } from '../messages/template';
import {
	checkCount,
	checkLength,
	isTemplateName,
	LIMITS,
	parseJsonField,
	PayloadError,
	requireHttpUrl,
	requireLength,
	requireText,
} from '../validation';

export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export const TEMPLATE_LIMITS = {
	headerText: 60,
	body: 1024,
	footer: 60,
	buttonText: 25,
	buttons: 10,
	urlButtons: 2,
	phoneButtons: 1,
	url: 2000,
	phoneNumber: 20,
	couponCode: 15,
} as const;

export type TemplateHeaderForm =
	| { format: 'TEXT'; text: string; example?: string }
	/** `handle`: a sample file uploaded with the Resumable Upload API; Meta shows it to the reviewer. */
	| { format: 'IMAGE' | 'VIDEO' | 'DOCUMENT'; handle: string }
	| { format: 'LOCATION' };

export type TemplateButtonForm =
	| { type: 'QUICK_REPLY'; text: string }
	/** `url` may end in {{1}}; `example` is then a full URL as a recipient would open it. */
	| { type: 'URL'; text: string; url: string; example?: string }
	| { type: 'PHONE_NUMBER'; text: string; phoneNumber: string }
	| { type: 'COPY_CODE'; example: string };

export interface TemplateForm {
	header?: TemplateHeaderForm;
	body: string;
	/** A sample value per body variable: `{{1}}` → `1`, `{{first_name}}` → `first_name`. */
	bodyExamples?: Record<string, string>;
	footer?: string;
	buttons?: TemplateButtonForm[];
}

export interface TemplateDefinitionInput {
	name: unknown;
	language: unknown;
	category: unknown;
	allowCategoryChange?: boolean;
	components: JsonRecord[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** The distinct variables of a text, in order of first appearance. */
export function variablesOf(text: string): string[] {
	return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

export function requireNewTemplateName(value: unknown): string {
	const name = requireLength(
		typeof value === 'string' ? value.trim() : value,
		LIMITS.templateName,
		'name',
		'Name',
	);
	if (!isTemplateName(name)) {
		throw new PayloadError(
			`"${name}" cannot be a template name`,
			'name',
			`Use only lowercase letters, digits and underscores, e.g. ${name.toLowerCase().replace(/[^a-z0-9]+/g, '_') || 'order_update'}.`,
		);
	}
	return name;
}

function requireCategory(value: unknown): TemplateCategory {
	const category = String(value ?? '').toUpperCase();
	if (!(TEMPLATE_CATEGORIES as readonly string[]).includes(category)) {
		throw new PayloadError(
			`"${String(value)}" is not a template category`,
			'category',
			`Choose one of ${TEMPLATE_CATEGORIES.join(', ')}.`,
		);
	}
	return category as TemplateCategory;
}

/**
 * Variables must be numbered {{1}}, {{2}}, … without gaps, or all be named; answers whether they are named.
 */
function checkVariableNames(variables: string[], field: string, label: string): boolean {
	const numbered = variables.filter((variable) => /^\d+$/.test(variable));
	if (numbered.length > 0 && numbered.length < variables.length) {
		throw new PayloadError(
			`${label} mixes numbered and named variables (${variables.map((v) => `{{${v}}}`).join(', ')})`,
			field,
			'Use either {{1}}, {{2}}, … or names such as {{first_name}}, not both.',
		);
	}
	if (numbered.length === 0) return variables.length > 0;
	const sorted = numbered.map(Number).sort((a, b) => a - b);
	const gap = sorted.findIndex((number, index) => number !== index + 1);
	if (gap !== -1) {
		throw new PayloadError(
			`${label} has {{${sorted.join('}}, {{')}}}; WhatsApp needs them numbered from {{1}} without gaps`,
			field,
			`Renumber the variables {{1}} to {{${sorted.length}}}.`,
		);
	}
	return false;
}

function exampleFor(examples: Record<string, string>, variable: string, field: string): string {
	const example = examples[variable];
	if (typeof example !== 'string' || example.trim() === '') {
		throw new PayloadError(
			`The body variable {{${variable}}} has no example`,
			field,
			`Add an example value for {{${variable}}} under "Body Examples"; Meta rejects templates without sample values.`,
		);
	}
	return example;
}

function buildBody(text: unknown, examples: Record<string, string>): JsonRecord {
	const body = checkLength(requireText(text, 'body', 'Body'), TEMPLATE_LIMITS.body, 'body', 'Body');
	const variables = variablesOf(body);
	const named = checkVariableNames(variables, 'body', 'The body');
	const trimmed = body.trim();
	if (variables.length > 0 && (/^\{\{[^}]+\}\}/.test(trimmed) || /\{\{[^}]+\}\}$/.test(trimmed))) {
		throw new PayloadError(
			'The body starts or ends with a variable, which WhatsApp does not approve',
			'body',
			'Put some text before the first and after the last variable, e.g. "Hi {{1}}, your order is ready."',
		);
	}
	const unknown = Object.keys(examples).filter((key) => !variables.includes(key));
	if (unknown.length > 0) {
		throw new PayloadError(
			`"Body Examples" names ${unknown.map((v) => `{{${v}}}`).join(', ')}, which the body does not use`,
			'bodyExamples',
			`The body's variables are ${variables.map((v) => `{{${v}}}`).join(', ') || 'none'}; remove the other examples or fix the body.`,
		);
	}
	const component: JsonRecord = { type: 'BODY', text: body };
	if (variables.length === 0) return component;
	if (named) {
		component.example = {
			body_text_named_params: variables.map((variable) => ({
				param_name: variable,
				example: exampleFor(examples, variable, 'bodyExamples'),
			})),
		};
	} else {
		const ordered = [...variables].sort((a, b) => Number(a) - Number(b));
		component.example = {
			body_text: [ordered.map((variable) => exampleFor(examples, variable, 'bodyExamples'))],
		};
	}
	return component;
}

function buildHeader(header: TemplateHeaderForm): JsonRecord {
	if (header.format === 'LOCATION') return { type: 'HEADER', format: 'LOCATION' };
	if (header.format !== 'TEXT') {
		const handle = requireText(header.handle, 'headerHandle', 'Header Sample').trim();
		return { type: 'HEADER', format: header.format, example: { header_handle: [handle] } };
	}
	const text = requireLength(header.text, TEMPLATE_LIMITS.headerText, 'headerText', 'Header Text');
	const variables = variablesOf(text);
	if (variables.length > 1) {
		throw new PayloadError(
			`The header has ${variables.length} variables; WhatsApp allows one`,
			'headerText',
			'Keep one variable in the header, e.g. "Order {{1}}", and move the others to the body.',
		);
	}
	const component: JsonRecord = { type: 'HEADER', format: 'TEXT', text };
	if (variables.length === 0) return component;
	const named = checkVariableNames(variables, 'headerText', 'The header');
	const example = requireText(header.example, 'headerExample', 'Header Example');
	component.example = named
		? { header_text_named_params: [{ param_name: variables[0], example }] }
		: { header_text: [example] };
	return component;
}

function buildFooter(text: string): JsonRecord {
	const footer = requireLength(text, TEMPLATE_LIMITS.footer, 'footer', 'Footer');
	if (variablesOf(footer).length > 0) {
		throw new PayloadError(
			'The footer has a variable; WhatsApp footers are fixed text',
			'footer',
			'Remove the {{…}} from the footer, or move it to the body.',
		);
	}
	return { type: 'FOOTER', text: footer };
}

function buttonText(text: unknown, at: number): string {
	return requireLength(text, TEMPLATE_LIMITS.buttonText, 'buttons', `Button ${at + 1} Text`);
}

function buildUrlButton(button: Extract<TemplateButtonForm, { type: 'URL' }>, at: number) {
	const url = checkLength(
		requireHttpUrl(button.url, 'buttons', `Button ${at + 1} URL`),
		TEMPLATE_LIMITS.url,
		'buttons',
		`Button ${at + 1} URL`,
	);
	const result: JsonRecord = { type: 'URL', text: buttonText(button.text, at), url };
	const variables = variablesOf(url);
	if (variables.length === 0) return result;
	if (variables.length > 1 || variables[0] !== '1' || !/\{\{\s*1\s*\}\}$/.test(url)) {
		throw new PayloadError(
			`Button ${at + 1}'s URL has a variable that is not a single {{1}} at its end`,
			'buttons',
			'Only the end of a button URL can vary, e.g. https://example.com/orders/{{1}}.',
		);
	}
	result.example = [requireHttpUrl(button.example, 'buttons', `Button ${at + 1} Example URL`)];
	return result;
}

function buildButton(button: TemplateButtonForm, at: number): JsonRecord {
	switch (button.type) {
		case 'QUICK_REPLY':
			return { type: 'QUICK_REPLY', text: buttonText(button.text, at) };
		case 'URL':
			return buildUrlButton(button, at);
		case 'PHONE_NUMBER': {
			const digits = String(button.phoneNumber ?? '').replace(/[\s\-().]/g, '');
			if (!/^\+?\d{5,19}$/.test(digits)) {
				throw new PayloadError(
					`Button ${at + 1}'s phone number "${button.phoneNumber}" is not a phone number`,
					'buttons',
					'Use the number with country code, e.g. +49 30 1234567.',
				);
			}
			const phone = digits.startsWith('+') ? digits : `+${digits}`;
			return { type: 'PHONE_NUMBER', text: buttonText(button.text, at), phone_number: phone };
		}
		case 'COPY_CODE':
			return {
				type: 'COPY_CODE',
				example: requireLength(
					button.example,
					TEMPLATE_LIMITS.couponCode,
					'buttons',
					`Button ${at + 1} Example Code`,
				),
			};
	}
}

function buildButtons(buttons: TemplateButtonForm[]): JsonRecord {
	checkCount(buttons, TEMPLATE_LIMITS.buttons, 'buttons', 'Buttons');
	const built = buttons.map(buildButton);
	const count = (type: string) => built.filter((button) => button.type === type).length;
	const limits: Array<[string, number, string]> = [
		['URL', TEMPLATE_LIMITS.urlButtons, 'URL'],
		['PHONE_NUMBER', TEMPLATE_LIMITS.phoneButtons, 'phone number'],
		['COPY_CODE', 1, 'copy code'],
	];
	for (const [type, max, label] of limits) {
		if (count(type) > max) {
			throw new PayloadError(
				`The template has ${count(type)} ${label} buttons; WhatsApp allows ${max}`,
				'buttons',
				`Remove ${count(type) - max} of the ${label} buttons.`,
			);
		}
	}
	const quick = built.map((button) => button.type === 'QUICK_REPLY');
	const groups = quick.filter((isQuick, at) => at === 0 || isQuick !== quick[at - 1]).length;
	if (groups > 2) {
		throw new PayloadError(
			'Quick reply buttons are mixed in between the other buttons',
			'buttons',
			'Put all quick reply buttons together, before or after the URL, phone and copy-code buttons.',
		);
	}
	return { type: 'BUTTONS', buttons: built };
}

/** The components of the form, in the order WhatsApp shows them. */
export function buildTemplateComponents(form: TemplateForm): JsonRecord[] {
	const components: JsonRecord[] = [];
	if (form.header) components.push(buildHeader(form.header));
	components.push(buildBody(form.body, form.bodyExamples ?? {}));
	if (form.footer !== undefined && form.footer.trim() !== '')
		components.push(buildFooter(form.footer));
	if (form.buttons && form.buttons.length > 0) components.push(buildButtons(form.buttons));
	return components;
}

const COMPONENTS_EXAMPLE =
	'[{"type":"BODY","text":"Hi {{1}}!","example":{"body_text":[["Jane"]]}}]';

/** Components typed as JSON: an array of objects with a `type`; the API checks the rest. */
export function parseTemplateDefinitionComponents(value: unknown): JsonRecord[] {
	const parsed = parseJsonField(value, 'componentsJson', 'Components (JSON)', COMPONENTS_EXAMPLE);
	const list =
		isJsonObject(parsed) && Array.isArray(parsed.components) ? parsed.components : parsed;
	if (!Array.isArray(list) || list.length === 0) {
		throw new PayloadError(
			'Components (JSON) is not a list of components',
			'componentsJson',
			`Give an array of components, e.g. ${COMPONENTS_EXAMPLE}.`,
		);
	}
	list.forEach((component, at) => {
		if (!isJsonObject(component) || typeof component.type !== 'string') {
			throw new PayloadError(
				`Component ${at + 1} of Components (JSON) has no "type"`,
				'componentsJson',
				'Each component is an object with a type: HEADER, BODY, FOOTER, BUTTONS or CAROUSEL.',
			);
		}
	});
	if (!list.some((component) => String(component.type).toUpperCase() === 'BODY')) {
		throw new PayloadError(
			'Components (JSON) has no BODY',
			'componentsJson',
			`Every template has a BODY component, e.g. ${COMPONENTS_EXAMPLE}.`,
		);
	}
	return list as JsonRecord[];
}

/** The body of POST /v1/configs/templates. */
export function buildTemplateDefinition(input: TemplateDefinitionInput): JsonRecord {
	const definition: JsonRecord = {
		name: requireNewTemplateName(input.name),
		language: normalizeLanguageCode(input.language),
		category: requireCategory(input.category),
		components: input.components,
	};
	if (input.allowCategoryChange !== undefined)
		definition.allow_category_change = input.allowCategoryChange;
	return definition;
}
