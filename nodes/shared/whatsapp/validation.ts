/** Limits WhatsApp enforces, checked before anything is sent, and the error the pure builders throw. */

export const LIMITS = {
	textBody: 4096,
	caption: 1024,
	templateName: 512,
	replyButtons: 3,
	buttonTitle: 20,
	buttonId: 256,
	listRows: 10,
	listSections: 10,
	listRowTitle: 24,
	listRowDescription: 72,
	listRowId: 200,
	listSectionTitle: 24,
	listButtonLabel: 20,
	interactiveBody: 1024,
	interactiveHeaderText: 60,
	interactiveFooter: 60,
	ctaDisplayText: 20,
	flowCta: 30,
	bizOpaqueCallbackData: 512,
	filename: 240,
	couponCode: 15,
	productSections: 10,
	products: 30,
	productSectionTitle: 24,
	carouselCardsMin: 2,
	carouselCards: 10,
	carouselCardBody: 160,
	carouselCardLineBreaks: 2,
	carouselQuickReplies: 2,
} as const;

/** A message that cannot be sent as given: `field` names the parameter, `fix` says what to do. */
export class PayloadError extends Error {
	constructor(
		message: string,
		readonly field: string,
		readonly fix: string,
	) {
		super(message);
		this.name = 'PayloadError';
	}
}

/** Template names use only lowercase letters, digits and underscores, for sending and creating alike. */
export function isTemplateName(name: string): boolean {
	return /^[a-z0-9_]+$/.test(name);
}

export function requireText(value: unknown, field: string, label: string): string {
	if (typeof value !== 'string' || value.trim() === '') {
		throw new PayloadError(`${label} is empty`, field, `Fill in "${label}".`);
	}
	return value;
}

export function checkLength(value: string, max: number, field: string, label: string): string {
	const length = [...value].length;
	if (length > max) {
		throw new PayloadError(
			`${label} is ${length} characters long; WhatsApp allows at most ${max}`,
			field,
			`Shorten "${label}" to ${max} characters or fewer.`,
		);
	}
	return value;
}

export function requireLength(value: unknown, max: number, field: string, label: string): string {
	return checkLength(requireText(value, field, label), max, field, label);
}

/**
 * An optional text within `max` characters; undefined when it is empty or only whitespace, which WhatsApp
 * would show as a blank caption or footer (or echo back as blank callback data).
 */
export function optionalLength(
	value: unknown,
	max: number,
	field: string,
	label: string,
): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value);
	if (text.trim() === '') return undefined;
	return checkLength(text, max, field, label);
}

export function checkCount<T>(
	values: T[],
	max: number,
	field: string,
	label: string,
	min = 1,
): T[] {
	if (values.length < min) {
		throw new PayloadError(
			`${label}: at least ${min} needed, got ${values.length}`,
			field,
			`Add ${label.toLowerCase()}.`,
		);
	}
	if (values.length > max) {
		throw new PayloadError(
			`${label}: WhatsApp allows at most ${max}, got ${values.length}`,
			field,
			`Remove ${values.length - max} of them, or split the message.`,
		);
	}
	return values;
}

/** The positions of the first value that appears twice: where it first stands, and where again; undefined when all differ. */
export function findDuplicate<T>(values: T[]): [first: number, again: number] | undefined {
	const seen = new Map<T, number>();
	for (let at = 0; at < values.length; at++) {
		const first = seen.get(values[at]);
		if (first !== undefined) return [first, at];
		seen.set(values[at], at);
	}
	return undefined;
}

/** A link WhatsApp can fetch or open: http(s) with a host. */
export function requireHttpUrl(value: unknown, field: string, label: string): string {
	const url = requireText(value, field, label).trim();
	if (!/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(url)) {
		throw new PayloadError(
			`${label} "${url}" is not a web address`,
			field,
			'Use a full address starting with https:// (or http://), e.g. https://example.com/page.',
		);
	}
	return url;
}

/**
 * JSON a person typed into a field, parsed; a value an expression already gave as data (an object, an
 * array) passes through. `example` shows the expected shape in the fix.
 */
export function parseJsonField(
	value: unknown,
	field: string,
	label: string,
	example: string,
): unknown {
	if (typeof value !== 'string') return value;
	let reason = '';
	try {
		return JSON.parse(value);
	} catch (error) {
		reason = (error as Error).message;
	}
	throw new PayloadError(
		`${label} is not valid JSON: ${reason}`,
		field,
		`Check the JSON in "${label}"; it should look like ${example}.`,
	);
}
