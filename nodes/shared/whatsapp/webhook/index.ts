/** The webhook parser of the 360dialog Trigger: plain functions over the JSON WhatsApp posts. */
export { parseWebhook } from './parseWebhook';
export { RecentIds, messageKey, statusKey } from './recentIds';
export type {
	BusinessNumber,
	ButtonReply,
	ChangeErrorItem,
	ConversationInfo,
	InboundMessageItem,
	InteractiveReply,
	LocationInfo,
	MediaInfo,
	MessageContext,
	ParsedWebhook,
	ParseOptions,
	PricingInfo,
	ReactionInfo,
	StatusItem,
	WebhookError,
} from './types';
