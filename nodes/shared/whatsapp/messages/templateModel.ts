/**
 * A stored template (as GET /v1/configs/templates answers it) read into what a send must fill in: the
 * header's variable or media slot, the body's variables, each button that takes a value, the offer's
 * expiration and every carousel card's own header, body and buttons. Never throws on odd input: parts it
 * does not know are left out, and `unsupported` names the ones that need a value it cannot give.
 */
import { asRecord } from '../json';
import type { JsonRecord } from '../json';
import type { MediaKind } from './template';

/** A template as the template list answers it; only the fields a send needs. */
export interface TemplateDefinition {
	name?: string;
	language?: string;
	status?: string;
	category?: string;
	parameter_format?: string;
	components?: unknown[];
}

export interface Placeholder {
	/** What stands between the braces: "1" for {{1}}, "first_name" for {{first_name}}. */
	name: string;
	/** The example the template was approved with, when it has one. */
	example?: string;
	/** The template's text around the placeholder, shortened. */
	context: string;
}

export type HeaderSlot =
	| { kind: 'text'; placeholder: Placeholder }
	| { kind: 'media'; format: MediaKind }
	| { kind: 'location' };

interface ButtonBase {
	/** The button's position in the template, from 0: the `index` of the send. */
	index: number;
	text: string;
}

export type ButtonSlot = ButtonBase &
	(
		| { kind: 'url'; url: string; placeholder: Placeholder }
		| { kind: 'quick_reply' }
		| { kind: 'copy_code'; example?: string }
		| { kind: 'flow' }
		/** An authentication template's code button: sent as a URL button carrying the code. */
		| { kind: 'otp' }
	);

export interface MessagePart {
	header?: HeaderSlot;
	body: Placeholder[];
	buttons: ButtonSlot[];
}

export interface TemplateModel extends MessagePart {
	/** "order_update (en_US)", for messages. */
	title: string;
	/** Named placeholders ({{first_name}}) are sent with their `parameter_name`. */
	named: boolean;
	/** Authentication: one code fills the body's {{1}} and every code button. */
	authentication: boolean;
	/** A limited-time offer; the send gives the expiration when the offer has one. */
	offer?: { text: string; hasExpiration: boolean };
	cards: MessagePart[];
	/** Parts that need a value the mapped fields cannot give (e.g. a multi-product button). */
	unsupported: string[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const MEDIA_FORMATS: MediaKind[] = ['image', 'video', 'document'];
const CONTEXT_CHARACTERS = 28;

const upper = (value: unknown) => String(value ?? '').toUpperCase();
const textOf = (value: unknown) => (typeof value === 'string' ? value : '');

function records(value: unknown): JsonRecord[] {
	return Array.isArray(value) ? value.map(asRecord).filter((entry) => entry !== undefined) : [];
}

function componentOf(components: JsonRecord[], type: string): JsonRecord | undefined {
	return components.find((component) => upper(component.type) === type);
}

/** The text around `{{name}}`, cut at word ends, e.g. `…your order {{2}} is on its way.` */
export function contextOf(text: string, match: { index: number; length: number }): string {
	const start = Math.max(0, match.index - CONTEXT_CHARACTERS);
	const end = Math.min(text.length, match.index + match.length + CONTEXT_CHARACTERS);
	let before = text.slice(start, match.index);
	let after = text.slice(match.index + match.length, end);
	if (start > 0) before = `…${before.replace(/^\S*\s/, '')}`;
	if (end < text.length) after = `${after.replace(/\s\S*$/, '')}…`;
	return `${before}${text.slice(match.index, match.index + match.length)}${after}`
		.replace(/\s+/g, ' ')
		.trim();
}

function exampleText(value: unknown): string | undefined {
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' || typeof first === 'number' ? String(first) : undefined;
}

type ExampleOf = (name: string, order: number) => string | undefined;

/** The distinct placeholders of `text`; numbered ones in number order, as a send must list them. */
function placeholdersIn(text: string, exampleOf: ExampleOf): Placeholder[] {
	const seen = new Map<string, Placeholder>();
	for (const match of text.matchAll(PLACEHOLDER)) {
		const name = match[1];
		if (seen.has(name)) continue;
		seen.set(name, {
			name,
			context: contextOf(text, { index: match.index ?? 0, length: match[0].length }),
		});
	}
	const all = [...seen.values()];
	const numbered = all.every((placeholder) => /^\d+$/.test(placeholder.name));
	if (numbered) all.sort((a, b) => Number(a.name) - Number(b.name));
	return all.map((placeholder, order) => {
		const example = exampleOf(placeholder.name, order);
		return example === undefined ? placeholder : { ...placeholder, example };
	});
}

/** Examples of positional (`body_text: [["Jane"]]`) or named (`body_text_named_params`) placeholders. */
function examplesOf(example: JsonRecord | undefined, part: 'body' | 'header'): ExampleOf {
	const namedList = records(example?.[`${part}_text_named_params`]);
	const positional = example?.[`${part}_text`];
	const row = part === 'body' && Array.isArray(positional) ? positional[0] : positional;
	return (name, order) => {
		const named = namedList.find((entry) => entry.param_name === name);
		if (named) return exampleText(named.example);
		const at = /^\d+$/.test(name) ? Number(name) - 1 : order;
		return Array.isArray(row) ? exampleText(row[at]) : undefined;
	};
}

function readHeader(component: JsonRecord | undefined): HeaderSlot | undefined {
	if (!component) return undefined;
	const format = upper(component.format || 'TEXT');
	if (format === 'LOCATION') return { kind: 'location' };
	const media = MEDIA_FORMATS.find((kind) => kind.toUpperCase() === format);
	if (media) return { kind: 'media', format: media };
	const [placeholder] = placeholdersIn(
		textOf(component.text),
		examplesOf(asRecord(component.example), 'header'),
	);
	return placeholder ? { kind: 'text', placeholder } : undefined;
}

/** An OTP button as created, or as the platform answers it: a URL button to whatsapp.com/otp. */
function isCodeButton(button: JsonRecord): boolean {
	return (
		upper(button.type) === 'OTP' ||
		(upper(button.type) === 'URL' &&
			/^https:\/\/www\.whatsapp\.com\/otp\//.test(textOf(button.url)))
	);
}

function readButton(button: JsonRecord, index: number, unsupported: string[]): ButtonSlot[] {
	const text = textOf(button.text) || `Button ${index + 1}`;
	if (isCodeButton(button)) return [{ kind: 'otp', index, text }];
	switch (upper(button.type)) {
		case 'URL': {
			const url = textOf(button.url);
			const [placeholder] = placeholdersIn(url, () => undefined);
			if (!placeholder) return [];
			const example = exampleText(button.example);
			const prefix = url.slice(0, url.indexOf('{{'));
			const suffix = example?.startsWith(prefix) ? example.slice(prefix.length) : example;
			return [
				{
					kind: 'url',
					index,
					text,
					url,
					placeholder: suffix ? { ...placeholder, example: suffix } : placeholder,
				},
			];
		}
		case 'QUICK_REPLY':
			return [{ kind: 'quick_reply', index, text }];
		case 'COPY_CODE': {
			const example = exampleText(button.example);
			return [{ kind: 'copy_code', index, text: textOf(button.text) || 'Copy code', example }];
		}
		case 'FLOW':
			return [{ kind: 'flow', index, text }];
		case 'MPM':
			unsupported.push(`the multi-product button "${text}"`);
			return [];
		default:
			// Phone number, voice call and catalog buttons are sent without values.
			return [];
	}
}

function readPart(components: JsonRecord[], unsupported: string[]): MessagePart {
	const body = componentOf(components, 'BODY');
	const buttons = records(componentOf(components, 'BUTTONS')?.buttons);
	return {
		header: readHeader(componentOf(components, 'HEADER')),
		body: placeholdersIn(textOf(body?.text), examplesOf(asRecord(body?.example), 'body')),
		buttons: buttons.flatMap((button, index) => readButton(button, index, unsupported)),
	};
}

export function readTemplateModel(definition: TemplateDefinition): TemplateModel {
	const components = records(definition.components);
	const unsupported: string[] = [];
	const part = readPart(components, unsupported);
	const cards = records(componentOf(components, 'CAROUSEL')?.cards).map((card) =>
		readPart(records(card.components), unsupported),
	);
	const offer = asRecord(componentOf(components, 'LIMITED_TIME_OFFER')?.limited_time_offer);
	const placeholders = [part, ...cards].flatMap((entry) => [
		...entry.body,
		...(entry.header?.kind === 'text' ? [entry.header.placeholder] : []),
	]);
	return {
		...part,
		title: `${definition.name ?? 'template'} (${definition.language ?? '?'})`,
		named:
			upper(definition.parameter_format) === 'NAMED' ||
			placeholders.some((placeholder) => !/^\d+$/.test(placeholder.name)),
		authentication:
			upper(definition.category) === 'AUTHENTICATION' ||
			part.buttons.some((button) => button.kind === 'otp'),
		offer: offer
			? { text: textOf(offer.text), hasExpiration: offer.has_expiration === true }
			: undefined,
		cards,
		unsupported,
	};
}
