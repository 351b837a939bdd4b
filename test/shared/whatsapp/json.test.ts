import { successOf } from '../../../nodes/shared/whatsapp/json';

describe('successOf: reading a { success } answer', () => {
	test('an answer that says success is a success', () => {
		expect(successOf({ success: true })).toBe(true);
	});

	test('an answer without the field counts as success', () => {
		expect(successOf({})).toBe(true);
		expect(successOf(undefined)).toBe(true);
	});

	test('anything but true in the field is a failure', () => {
		expect(successOf({ success: false })).toBe(false);
		expect(successOf({ success: 'true' })).toBe(false);
	});
});
