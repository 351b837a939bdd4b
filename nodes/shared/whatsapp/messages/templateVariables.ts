/**
 * The variables of one template as fields a person fills in: one per value a send needs, keyed by a stable
 * id, with a short label, the template's own text around it and its example, required where the send needs it.
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
	/** For messages, naming the part by its own text: `Button 1 "Track parcel" URL`. */
	name: string;
	/** The field's label, short enough for n8n's default panel: `Body {{1}}`, `Button 1 {{1}}`. */
	label: string;
	/** What the variable fills: the template's text around it and its example. */
	detail: string;
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

interface VariableShape {
	id: string;
	name: string;
	/** Defaults to the name. */
	label?: string;
	detail: string;
	required: boolean;
	type?: TemplateVariable['type'];
}

function variable(scope: Scope, shape: VariableShape): TemplateVariable {
	return {
		id: `${scope.id}${shape.id}`,
		name: `${scope.name}${shape.name}`,
		label: `${scope.name}${shape.label ?? shape.name}`,
		detail: shape.detail,
		required: shape.required,
		type: shape.type ?? 'string',
	};
}

const placeholderDetail = (placeholder: Placeholder) =>
	`${quoted(placeholder.context)}${hint(placeholder.example)}`;

export function headerVariables(scope: Scope, header: HeaderSlot | undefined): TemplateVariable[] {
	if (!header) return [];
	if (header.kind === 'text') {
		const { placeholder } = header;
		return [
			variable(scope, {
				id: 'header_text',
				name: `Header {{${placeholder.name}}}`,
				detail: placeholderDetail(placeholder),
				required: true,
			}),
		];
	}
	if (header.kind === 'location') {
		return [
			variable(scope, {
				id: 'header_latitude',
				name: 'Header location latitude',
				label: 'Header latitude',
				detail: 'e.g. 52.520008',
				required: true,
				type: 'number',
			}),
			variable(scope, {
				id: 'header_longitude',
				name: 'Header location longitude',
				label: 'Header longitude',
				detail: 'e.g. 13.404954',
				required: true,
				type: 'number',
			}),
			variable(scope, {
				id: 'header_location_name',
				name: 'Header location name',
				label: 'Header place name',
				detail: 'e.g. Brandenburg Gate',
				required: false,
			}),
			variable(scope, {
				id: 'header_location_address',
				name: 'Header location address',
				label: 'Header address',
				detail: 'e.g. Pariser Platz, Berlin',
				required: false,
			}),
		];
	}
	const media = variable(scope, {
		id: `header_${header.format}`,
		name: `Header ${header.format}`,
		detail: 'a public link (https://…) or the media ID of an uploaded file',
		required: true,
	});
	if (header.format !== 'document') return [media];
	return [
		media,
		variable(scope, {
			id: 'header_document_filename',
			name: 'Header document file name',
			label: 'Header file name',
			detail: 'e.g. invoice.pdf',
			required: false,
		}),
	];
}

export function bodyVariables(scope: Scope, body: Placeholder[]): TemplateVariable[] {
	return body.map((placeholder) =>
		variable(scope, {
			id: `body_${placeholder.name}`,
			name: `Body {{${placeholder.name}}}`,
			detail: placeholderDetail(placeholder),
			required: true,
		}),
	);
}

export function buttonVariables(scope: Scope, button: ButtonSlot): TemplateVariable[] {
	const id = `button_${button.index + 1}_`;
	const short = `Button ${button.index + 1}`;
	const name = `${short} ${quoted(button.text)}`;
	const which = `the ${quoted(button.text)} button`;
	switch (button.kind) {
		case 'url':
			return [
				variable(scope, {
					id: `${id}url`,
					name: `${name} URL`,
					label: `${short} {{${button.placeholder.name}}}`,
					detail: `${which}: end of ${button.url}${hint(button.placeholder.example)}`,
					required: true,
				}),
			];
		case 'quick_reply':
			return [
				variable(scope, {
					id: `${id}payload`,
					name: `${name} payload`,
					label: `${short} payload`,
					detail: `${which}: what your workflow receives when it is tapped`,
					required: false,
				}),
			];
		case 'copy_code':
			return [
				variable(scope, {
					id: `${id}coupon_code`,
					name: `${name} code`,
					label: `${short} code`,
					detail: `${which}: the code it copies, up to ${LIMITS.couponCode} characters${hint(button.example)}`,
					required: true,
				}),
			];
		case 'flow':
			return [
				variable(scope, {
					id: `${id}flow_token`,
					name: `${name} flow token`,
					label: `${short} flow token`,
					detail: `${which}: identifies the session in your flow endpoint's requests`,
					required: false,
				}),
				variable(scope, {
					id: `${id}flow_action_data`,
					name: `${name} flow data`,
					label: `${short} flow data`,
					detail: `${which}: the first screen's data, as a JSON object`,
					required: false,
					type: 'object',
				}),
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
	return variable(MESSAGE, {
		id: 'code',
		name: 'Verification code',
		detail: `fills ${fills}${hint(placeholder?.example)}`,
		required: true,
	});
}

export function offerVariables(model: TemplateModel): TemplateVariable[] {
	if (!model.offer?.hasExpiration) return [];
	const what = model.offer.text ? quoted(model.offer.text) : 'the offer';
	return [
		variable(MESSAGE, {
			id: 'offer_expiration',
			name: 'Offer expiration',
			detail: `when ${what} ends: a date and time such as 2026-12-31T23:59:00Z, or Unix milliseconds`,
			required: true,
		}),
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
