import { PLATFORM_MAX_MESSAGES_PER_SECOND } from '../../../nodes/Dialog360/actions/descriptions/sendRate.description';
import { sendCap } from '../../../nodes/Dialog360/actions/helpers/sendPolicy';

describe('the cap a run keeps to (Messages Per Second)', () => {
	test('a positive value is the cap', () => {
		expect(sendCap(80)).toBe(80);
		expect(sendCap(1000)).toBe(1000);
		expect(sendCap(0.5)).toBe(0.5);
	});

	test("0, a negative value or no number sends at the platform's highest rate, 1,000 per second", () => {
		expect(PLATFORM_MAX_MESSAGES_PER_SECOND).toBe(1000);
		for (const value of [0, -5, Number.NaN, Number.POSITIVE_INFINITY])
			expect(sendCap(value)).toBe(1000);
	});
});
