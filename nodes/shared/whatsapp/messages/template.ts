/**
 * Template messages: an approved template by name and language, and the values of its placeholders
 * (header, body, buttons) as WhatsApp's `components`, either built from plain fields or given as JSON.
 */
import { requireMediaId } from '../ids';
import { isJsonObject } from '../json';
import type { JsonRecord } from '../json';
import {
	checkLength,
	findDuplicate,
	isTemplateName,
	LIMITS,
	optionalLength,
	parseJsonField,
	PayloadError,
	requireHttpUrl,
	requireText,
} from '../validation';

export type MediaKind = 'image' | 'video' | 'document';

export interface MediaSource {
	link?: string;
	id?: string;
	/** Documents only: the name the recipient sees. */
	filename?: string;
}

export type TemplateHeaderInput =
	| { type: 'text'; text: string; parameterName?: string }
	| ({ type: MediaKind } & MediaSource);

interface Named {
	/** For templates with named placeholders ({{first_name}}): the placeholder's name. */
	parameterName?: string;
}

export type BodyParameterInput =
	| ({ type: 'text'; text: string } & Named)
	/** `amount` as typed by a person (100.99); `fallbackValue` defaults to "<amount> <code>". */
	| ({ type: 'currency'; amount: string | number; code: string; fallbackValue?: string } & Named)
	| ({ type: 'date_time'; fallbackValue: string } & Named);

export type ButtonParameterInput = { index: number | string } & (
	| { subType: 'quick_reply'; payload: string }
	| { subType: 'url'; text: string }
	| { subType: 'copy_code'; couponCode: string }
);

export interface TemplateFields {
	header?: TemplateHeaderInput;
	bodyParameters?: BodyParameterInput[];
	buttons?: ButtonParameterInput[];
}

export interface TemplateInput {
	name: string;
	languageCode: string;
	components?: JsonRecord[];
}

export interface TemplateMessage {
	name: string;
	language: { code: string };
	components?: JsonRecord[];
}

const TEMPLATE_VALUE_SEPARATOR = '|';

/** The value a template picked from a list carries: its name and its language, e.g. `order_update|en_US`. */
export function templateValue(name: string, language: string): string {
	return `${name}${TEMPLATE_VALUE_SEPARATOR}${language}`;
}

/** Reads a template value back: `order_update|en_US`, or just `order_update` when chosen by name. */
export function splitTemplateValue(value: string): { name: string; language?: string } {
	const at = value.lastIndexOf(TEMPLATE_VALUE_SEPARATOR);
	if (at === -1) return { name: value.trim() };
	return { name: value.slice(0, at).trim(), language: value.slice(at + 1).trim() || undefined };
}

function templateName(value: unknown): string {
	const name = checkLength(
		requireText(value, 'template', 'Template').trim(),
		LIMITS.templateName,
		'template',
		'Template',
	);
	if (!isTemplateName(name)) {
		throw new PayloadError(
			`"${name}" is not a template name`,
			'template',
			'Template names use only lowercase letters, digits and underscores, e.g. order_update; pick the template from the list to be sure.',
		);
	}
	return name;
}

/** `en`, `en_US`, `pt_BR`; `en-us` is read as `en_US`. */
export function normalizeLanguageCode(value: unknown): string {
	const raw = requireText(value, 'languageCode', 'Language Code').trim();
	const match = /^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z0-9]{2,4}))?$/.exec(raw);
	if (!match) {
		throw new PayloadError(
			`"${raw}" is not a language code`,
			'languageCode',
			'Use the language code of the approved template, e.g. en, en_US or pt_BR.',
		);
	}
	const [, language, region] = match;
	return region ? `${language.toLowerCase()}_${region.toUpperCase()}` : language.toLowerCase();
}

export function buildTemplateMessage(input: TemplateInput): TemplateMessage {
	const message: TemplateMessage = {
		name: templateName(input.name),
		language: { code: normalizeLanguageCode(input.languageCode) },
	};
	if (input.components && input.components.length > 0) message.components = input.components;
	return message;
}

/** The `{ type, <type>: { link | id } }` object of a media header, shared by templates and interactive messages. */
export function buildMediaHeader(type: MediaKind, source: MediaSource): JsonRecord {
	const link = source.link?.trim();
	const id = source.id?.trim();
	if (link && id) {
		throw new PayloadError(
			`The header ${type} has both a link and a media ID`,
			'headerMediaLink',
			'Give either the link or the media ID, not both.',
		);
	}
	if (!link && !id) {
		throw new PayloadError(
			`The header ${type} has no link or media ID`,
			'headerMediaLink',
			'Give a public https:// link to the file, or the media ID of an uploaded file.',
		);
	}
	const media: JsonRecord = link
		? { link: requireHttpUrl(link, 'headerMediaLink', `Header ${type} link`) }
		: { id: requireMediaId(id, 'headerMediaId') };
	const filename =
		type === 'document'
			? optionalLength(source.filename?.trim(), LIMITS.filename, 'headerFilename', 'File Name')
			: undefined;
	if (filename) media.filename = filename;
	return { type, [type]: media };
}

function named(parameter: JsonRecord, parameterName: string | undefined): JsonRecord {
	const name = parameterName?.trim();
	return name ? { ...parameter, parameter_name: name } : parameter;
}

function headerComponent(header: TemplateHeaderInput): JsonRecord {
	const parameter =
		header.type === 'text'
			? named(
					{ type: 'text', text: requireText(header.text, 'headerText', 'Header Text') },
					header.parameterName,
				)
			: buildMediaHeader(header.type, header);
	return { type: 'header', parameters: [parameter] };
}

/** Converts an amount as a person types it (100.99) to WhatsApp's thousandths (100990), without float error. */
export function toAmount1000(amount: unknown, field: string, label: string): number {
	const text =
		typeof amount === 'number' ? String(amount) : typeof amount === 'string' ? amount.trim() : '';
	const match = /^(\d+)(?:\.(\d{1,3}))?$/.exec(text);
	const value = match ? Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0')) : NaN;
	if (!Number.isSafeInteger(value)) {
		throw new PayloadError(
			`${label} "${text}" is not an amount`,
			field,
			'Type the amount with a dot before at most 3 decimals and no thousands separator, e.g. 1250.99.',
		);
	}
	return value;
}

function bodyParameter(parameter: BodyParameterInput, n: number): JsonRecord {
	const label = `Body parameter ${n}`;
	if (parameter.type === 'text') {
		return named(
			{ type: 'text', text: requireText(parameter.text, 'bodyParameters', `${label} text`) },
			parameter.parameterName,
		);
	}
	if (parameter.type === 'date_time') {
		const fallback = requireText(
			parameter.fallbackValue,
			'bodyParameters',
			`${label} date and time`,
		);
		return named(
			{ type: 'date_time', date_time: { fallback_value: fallback } },
			parameter.parameterName,
		);
	}
	const amount1000 = toAmount1000(parameter.amount, 'bodyParameters', `${label} amount`);
	const code = requireText(parameter.code, 'bodyParameters', `${label} currency code`)
		.trim()
		.toUpperCase();
	if (!/^[A-Z]{3}$/.test(code)) {
		throw new PayloadError(
			`${label}: "${code}" is not a currency code`,
			'bodyParameters',
			'Use the three-letter ISO 4217 code, e.g. USD, EUR or BRL.',
		);
	}
	const fallback = parameter.fallbackValue?.trim() || `${String(parameter.amount).trim()} ${code}`;
	return named(
		{ type: 'currency', currency: { fallback_value: fallback, code, amount_1000: amount1000 } },
		parameter.parameterName,
	);
}

/** Named ({{first_name}}) and numbered ({{1}}) placeholders cannot be mixed in one template body. */
function checkNaming(parameters: JsonRecord[], field: string): void {
	const names = parameters.map((parameter) => parameter.parameter_name);
	const namedCount = names.filter((name) => name !== undefined).length;
	if (namedCount > 0 && namedCount < parameters.length) {
		throw new PayloadError(
			`${namedCount} of ${parameters.length} body parameters have a parameter name and the others do not`,
			field,
			'For a template with named placeholders ({{first_name}}) give every body parameter its name; for numbered placeholders ({{1}}) leave all names empty.',
		);
	}
	// Past the check above, either every parameter has a name or none has.
	const duplicate = namedCount > 0 ? findDuplicate(names) : undefined;
	if (duplicate) {
		throw new PayloadError(
			`The parameter name "${String(names[duplicate[1]])}" is used twice`,
			field,
			'Give each body parameter the name of a different placeholder.',
		);
	}
}

function bodyComponent(parameters: BodyParameterInput[]): JsonRecord {
	const built = parameters.map((parameter, at) => bodyParameter(parameter, at + 1));
	checkNaming(built, 'bodyParameters');
	return { type: 'body', parameters: built };
}

function buttonIndex(value: unknown, n: number): string {
	const text = String(value ?? '').trim();
	if (!/^\d$/.test(text)) {
		throw new PayloadError(
			`Button ${n}: the position "${text}" is not a number from 0 to 9`,
			'buttonParameters',
			"Give the button's position in the template: 0 for the first button, 1 for the second, and so on.",
		);
	}
	return text;
}

function buttonParameter(button: ButtonParameterInput, n: number): JsonRecord {
	const label = `Button ${n}`;
	if (button.subType === 'quick_reply') {
		return {
			type: 'payload',
			payload: requireText(button.payload, 'buttonParameters', `${label} payload`),
		};
	}
	if (button.subType === 'url') {
		return {
			type: 'text',
			text: requireText(button.text, 'buttonParameters', `${label} URL suffix`).trim(),
		};
	}
	const code = checkLength(
		requireText(button.couponCode, 'buttonParameters', `${label} coupon code`).trim(),
		LIMITS.couponCode,
		'buttonParameters',
		`${label} coupon code`,
	);
	return { type: 'coupon_code', coupon_code: code };
}

function buttonComponents(buttons: ButtonParameterInput[]): JsonRecord[] {
	const indexes = buttons.map((button, at) => buttonIndex(button.index, at + 1));
	const duplicate = findDuplicate(indexes);
	if (duplicate) {
		const [first, again] = duplicate;
		throw new PayloadError(
			`Buttons ${first + 1} and ${again + 1} both use position ${indexes[again]}`,
			'buttonParameters',
			'Give each button the position it has in the template (0 for the first, 1 for the second, ...).',
		);
	}
	return buttons.map((button, at) => ({
		type: 'button',
		sub_type: button.subType,
		index: indexes[at],
		parameters: [buttonParameter(button, at + 1)],
	}));
}

/** The `components` of a template message, from plain fields; empty parts are left out. */
export function buildTemplateComponents(fields: TemplateFields): JsonRecord[] {
	const components: JsonRecord[] = [];
	if (fields.header) components.push(headerComponent(fields.header));
	if (fields.bodyParameters?.length) components.push(bodyComponent(fields.bodyParameters));
	if (fields.buttons?.length) components.push(...buttonComponents(fields.buttons));
	return components;
}

const JSON_FIELD = 'componentsJson';
const JSON_EXAMPLE = '[{"type":"body","parameters":[{"type":"text","text":"Jane"}]}]';

function checkOnce(components: JsonRecord[], type: string): void {
	const count = components.filter(
		(component) => String(component.type).toLowerCase() === type,
	).length;
	if (count > 1) {
		throw new PayloadError(
			`Components (JSON) has ${count} "${type}" components; a template message has at most one`,
			JSON_FIELD,
			`Put all ${type} parameters into a single {"type":"${type}","parameters":[...]} component.`,
		);
	}
}

/** The components a person pasted (JSON text, or an array from an expression), checked for shape. */
export function parseTemplateComponents(value: unknown): JsonRecord[] {
	const blank =
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
	const parsed = blank ? [] : parseJsonField(value, JSON_FIELD, 'Components (JSON)', JSON_EXAMPLE);
	if (!Array.isArray(parsed)) {
		throw new PayloadError(
			'Components (JSON) must be an array of components',
			JSON_FIELD,
			`Wrap the components in [ ], e.g. ${JSON_EXAMPLE}; only the components array goes here, not the whole template.`,
		);
	}
	parsed.forEach((component, at) => {
		if (
			!isJsonObject(component) ||
			typeof component.type !== 'string' ||
			component.type.trim() === ''
		) {
			throw new PayloadError(
				`Component ${at + 1} of Components (JSON) has no "type"`,
				JSON_FIELD,
				'Each component is an object with a "type": "header", "body" or "button".',
			);
		}
	});
	const components = parsed as JsonRecord[];
	checkOnce(components, 'header');
	checkOnce(components, 'body');
	for (const component of components) {
		if (String(component.type).toLowerCase() === 'body' && Array.isArray(component.parameters)) {
			checkNaming(component.parameters.filter(isJsonObject), JSON_FIELD);
		}
	}
	return components;
}
