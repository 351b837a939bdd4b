/**
 * The variables of one template as fields a person fills in: one per value a send needs, keyed by a stable
 * id, labelled with the template's own text around it and its example, required where the send needs it.
 */
import { LIMITS } from '../validation';
import type {
	ButtonSlot,
	HeaderSlot,
	MessagePart,
	Placeholder,
	TemplateModel,
} from './templateModel';

export interface TemplateVariable {
	/** The key of the value, e.g. `body_1`, `header_image`, `button_2_url`, `card_1_body_1`. */
	id: string;
	/** Short, for messages: `Body {{1}}`. */
	name: string;
	/** For the field: the name, the template's text around it, and its example. */
	label: string;
	required: boolean;
	type: 'string' | 'number' | 'object';
}

export type TemplateValues = Record<string, unknown>;

/** Where a part of the template sits: the message itself, or carousel card n (from 1). */
export interface Scope {
	id: string;
	name: string;
}

export const MESSAGE: Scope = { id: '', name: '' };
export const cardScope = (at: number): Scope => ({
	id: `card_${at + 1}_`,
	name: `Card ${at + 1} · `,
});

const quoted = (text: string) => `"${text}"`;
const hint = (example: string | undefined) => (example ? ` — e.g. ${example}` : '');

function variable(
	scope: Scope,
	id: string,
	name: string,
	detail: string,
	required: boolean,
	type: TemplateVariable['type'] = 'string',
): TemplateVariable {
	const fullName = `${scope.name}${name}`;
	return {
		id: `${scope.id}${id}`,
		name: fullName,
		label: `${fullName}: ${detail}`,
		required,
		type,
	};
}

const placeholderLabel = (placeholder: Placeholder) =>
	`${quoted(placeholder.context)}${hint(placeholder.example)}`;

export function headerVariables(scope: Scope, header: HeaderSlot | undefined): TemplateVariable[] {
	if (!header) return [];
	if (header.kind === 'text') {
		const { placeholder } = header;
		return [
			variable(
				scope,
				'header_text',
				`Header {{${placeholder.name}}}`,
				placeholderLabel(placeholder),
				true,
			),
		];
	}
	if (header.kind === 'location') {
		return [
			variable(
				scope,
				'header_latitude',
				'Header location latitude',
				'e.g. 52.520008',
				true,
				'number',
			),
			variable(
				scope,
				'header_longitude',
				'Header location longitude',
				'e.g. 13.404954',
				true,
				'number',
			),
			variable(
				scope,
				'header_location_name',
				'Header location name',
				'e.g. Brandenburg Gate',
				false,
			),
			variable(
				scope,
				'header_location_address',
				'Header location address',
				'e.g. Pariser Platz, Berlin',
				false,
			),
		];
	}
	const media = variable(
		scope,
		`header_${header.format}`,
		`Header ${header.format}`,
		'a public link (https://…) or the media ID of an uploaded file',
		true,
	);
	if (header.format !== 'document') return [media];
	return [
		media,
		variable(
			scope,
			'header_document_filename',
			'Header document file name',
			'e.g. invoice.pdf',
			false,
		),
	];
}

export function bodyVariables(scope: Scope, body: Placeholder[]): TemplateVariable[] {
	return body.map((placeholder) =>
		variable(
			scope,
			`body_${placeholder.name}`,
			`Body {{${placeholder.name}}}`,
			placeholderLabel(placeholder),
			true,
		),
	);
}

export function buttonVariables(scope: Scope, button: ButtonSlot): TemplateVariable[] {
	const id = `button_${button.index + 1}_`;
	const name = `Button ${button.index + 1} ${quoted(button.text)}`;
	switch (button.kind) {
		case 'url':
			return [
				variable(
					scope,
					`${id}url`,
					`${name} URL`,
					`end of ${button.url}${hint(button.placeholder.example)}`,
					true,
				),
			];
		case 'quick_reply':
			return [
				variable(
					scope,
					`${id}payload`,
					`${name} payload`,
					'what your workflow receives when it is tapped',
					false,
				),
			];
		case 'copy_code':
			return [
				variable(
					scope,
					`${id}coupon_code`,
					`${name} code`,
					`the code it copies, up to ${LIMITS.couponCode} characters${hint(button.example)}`,
					true,
				),
			];
		case 'flow':
			return [
				variable(
					scope,
					`${id}flow_token`,
					`${name} flow token`,
					"identifies the session in your flow endpoint's requests",
					false,
				),
				variable(
					scope,
					`${id}flow_action_data`,
					`${name} flow data`,
					"the first screen's data, as a JSON object",
					false,
					'object',
				),
			];
		default:
			// Code buttons of authentication templates carry the one verification code.
			return [];
	}
}

export function partVariables(scope: Scope, part: MessagePart): TemplateVariable[] {
	return [
		...headerVariables(scope, part.header),
		...bodyVariables(scope, part.body),
		...part.buttons.flatMap((button) => buttonVariables(scope, button)),
	];
}

/** Authentication templates: one code fills the body's {{1}} and every code button. */
export function codeVariable(model: TemplateModel): TemplateVariable {
	const [placeholder] = model.body;
	const buttons = model.buttons
		.filter((button) => button.kind === 'otp')
		.map((button) => `the ${quoted(button.text)} button`);
	const fills = [placeholder ? quoted(placeholder.context) : 'the body', ...buttons].join(' and ');
	return variable(
		MESSAGE,
		'code',
		'Verification code',
		`fills ${fills}${hint(placeholder?.example)}`,
		true,
	);
}

export function offerVariables(model: TemplateModel): TemplateVariable[] {
	if (!model.offer?.hasExpiration) return [];
	const what = model.offer.text ? quoted(model.offer.text) : 'the offer';
	return [
		variable(
			MESSAGE,
			'offer_expiration',
			'Offer expiration',
			`when ${what} ends: a date and time such as 2026-12-31T23:59:00Z, or Unix milliseconds`,
			true,
		),
	];
}

/** The fields of a template, in the order of the message: header, body, offer, buttons, then each card. */
export function templateVariables(model: TemplateModel): TemplateVariable[] {
	return [
		...headerVariables(MESSAGE, model.header),
		...(model.authentication ? [codeVariable(model)] : bodyVariables(MESSAGE, model.body)),
		...offerVariables(model),
		...model.buttons.flatMap((button) => buttonVariables(MESSAGE, button)),
		...model.cards.flatMap((card, at) => partVariables(cardScope(at), card)),
	];
}
