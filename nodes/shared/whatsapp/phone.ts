import { PayloadError } from './validation';

/**
 * Normalises a phone number to the digits WhatsApp expects in `to` (E.164 without `+`).
 * Accepts `+`, a leading `00`, spaces, dashes, dots and parentheses; anything else is an error.
 */
export function normalizePhoneNumber(input: unknown, field = 'phoneNumber'): string {
	const raw =
		typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : '';
	if (raw === '') {
		throw new PayloadError(
			'The recipient phone number is empty',
			field,
			'Fill in the phone number, with country code, e.g. +49 151 12345678.',
		);
	}
	const stripped = raw.replace(/[\s\-().]/g, '');
	const digits = stripped.startsWith('+')
		? stripped.slice(1)
		: stripped.startsWith('00')
			? stripped.slice(2)
			: stripped;
	if (!/^\d+$/.test(digits)) {
		throw new PayloadError(
			`"${raw}" is not a phone number`,
			field,
			'Use digits with the country code, e.g. +49 151 12345678; spaces, dashes and parentheses are fine, letters are not.',
		);
	}
	if (digits.length < 7 || digits.length > 15) {
		throw new PayloadError(
			`"${raw}" has ${digits.length} digits; international numbers have 7 to 15`,
			field,
			'Include the country code and leave out any leading 0 of the national number.',
		);
	}
	return digits;
}
