import { buildEnvelope } from '../../../../nodes/shared/whatsapp/messages/envelope';
import {
	buildMarketingMessage,
	isNotOnboardedError,
} from '../../../../nodes/shared/whatsapp/messages/marketing';

const template = buildEnvelope({ phoneNumber: '+49 151 12345678' }, 'template', {
	name: 'summer_sale',
	language: { code: 'en' },
});

describe('buildMarketingMessage', () => {
	test('the template body with the deterministic language policy, TTL and activity sharing', () => {
		expect(buildMarketingMessage(template, { ttlSeconds: '86400', activitySharing: true })).toEqual(
			{
				messaging_product: 'whatsapp',
				recipient_type: 'individual',
				to: '4915112345678',
				type: 'template',
				template: { name: 'summer_sale', language: { code: 'en', policy: 'deterministic' } },
				message_send_ttl_seconds: 86400,
				message_activity_sharing: true,
			},
		);
	});

	test('without options nothing is added but the language policy', () => {
		expect(buildMarketingMessage(template)).toEqual({
			...template,
			template: { name: 'summer_sale', language: { code: 'en', policy: 'deterministic' } },
		});
	});

	test('TTL: 12 hours to 30 days, whole seconds; empty means the default', () => {
		expect(buildMarketingMessage(template, { ttlSeconds: 43200 }).message_send_ttl_seconds).toBe(
			43200,
		);
		expect(buildMarketingMessage(template, { ttlSeconds: 2592000 }).message_send_ttl_seconds).toBe(
			2592000,
		);
		expect(buildMarketingMessage(template, { ttlSeconds: '' })).not.toHaveProperty(
			'message_send_ttl_seconds',
		);
		for (const bad of [43199, 2592001, 3600.5, 'soon']) {
			expect(() => buildMarketingMessage(template, { ttlSeconds: bad })).toThrow(
				'is not a whole number of seconds between 43200 and 2592000',
			);
		}
	});

	test('only template messages go through the Marketing Messages API', () => {
		const text = buildEnvelope({ phoneNumber: '+49 151 12345678' }, 'text', { body: 'hi' });
		expect(() => buildMarketingMessage(text)).toThrow(
			'The Marketing Messages API sends only template messages',
		);
	});
});

describe('isNotOnboardedError', () => {
	test('the terms error 360dialog documents is recognised; other errors are not', () => {
		expect(
			isNotOnboardedError(
				131055,
				'(#200) You must accept the Marketing Messages Lite API terms to use the API.',
			),
		).toBe(true);
		expect(isNotOnboardedError(100, '(#100) Invalid parameter')).toBe(false);
		expect(isNotOnboardedError(131055, 'Method not allowed')).toBe(false);
	});
});
