/**
 * The `components` of a template send, built from the values of the template's variables (see
 * templateVariables.ts). Every value is checked against the template before anything is sent: a missing
 * variable, or a value for one the template does not have, is refused with its name, rather than answered
 * by WhatsApp with 132000 after the fact.
 */
import { requireMediaId } from '../ids';
import { isJsonObject } from '../json';
import type { JsonRecord } from '../json';
import { LIMITS, PayloadError, checkLength, parseJsonField, requireHttpUrl } from '../validation';
import type {
	ButtonSlot,
	HeaderSlot,
	MessagePart,
	Placeholder,
	TemplateModel,
} from './templateModel';
import {
	MESSAGE,
	bodyVariables,
	buttonVariables,
	cardScope,
	codeVariable,
	headerVariables,
	offerVariables,
	templateVariables,
} from './templateVariables';
import type { Scope, TemplateValues, TemplateVariable } from './templateVariables';

/** The node parameter the values come from; named in every error. */
export const VARIABLES_FIELD = 'templateVariables';

function missing(variable: TemplateVariable, model: TemplateModel): PayloadError {
	return new PayloadError(
		`The template variable "${variable.name}" is empty`,
		VARIABLES_FIELD,
		`Fill in "${variable.name}" under Template Variables, or map a value to it: ${model.title} needs every one of its variables.`,
	);
}

/** The value of `variable` as text; undefined when it is empty and optional. */
function readText(
	values: TemplateValues,
	variable: TemplateVariable,
	model: TemplateModel,
): string | undefined {
	const raw = values[variable.id];
	if (raw !== undefined && raw !== null && typeof raw === 'object') {
		throw new PayloadError(
			`The template variable "${variable.name}" is an object, not text`,
			VARIABLES_FIELD,
			`Map a text or number to "${variable.name}", e.g. {{ $json.name }} rather than {{ $json }}.`,
		);
	}
	const text = raw === undefined || raw === null ? '' : String(raw);
	if (text.trim() !== '') return text;
	if (variable.required) throw missing(variable, model);
	return undefined;
}

/** WhatsApp refuses (132018) a variable with a line break, a tab, or more than 4 spaces in a row. */
function parameterText(text: string, variable: TemplateVariable): string {
	if (/[\n\r\t]| {5,}/.test(text)) {
		throw new PayloadError(
			`The template variable "${variable.name}" contains a line break, a tab or more than 4 spaces in a row`,
			VARIABLES_FIELD,
			`WhatsApp refuses those in template variables: remove them, e.g. {{ $json.text.replace(/\\s+/g, ' ') }}.`,
		);
	}
	return text;
}

class VariableValues {
	constructor(
		private readonly values: TemplateValues,
		readonly model: TemplateModel,
	) {}

	text(variable: TemplateVariable): string | undefined {
		return readText(this.values, variable, this.model);
	}

	/** Required variables only: never undefined. */
	required(variable: TemplateVariable): string {
		return this.text(variable) as string;
	}

	raw(variable: TemplateVariable): unknown {
		return this.values[variable.id];
	}
}

function textParameter(text: string, placeholder: Placeholder, named: boolean): JsonRecord {
	const parameter: JsonRecord = { type: 'text', text };
	if (named) parameter.parameter_name = placeholder.name;
	return parameter;
}

function mediaObject(variable: TemplateVariable, value: string): JsonRecord {
	const trimmed = value.trim();
	if (/^https?:\/\//i.test(trimmed))
		return { link: requireHttpUrl(trimmed, VARIABLES_FIELD, variable.name) };
	if (/^\d+$/.test(trimmed)) return { id: requireMediaId(trimmed, VARIABLES_FIELD) };
	throw new PayloadError(
		`The template variable "${variable.name}" is neither a link nor a media ID: "${trimmed}"`,
		VARIABLES_FIELD,
		'Give a public https:// link to the file, or the numeric media ID of a file uploaded with Media → Upload.',
	);
}

function coordinate(variable: TemplateVariable, value: string, limit: number): number {
	const number = Number(value);
	if (!Number.isFinite(number) || Math.abs(number) > limit) {
		throw new PayloadError(
			`The template variable "${variable.name}" is not a coordinate: "${value}"`,
			VARIABLES_FIELD,
			`Give decimal degrees from -${limit} to ${limit}, e.g. 52.520008.`,
		);
	}
	return number;
}

function headerParameter(scope: Scope, header: HeaderSlot, values: VariableValues): JsonRecord {
	const variables = headerVariables(scope, header);
	if (header.kind === 'text') {
		const [text] = variables;
		return textParameter(
			parameterText(values.required(text), text),
			header.placeholder,
			values.model.named,
		);
	}
	if (header.kind === 'location') {
		const [latitude, longitude, name, address] = variables;
		const location: JsonRecord = {
			latitude: coordinate(latitude, values.required(latitude), 90),
			longitude: coordinate(longitude, values.required(longitude), 180),
		};
		const placeName = values.text(name);
		const placeAddress = values.text(address);
		if (placeName) location.name = placeName.trim();
		if (placeAddress) location.address = placeAddress.trim();
		return { type: 'location', location };
	}
	const [media, filename] = variables;
	const object = mediaObject(media, values.required(media));
	const name = filename ? values.text(filename)?.trim() : undefined;
	if (name) object.filename = checkLength(name, LIMITS.filename, VARIABLES_FIELD, filename.name);
	return { type: header.format, [header.format]: object };
}

function bodyComponent(
	scope: Scope,
	body: Placeholder[],
	values: VariableValues,
): JsonRecord | undefined {
	if (body.length === 0) return undefined;
	const variables = bodyVariables(scope, body);
	return {
		type: 'body',
		parameters: body.map((placeholder, at) =>
			textParameter(
				parameterText(values.required(variables[at]), variables[at]),
				placeholder,
				values.model.named,
			),
		),
	};
}

function flowAction(token: string | undefined, data: unknown, variable: TemplateVariable) {
	const action: JsonRecord = {};
	if (token) action.flow_token = token.trim();
	const blank = data === undefined || data === null || (typeof data === 'string' && !data.trim());
	if (blank) return action;
	const parsed = parseJsonField(data, VARIABLES_FIELD, variable.name, '{"guests": 2}');
	if (!isJsonObject(parsed)) {
		throw new PayloadError(
			`The template variable "${variable.name}" is not a JSON object`,
			VARIABLES_FIELD,
			'Give the data of the flow\'s first screen as an object, e.g. {"guests": 2}.',
		);
	}
	action.flow_action_data = parsed;
	return action;
}

const buttonComponent = (button: ButtonSlot, subType: string, parameter: JsonRecord) => ({
	type: 'button',
	sub_type: subType,
	index: String(button.index),
	parameters: [parameter],
});

function buttonComponents(
	scope: Scope,
	button: ButtonSlot,
	values: VariableValues,
	code: string | undefined,
): JsonRecord[] {
	const [first, second] = buttonVariables(scope, button);
	switch (button.kind) {
		case 'url': {
			const suffix = values.required(first).trim();
			return [buttonComponent(button, 'url', { type: 'text', text: suffix })];
		}
		case 'quick_reply': {
			const payload = values.text(first);
			return payload ? [buttonComponent(button, 'quick_reply', { type: 'payload', payload })] : [];
		}
		case 'copy_code': {
			const coupon = checkLength(
				values.required(first).trim(),
				LIMITS.couponCode,
				VARIABLES_FIELD,
				first.name,
			);
			return [buttonComponent(button, 'copy_code', { type: 'coupon_code', coupon_code: coupon })];
		}
		case 'flow': {
			const action = flowAction(values.text(first), values.raw(second), second);
			if (Object.keys(action).length === 0) return [];
			return [buttonComponent(button, 'flow', { type: 'action', action })];
		}
		default:
			return code === undefined
				? []
				: [buttonComponent(button, 'url', { type: 'text', text: code })];
	}
}

function partComponents(
	scope: Scope,
	part: MessagePart,
	values: VariableValues,
	code?: string,
): JsonRecord[] {
	const header = part.header
		? [{ type: 'header', parameters: [headerParameter(scope, part.header, values)] }]
		: [];
	const body =
		code === undefined
			? bodyComponent(scope, part.body, values)
			: { type: 'body', parameters: [{ type: 'text', text: code }] };
	return [
		...header,
		...(body ? [body] : []),
		...part.buttons.flatMap((button) => buttonComponents(scope, button, values, code)),
	];
}

/** Unix milliseconds from a date and time (ISO 8601, with a zone) or from milliseconds themselves. */
function expirationMs(variable: TemplateVariable, value: string): number {
	const text = value.trim();
	const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
	if (!Number.isSafeInteger(ms) || ms <= 0) {
		throw new PayloadError(
			`The template variable "${variable.name}" is not a date and time: "${text}"`,
			VARIABLES_FIELD,
			'Give a date and time with its zone, e.g. 2026-12-31T23:59:00Z or {{ $now.plus(2, "days").toISO() }}, or Unix milliseconds.',
		);
	}
	return ms;
}

function offerComponent(model: TemplateModel, values: VariableValues): JsonRecord[] {
	const [expiration] = offerVariables(model);
	if (!expiration) return [];
	const ms = expirationMs(expiration, values.required(expiration));
	return [
		{
			type: 'limited_time_offer',
			parameters: [{ type: 'limited_time_offer', limited_time_offer: { expiration_time_ms: ms } }],
		},
	];
}

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && !value.trim());
}

/** Values given for variables the template does not have: the template changed, or another one was picked. */
function checkKnown(model: TemplateModel, values: TemplateValues): void {
	const known = new Set(templateVariables(model).map((variable) => variable.id));
	const unknown = Object.keys(values).filter((id) => !known.has(id) && !isBlank(values[id]));
	if (unknown.length === 0) return;
	const names = unknown.map((id) => `"${id}"`).join(', ');
	throw new PayloadError(
		`${model.title} has no variable ${names}`,
		VARIABLES_FIELD,
		`The template has changed, or another template was chosen, since the fields were filled in: refresh the fields under Template Variables and remove ${names}.`,
	);
}

/** The `components` of a send of the template `model`, from the values of its variables. */
export function buildMappedComponents(model: TemplateModel, values: TemplateValues): JsonRecord[] {
	if (model.unsupported.length > 0) {
		throw new PayloadError(
			`${model.title} has ${model.unsupported.join(' and ')}, which Template Variables cannot fill`,
			VARIABLES_FIELD,
			'Send this template with Template Parameters "Using JSON" and give the components there.',
		);
	}
	checkKnown(model, values);
	const reader = new VariableValues(values, model);
	const code = model.authentication
		? parameterText(reader.required(codeVariable(model)).trim(), codeVariable(model))
		: undefined;
	const cards = model.cards.map((card, at) => ({
		card_index: at,
		components: partComponents(cardScope(at), card, reader),
	}));
	const own = partComponents(MESSAGE, model, reader, code);
	const firstButton = own.findIndex((component) => component.type === 'button');
	const split = firstButton === -1 ? own.length : firstButton;
	return [
		...own.slice(0, split),
		...offerComponent(model, reader),
		...own.slice(split),
		...(cards.length > 0 ? [{ type: 'carousel', cards }] : []),
	];
}
