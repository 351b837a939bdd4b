import { normalizePhoneNumber } from '../../../nodes/shared/whatsapp/phone';
import { PayloadError } from '../../../nodes/shared/whatsapp/validation';

describe('normalizePhoneNumber', () => {
	test('a leading +, spaces, dashes, dots and parentheses are removed', () => {
		expect(normalizePhoneNumber('+49 (151) 123-456.78')).toBe('4915112345678');
	});

	test('a leading 00 is read as the international prefix', () => {
		expect(normalizePhoneNumber('0049 151 12345678')).toBe('4915112345678');
	});

	test('a number from an expression counts', () => {
		expect(normalizePhoneNumber(4915112345678)).toBe('4915112345678');
	});

	test('an empty number is refused with what to fill in', () => {
		expect(() => normalizePhoneNumber('  ')).toThrow(PayloadError);
		expect(() => normalizePhoneNumber('  ')).toThrow(
			expect.objectContaining({
				message: 'The recipient phone number is empty',
				field: 'phoneNumber',
				fix: expect.stringMatching(/country code/),
			}),
		);
	});

	test('letters are refused', () => {
		expect(() => normalizePhoneNumber('+49 151 CALLME')).toThrow(
			'"+49 151 CALLME" is not a phone number',
		);
	});

	test('fewer than 7 or more than 15 digits are refused', () => {
		expect(() => normalizePhoneNumber('+49 151')).toThrow(
			/has 5 digits; international numbers have 7 to 15/,
		);
		expect(() => normalizePhoneNumber('+1234567890123456')).toThrow(/has 16 digits/);
		expect(normalizePhoneNumber('1234567')).toBe('1234567');
		expect(normalizePhoneNumber('123456789012345')).toBe('123456789012345');
	});

	test('the field named in the error is the one given', () => {
		expect(() => normalizePhoneNumber('', 'waId')).toThrow(
			expect.objectContaining({ field: 'waId' }),
		);
	});
});
