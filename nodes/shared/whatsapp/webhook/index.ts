/** The webhook parser of the 360dialog Trigger: plain functions over the JSON WhatsApp posts. */
export { parseWebhook } from './parseWebhook';
export { RecentIds, changeErrorKey, eventKey, messageKey, statusKey } from './recentIds';
export type {
	AccountEventItem,
	BusinessNumber,
	ButtonReply,
	CallPermissionReply,
	ChangeErrorItem,
	ConversationInfo,
	InboundMessageItem,
	InteractiveReply,
	ItemVersion,
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
