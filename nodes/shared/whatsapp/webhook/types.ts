/** The items the webhook parser hands to the trigger: flat, camelCased, with absent fields left out rather than null. */

/** The business number that received the event, repeated on every item so each item stands on its own. */
export interface BusinessNumber {
	/** The WhatsApp Business Account id (`entry.id`). */
	wabaId?: string;
	/** `metadata.phone_number_id`: the number to answer from. */
	businessPhoneNumberId?: string;
	/** `metadata.display_phone_number`, as WhatsApp shows it. */
	businessDisplayPhoneNumber?: string;
}

/** An error carried by a webhook, with what to do next when the code is a known one. */
export interface WebhookError {
	code?: number;
	title?: string;
	message: string;
	details?: string;
	hint?: string;
}

export interface MediaInfo {
	id?: string;
	mimeType?: string;
	sha256?: string;
	caption?: string;
	filename?: string;
	/** Audio recorded with push-to-talk. */
	voice?: boolean;
	/** An animated sticker. */
	animated?: boolean;
}

export interface LocationInfo {
	latitude?: number;
	longitude?: number;
	name?: string;
	address?: string;
	url?: string;
}

export interface ReactionInfo {
	/** The message reacted to. */
	messageId?: string;
	/** `""` when the reaction was removed. */
	emoji: string;
	removed: boolean;
}

export interface InteractiveReply {
	type: string;
	/** Button or row id; for a flow, the `flow_token` of its response. */
	id?: string;
	/** Button or row title; for a flow, its body text. */
	title?: string;
	description?: string;
	/** For a flow reply (`nfm_reply`): the flow's name. */
	flowName?: string;
	/** For a flow reply: the body text WhatsApp showed, usually "Sent". */
	body?: string;
}

export interface ButtonReply {
	payload?: string;
	text?: string;
}

export interface MessageContext {
	/** The message replied to. */
	messageId?: string;
	from?: string;
	forwarded: boolean;
	frequentlyForwarded: boolean;
	referredProduct?: { catalogId?: string; productRetailerId?: string };
}

/** A call permission reply (`interactive.call_permission_reply`): the user's answer to a call permission request. */
export interface CallPermissionReply {
	/** `accept` or `reject`. */
	response?: string;
	/** `user_action` or `automatic`. */
	responseSource?: string;
	/** Whether the permission never expires. */
	isPermanent?: boolean;
	/** ISO 8601: when an accepted permission ends. */
	expiresAt?: string;
	expirationTimestamp?: number;
}

export interface InboundMessageItem extends BusinessNumber {
	/** Item shape 1: the item's kind. */
	event?: 'message';
	/** Item shape 2: the item's kind. */
	itemType?: 'message';
	messageId: string;
	/** `text`, `image`, ..., or `unknown` when the message names no type. */
	type: string;
	/** The sender's phone number; missing for users who hide it. */
	from?: string;
	/** The sender's business-scoped user id (BSUID). */
	fromUserId?: string;
	/** The parent BSUID shared across a managed business's portfolios (`US.ENT.…`). */
	fromParentUserId?: string;
	/** The sender's profile name. */
	contactName?: string;
	/** The sender's WhatsApp username, once they adopted one. */
	username?: string;
	/**
	 * What n8n's AI Agent reads: the text, caption or chosen reply, or a short description such as
	 * "[voice note]" for a message without text. Only with `agentFields`.
	 */
	chatInput?: string;
	/** The conversation key for n8n's memory nodes: the sender's BSUID, else their phone number. Only with `agentFields`. */
	sessionId?: string;
	/**
	 * What the user wrote or chose, whatever the type: a text body, a media caption, the tapped button's text,
	 * the chosen reply button or list row title, a flow's body, an order's note. Reactions, locations and
	 * system notices have none: they live in their own fields.
	 */
	text?: string;
	/** ISO 8601. */
	timestamp?: string;
	/** Unix seconds. */
	timestampUnix?: number;
	media?: MediaInfo;
	location?: LocationInfo;
	/** Shared contact cards, as sent. */
	contacts?: unknown[];
	reaction?: ReactionInfo;
	reply?: InteractiveReply;
	/** A flow's answers: its `response_json` parsed, or the string itself when it is not JSON. */
	flowResponse?: unknown;
	/** A template's quick-reply button. */
	button?: ButtonReply;
	/** As sent: `catalog_id`, `product_items`, `text`. */
	order?: Record<string, unknown>;
	/** As sent, with camelCased keys: `body`, `type`, `newWaId`, ... */
	system?: Record<string, unknown>;
	context?: MessageContext;
	/** A click-to-WhatsApp ad's referral, with camelCased keys. */
	referral?: Record<string, unknown>;
	errors?: WebhookError[];
	/** Item shape 2: the group the message was sent in; absent for a one-to-one chat. */
	groupId?: string;
	/** Item shape 2, `revoke` and `edit`: the message that was deleted or edited. */
	originalMessageId?: string;
	/** Item shape 2, `edit`: the type of the edited message, whose new content fills text, media, ... */
	editedType?: string;
	/** Item shape 2: the answer to a call permission request. */
	callPermission?: CallPermissionReply;
	/** Only with `includeRaw`: `{ message, contacts, metadata }` as received. */
	raw?: Record<string, unknown>;
}

export interface ConversationInfo {
	id?: string;
	/** The origin's type: `service`, `marketing`, `utility`, ... */
	origin?: string;
	/** ISO 8601. */
	expiresAt?: string;
}

export interface PricingInfo {
	billable?: boolean;
	pricingModel?: string;
	category?: string;
	type?: string;
}

export interface StatusItem extends BusinessNumber {
	/** Item shape 1: the item's kind. */
	event?: 'status';
	/** Item shape 2: the item's kind. */
	itemType?: 'status';
	/** Item shape 2: the status's own `type` as delivered (`call` for a call's status). */
	type?: string;
	/** Item shape 2: the status is about a call (`type: "call"`): RINGING, ACCEPTED, REJECTED, ... */
	isCall?: boolean;
	/** Item shape 2: the call's id (`wacid.…`), for a call's status. */
	callId?: string;
	/** The message this status is about. */
	messageId: string;
	/** `sent`, `delivered`, `read`, `failed`, `played`, `deleted`, or whatever WhatsApp sends. */
	status: string;
	recipientId?: string;
	recipientUserId?: string;
	timestamp?: string;
	timestampUnix?: number;
	conversation?: ConversationInfo;
	pricing?: PricingInfo;
	bizOpaqueCallbackData?: string;
	errors?: WebhookError[];
	/** The first error's code, message and hint, for expressions. */
	errorCode?: number;
	errorMessage?: string;
	errorHint?: string;
	/** Only with `includeRaw`: `{ status, metadata }` as received. */
	raw?: Record<string, unknown>;
}

/** An error about the whole change (`value.errors[]`), not about one message. */
export interface ChangeErrorItem extends BusinessNumber, WebhookError {
	/** Item shape 1: the item's kind. */
	event?: 'error';
	/** Item shape 2: the item's kind. */
	itemType?: 'error';
	/** Only with `includeRaw`: `{ error, metadata }` as received. */
	raw?: Record<string, unknown>;
}

/**
 * Anything a webhook reports besides messages and statuses: template status, quality and category
 * updates, phone number quality and name updates, account updates, marketing opt-outs and opt-ins
 * (`user_preferences`), user id changes (`user_id_update`). The change's value with camelCased keys.
 * Item shape 2 adds calls, Business App echoes, history, contact syncs, group and username events,
 * and keeps the change's own `event` (APPROVED, ACCOUNT_DELETED, connect, ...).
 */
export interface AccountEventItem extends BusinessNumber {
	/** Item shape 1: always `account`. Item shape 2: the change's own `event` value, when it has one. */
	event?: unknown;
	/** Item shape 2: always `event`. */
	itemType?: 'event';
	/** The change's field as WhatsApp names it: `message_template_status_update`, `user_preferences`, ... */
	field: string;
	/** What the item is: the field in camelCase (`messageTemplateStatusUpdate`, `userPreferences`, ...), or `call`, `messageEcho`, ... */
	kind: string;
	/** ISO 8601, when the event or its entry says when. */
	timestamp?: string;
	timestampUnix?: number;
	[key: string]: unknown;
}

export interface ParsedWebhook {
	messages: InboundMessageItem[];
	statuses: StatusItem[];
	errors: ChangeErrorItem[];
	/** Only with `events`: one item per account, template or user event. */
	events: AccountEventItem[];
	/** Entries, changes and items skipped as unknown or malformed; a body that is not an envelope counts as one. */
	ignored: number;
}

export interface ParseOptions {
	/** Add the received objects under `raw` (copied, so items never share them). */
	includeRaw?: boolean;
	/** Read changes other than `messages` into `events` instead of skipping them. */
	events?: boolean;
	/** Add `chatInput` and `sessionId` to message items. */
	agentFields?: boolean;
	/**
	 * 1 (default): the items of trigger versions 1 to 2.1. 2: items labelled by `itemType`, events that keep
	 * their own `event`, one item per call, echo, history message, contact sync and group entry, call
	 * statuses among statuses, and edits, deletions, call permission replies and group ids read on messages.
	 */
	itemVersion?: 1 | 2;
}

/** The item shape a parse produces (see `ParseOptions.itemVersion`). */
export type ItemVersion = 1 | 2;
