/**
 * Types of the 360dialog Cloud API emulator (index.js).
 */

export interface EmulatorNumber {
	apiKey: string;
	phoneNumberId: string;
	displayPhoneNumber: string;
	wabaId: string;
	/** A webhook registered at start (cleared by reset()). */
	webhook?: { url: string; headers?: Record<string, string> };
	/** false: POST /marketing_messages answers 131055, the business has not accepted the terms. Default true. */
	marketingMessagesLite?: boolean;
}

/**
 * The n-th POST /messages for a recipient meets a fate fixed by the seed (or by `draw`), whatever order
 * concurrent calls arrive in. A draw below dropRatio drops the connection before the message is processed,
 * the next failureRatio answers 500 / 131000, the next throttleRatio 429 / 130429.
 */
export interface RecipientFaults {
	throttleRatio?: number;
	failureRatio?: number;
	dropRatio?: number;
	/** Default 1. */
	seed?: number;
	/** Retry-After of a throttled answer. Default 1. */
	retryAfterSeconds?: number;
	/** A number in [0, 1) for the recipient's attempt (1 = its first call); replaces the seeded draw. */
	draw?: (recipient: string, attempt: number) => number;
}

/** Options that can change while the emulator runs (setOptions, POST /_emulator/options). */
export interface RuntimeOptions {
	/** Added before answering every API call. Default 0. */
	latencyMs?: number;
	/** POST /messages per second per number; above it HTTP 429 / 130429. Default Infinity (null over JSON). */
	throughputPerSecond?: number | null;
	/** Share of API calls answered 500 / 131000. Default 0. */
	failureRatio?: number;
	/** Share of API calls whose connection is destroyed without an answer. Default 0. */
	dropRatio?: number;
	/** Faults of POST /messages chosen per recipient and attempt, the same on every run. Default null. */
	recipientFaults?: RecipientFaults | null;
	/** Webhook redelivery backoff. Default [200, 400, 800, 1600, 3200]. */
	webhookRetryDelaysMs?: number[];
	/** A webhook target must answer within this. Default 5000. */
	webhookTimeoutMs?: number;
	/** Webhook POSTs in flight at once per number; above 1 events may arrive out of order. Default 1. */
	webhookConcurrency?: number;
	/** Gap before each status webhook of an accepted message. Default 50. */
	statusGapMs?: number;
	/** Statuses sent for an accepted message. Default ['sent', 'delivered', 'read']. */
	statusSequence?: Array<'sent' | 'delivered' | 'read' | 'played'>;
	/** Reject webhook URLs the cloud rejects (not https, a port, "_" in the host). Default false. */
	enforceCloudWebhookRules?: boolean;
	/** Status of templates created through POST /v1/configs/templates. Default 'APPROVED'. */
	newTemplateStatus?: 'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED' | 'DISABLED';
}

export interface StartEmulatorOptions extends RuntimeOptions {
	/** 0 (default) = any free port. Always 127.0.0.1. */
	port?: number;
	/** Default: one number with apiKey 'emulator-key'. Missing ids are generated. */
	numbers?: Array<Partial<EmulatorNumber> & { apiKey: string }>;
	/** Seed every WABA with the sample templates. Default true. */
	seedTemplates?: boolean;
	/** Largest JSON body. Default 1 MB. */
	maxJsonBytes?: number;
	/** Largest media upload. Default 100 MB. */
	maxMediaBytes?: number;
	/** Entries kept per record list (requests, sent, deliveries, inbound); the oldest go first. Default 10000. */
	maxRecords?: number;
	/** Injectable randomness for the fault ratios. Default Math.random. */
	random?: () => number;
	/** Injectable clock (ms epoch): 24-hour window, timestamps, throughput window, media URL expiry. */
	now?: () => number;
	/** Receives one line per API call and webhook attempt. */
	log?: (line: string) => void;
}

export interface RequestRecord {
	seq: number;
	method: string;
	path: string;
	query: Record<string, string>;
	/** As received (lower-case names), e.g. headers['d360-api-key']. */
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON, `{ multipart: { fields, files } }`, or `{ unparsed }`. */
	body?: any;
	/** Null while pending or when dropped. */
	status: number | null;
	response?: any;
	dropped?: boolean;
	phoneNumberId?: string;
	at: number;
}

export interface SentRecord {
	id: string;
	phoneNumberId: string;
	type: string;
	to?: string;
	recipient?: string;
	recipientId: string;
	recipientUserId?: string;
	request: any;
	/** accepted → sent → delivered → read, or failed. */
	status: string;
	statuses: Array<{ status: string; timestamp: string }>;
	errors?: any[];
	category: string;
	billable: boolean;
	conversationId: string;
	windowOpen: boolean;
	template?: string;
	/** 'marketing_messages' when the send came through Marketing Messages Lite. */
	endpoint?: 'marketing_messages';
	at: number;
}

export interface DeliveryRecord {
	seq: number;
	/** `main`, or the URL of an extra destination (`/multi_webhook`). */
	destination: string;
	/** Retries of one event share it. */
	eventId: number;
	kind: 'status' | 'inbound' | 'event';
	phoneNumberId: string;
	url: string;
	headers: Record<string, string>;
	/** 1 for the first try. */
	attempt: number;
	statusCode: number | null;
	error: string | null;
	/** Answered 200 in time. */
	ok: boolean;
	/** The posted Cloud API envelope. */
	body: any;
	at: number;
	durationMs: number;
	nextRetryInMs?: number;
	gaveUp?: boolean;
}

export interface InboundRecord {
	messageId: string;
	phoneNumberId: string;
	envelope: any;
	at: number;
}

export interface InboundInput {
	/** Sender's phone number (digits); not needed with hidePhone. */
	from?: string;
	name?: string;
	/** text (default), image, audio, video, document, sticker, location, contacts, interactive, button, reaction, order, system, unsupported, revoke, edit. */
	type?: string;
	/** A message sent in this group (group_id). */
	groupId?: string;
	/** The sender's WhatsApp username (contacts[].profile.username). */
	username?: string;
	/** revoke and edit: the message deleted or edited. */
	originalMessageId?: string;
	/** Choose the number (default: the first). */
	phoneNumberId?: string;
	apiKey?: string;
	context?: {
		message_id?: string;
		id?: string;
		from?: string;
		forwarded?: boolean;
		frequently_forwarded?: boolean;
	};
	referral?: Record<string, unknown>;
	/** Business-scoped user id. */
	fromUserId?: string;
	/** A user without a visible phone number: no from / wa_id, only from_user_id / user_id. */
	hidePhone?: boolean;
	/** Unix seconds (or ms). */
	timestamp?: number | string;
	id?: string;
	/** Bytes of an inbound media message (else small placeholder bytes). */
	media?: { base64?: string; mimeType?: string; filename?: string };
	/** false: the message is received (id known, window opened) but not posted; the caller posts `envelope` itself. */
	deliver?: boolean;
	[type: string]: unknown;
}

export interface EventInput {
	kind?: 'messageEcho' | 'history' | 'contactSync' | 'call' | 'callStatus' | 'groupJoinRequest';
	field?: string;
	value?: Record<string, unknown>;
	phoneNumberId?: string;
	apiKey?: string;
	[key: string]: unknown;
}

export interface InboundResult {
	messageId: string;
	envelope: any;
}

export type HealthEntityType = 'PHONE_NUMBER' | 'WABA' | 'BUSINESS' | 'APP';

export interface HealthSetting {
	canSendMessage: 'AVAILABLE' | 'LIMITED' | 'BLOCKED';
	/** Given when BLOCKED: why, and what to do. */
	errors?: Array<{ error_code: number; error_description: string; possible_solution: string }>;
	/** Given when LIMITED. */
	additionalInfo?: string[];
}

export interface AccountSettings {
	phoneNumberId?: string;
	health?: Partial<Record<HealthEntityType, HealthSetting>>;
	/** false: POST /uploads and /upload:{session} answer 403, as for a key without that permission. */
	uploadsAllowed?: boolean;
}

export interface Emulator {
	readonly url: string;
	readonly port: number;
	readonly numbers: EmulatorNumber[];
	/** Live arrays: the same records as GET /_emulator/requests, /sent, /deliveries, /inbound. */
	readonly requests: RequestRecord[];
	readonly sent: SentRecord[];
	readonly deliveries: DeliveryRecord[];
	readonly inbound: InboundRecord[];
	readonly options: Required<RuntimeOptions>;
	setOptions(patch: RuntimeOptions): Required<RuntimeOptions>;
	/** Cloud API calls being answered now, and the most at once since start or resetInFlight(). */
	inFlight(): { current: number; max: number };
	/** Starts counting the most calls at once afresh. */
	resetInFlight(): void;
	/** Same as POST /_emulator/inbound; throws (error.status 409) when no webhook is registered. */
	injectInbound(input: InboundInput): InboundResult;
	/**
	 * Same as POST /_emulator/events: one webhook that is neither a message nor a message status, by `kind`
	 * (messageEcho, history, contactSync, call, callStatus, groupJoinRequest) or as `{ field, value }`.
	 */
	injectEvent(input: EventInput): { envelope: unknown };
	/** Same as POST /_emulator/contacts. */
	setContactWindow(input: {
		waId?: string;
		userId?: string;
		lastInboundAt?: number | null;
		lastInboundHoursAgo?: number;
		phoneNumberId?: string;
		apiKey?: string;
	}): {
		phoneNumberId: string;
		waId?: string;
		userId?: string;
		lastInboundAt: number | null;
		windowOpen: boolean;
	};
	/** Same as POST /_emulator/webhook. */
	registerWebhook(input: {
		url: string;
		headers?: Record<string, string>;
		phoneNumberId?: string;
		apiKey?: string;
	}): {
		phoneNumberId: string;
		url: string;
		headers: Record<string, string>;
	};
	/** Same as GET /_emulator/webhook: each number's registered webhook (url null when none). */
	webhooks(): Array<{ phoneNumberId: string; url: string | null; headers: Record<string, string> }>;
	/** Each number's extra destinations (`/multi_webhook`); they receive what the main webhook answered 200. */
	extraDestinations(): Array<{
		phoneNumberId: string;
		enabled: boolean;
		destinations: Array<{ name?: string; url: string; headers: Record<string, string> }>;
	}>;
	/** Same as POST /_emulator/statuses. */
	pushStatus(input: {
		messageId: string;
		status: 'sent' | 'delivered' | 'read' | 'played' | 'failed' | 'deleted';
		errors?: unknown[];
	}): {
		status: any;
	};
	/**
	 * Same as POST /_emulator/tap: the recipient taps the URL button of a sent message (the latest with one,
	 * or `messageId`; `card` for a carousel) and the link opens; with `form`, the page is then submitted.
	 */
	tap(input: {
		messageId?: string;
		to?: string;
		card?: number;
		form?: Record<string, string>;
		userAgent?: string;
	}): Promise<{
		messageId: string;
		url: string;
		method: 'GET' | 'POST';
		status: number;
		contentType: string;
		body: string;
	}>;
	/**
	 * Same as POST /_emulator/account: what the account endpoints answer for a number (default: the first) —
	 * an entity's messaging health with the platform's reasons, and whether its key may use the Resumable Upload API.
	 */
	configureAccount(input: AccountSettings): {
		phoneNumberId: string;
		uploadsAllowed: boolean;
		health: Record<HealthEntityType, HealthSetting>;
	};
	/** The templates of a WABA (default: the first number's). */
	templates(wabaId?: string): any[];
	/** Same as POST /_emulator/reset. */
	reset(): void;
	/** Polls until predicate answers something truthy (default timeout 5000 ms). */
	waitFor<T>(
		predicate: () => T,
		options?: { timeoutMs?: number; intervalMs?: number; description?: string },
	): Promise<NonNullable<T>>;
	/** Stops the server, cancels webhook retries and timers, destroys open connections. */
	close(): Promise<void>;
}

export function startEmulator(options?: StartEmulatorOptions): Promise<Emulator>;
