import {
	messageKey,
	parseWebhook,
	RecentIds,
	statusKey,
} from '../../../../nodes/shared/whatsapp/webhook';
import { webhookFixture } from '../../../fixtures/webhooks';

describe('RecentIds', () => {
	it('a key seen before is a duplicate; a new one is recorded', () => {
		const recent = new RecentIds(10);
		expect([recent.seen('a'), recent.seen('b'), recent.seen('a')]).toEqual([false, false, true]);
		expect(recent.size).toBe(2);
	});

	it('a redelivered message is a duplicate', () => {
		const recent = new RecentIds(10_000);
		const first = parseWebhook(webhookFixture('message-text')).messages[0];
		const again = parseWebhook(webhookFixture('message-text')).messages[0];
		expect([recent.seen(messageKey(first)), recent.seen(messageKey(again))]).toEqual([false, true]);
	});

	it('the same message id on another business number is not a duplicate', () => {
		const first = parseWebhook(webhookFixture('message-text')).messages[0];
		const recent = new RecentIds(10);
		recent.seen(messageKey(first));
		expect(recent.seen(messageKey({ ...first, businessPhoneNumberId: '113269274970227' }))).toBe(
			false,
		);
	});

	it('a later status of the same message is not a duplicate, the same status again is', () => {
		const recent = new RecentIds(10_000);
		const delivered = parseWebhook(webhookFixture('status-delivered')).statuses[0];
		const read = parseWebhook(webhookFixture('status-read')).statuses[0];
		expect(delivered.messageId).toBe(read.messageId);
		expect([
			recent.seen(statusKey(delivered)),
			recent.seen(statusKey(read)),
			recent.seen(statusKey(read)),
		]).toEqual([false, false, true]);
	});

	it('message and status keys never collide', () => {
		const message = parseWebhook(webhookFixture('message-text')).messages[0];
		const status = parseWebhook(webhookFixture('status-read')).statuses[0];
		expect(messageKey(message)).toBe(`m:106540352242922:${message.messageId}`);
		expect(statusKey(status)).toBe(`s:106540352242922:${status.messageId}:read`);
	});

	it('the record never holds more than its capacity, even after 100,000 keys', () => {
		const recent = new RecentIds(1_000);
		let largest = 0;
		for (let i = 0; i < 100_000; i++) {
			recent.seen(`k${i}`);
			largest = Math.max(largest, recent.size);
		}
		expect(largest).toBe(1_000);
		expect(recent.seen('k99999')).toBe(true);
		expect(recent.seen('k0')).toBe(false);
	});

	it('the oldest key is forgotten first', () => {
		const recent = new RecentIds(2);
		recent.seen('a');
		recent.seen('b');
		recent.seen('c');
		expect([recent.seen('b'), recent.seen('c'), recent.seen('a')]).toEqual([true, true, false]);
	});

	it('a key is new again once its time to live has passed', () => {
		let now = 1_000;
		const recent = new RecentIds(10, 60_000, () => now);
		recent.seen('a');
		now += 59_999;
		expect(recent.seen('a')).toBe(true);
		now += 1;
		expect(recent.seen('a')).toBe(false);
		expect(recent.seen('a')).toBe(true);
	});

	it('every expired key counts as new again, and memory stays within the capacity', () => {
		let now = 0;
		const recent = new RecentIds(100, 1_000, () => now);
		for (let i = 0; i < 50; i++) recent.seen(`old${i}`);
		now = 5_000;
		const again = Array.from({ length: 50 }, (_, i) => recent.seen(`old${i}`));
		expect(again.every((duplicate) => duplicate === false)).toBe(true);
		expect(recent.size).toBeLessThanOrEqual(100);
	});

	it('a capacity that is not a positive number falls back to 10,000', () => {
		const recent = new RecentIds(Number.NaN);
		for (let i = 0; i < 10_001; i++) recent.seen(`k${i}`);
		expect(recent.size).toBeLessThanOrEqual(10_000);
		expect(recent.seen('k5000')).toBe(true);
		expect(recent.seen('k10000')).toBe(true);
		expect(recent.seen('k0')).toBe(false);
	});
});
