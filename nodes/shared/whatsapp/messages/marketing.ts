/**
 * Marketing templates posted to the Marketing Messages API for WhatsApp, formerly Marketing Messages Lite
 * (`POST /marketing_messages`): the same body as a template send on `/messages`, plus how long WhatsApp keeps
 * trying to deliver it and whether Meta may share the recipient's activity (clicks, conversions) with the
 * business.
 */
import { PayloadError } from '../validation';
import type { MessageBody } from './envelope';

export const MARKETING_MESSAGES_PATH = '/marketing_messages';

/** Meta's range for marketing templates: 12 hours to 30 days (the default when none is given). */
export const MARKETING_TTL_SECONDS = { min: 12 * 3600, max: 30 * 24 * 3600 } as const;

export interface MarketingOptions {
	/** Seconds WhatsApp keeps trying to deliver; empty for Meta's default of 30 days. */
	ttlSeconds?: number | string;
	activitySharing?: boolean;
}

function ttlOf(value: MarketingOptions['ttlSeconds']): number | undefined {
	if (value === undefined || value === null || value === '' || value === 0) return undefined;
	const seconds = typeof value === 'number' ? value : Number(String(value).trim());
	const { min, max } = MARKETING_TTL_SECONDS;
	if (!Number.isInteger(seconds) || seconds < min || seconds > max) {
		throw new PayloadError(
			`Time To Live "${String(value)}" is not a whole number of seconds between ${min} and ${max}`,
			'marketingTtlSeconds',
			`Use ${min} (12 hours) to ${max} (30 days), or leave it empty for WhatsApp's default of 30 days.`,
		);
	}
	return seconds;
}

/** A template body from `buildEnvelope`, made into the body `/marketing_messages` takes. */
export function buildMarketingMessage(
	templateBody: MessageBody,
	options: MarketingOptions = {},
): MessageBody {
	if (templateBody.type !== 'template') {
		throw new PayloadError(
			'The Marketing Messages API sends only template messages',
			'useMarketingMessagesLite',
			'Send an approved marketing template, or turn "Send Through Marketing Messages API for WhatsApp" off.',
		);
	}
	const template = templateBody.template as { language: Record<string, unknown> };
	// 360dialog lists the deterministic language policy as required on this endpoint.
	const body: MessageBody = {
		...templateBody,
		template: { ...template, language: { ...template.language, policy: 'deterministic' } },
	};
	const ttl = ttlOf(options.ttlSeconds);
	if (ttl !== undefined) body.message_send_ttl_seconds = ttl;
	if (options.activitySharing !== undefined)
		body.message_activity_sharing = options.activitySharing;
	return body;
}

/**
 * Whether an API error means the number (its business portfolio) has not accepted the Marketing Messages
 * Lite terms: code 131055 with a message about the terms, as 360dialog documents it.
 */
export function isNotOnboardedError(code: unknown, message: unknown): boolean {
	const text = typeof message === 'string' ? message : '';
	return (
		/marketing messages (lite )?api terms/i.test(text) || (code === 131055 && /terms/i.test(text))
	);
}
