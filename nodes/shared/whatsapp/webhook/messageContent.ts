import {
	asBoolean,
	asId,
	asNumber,
	asRecord,
	asString,
	camelKeys,
	compact,
	compactOrNothing,
	isoTime,
	parseJsonText,
} from './read';
import type {
	CallPermissionReply,
	InboundMessageItem,
	InteractiveReply,
	LocationInfo,
	MediaInfo,
	ReactionInfo,
} from './types';

/** The part of an inbound message that depends on its type. */
export type MessageContent = Pick<
	InboundMessageItem,
	| 'text'
	| 'media'
	| 'location'
	| 'contacts'
	| 'reaction'
	| 'reply'
	| 'flowResponse'
	| 'button'
	| 'order'
	| 'system'
	| 'originalMessageId'
	| 'editedType'
	| 'callPermission'
>;

type ContentReader = (payload: unknown) => MessageContent;

function readMedia(payload: unknown): MessageContent {
	const media = asRecord(payload);
	if (!media) return {};
	const caption = asString(media.caption);
	const info: MediaInfo = compact({
		id: asId(media.id),
		mimeType: asId(media.mime_type),
		sha256: asId(media.sha256),
		caption,
		filename: asString(media.filename),
		voice: asBoolean(media.voice),
		animated: asBoolean(media.animated),
	});
	return { media: info, text: caption };
}

function readLocation(payload: unknown): MessageContent {
	const location = asRecord(payload);
	if (!location) return {};
	const info: LocationInfo = compact({
		latitude: asNumber(location.latitude),
		longitude: asNumber(location.longitude),
		name: asString(location.name),
		address: asString(location.address),
		url: asString(location.url),
	});
	return { location: info };
}

function readReaction(payload: unknown): MessageContent {
	const reaction = asRecord(payload);
	if (!reaction) return {};
	const emoji = asString(reaction.emoji) ?? '';
	const info: ReactionInfo = compact({
		messageId: asId(reaction.message_id),
		emoji,
		removed: emoji === '',
	});
	return { reaction: info };
}

function readFlowReply(nfm: Record<string, unknown>): MessageContent {
	// response_json is JSON inside a string: parsed when it can be, kept as sent when not.
	const flowResponse = parseJsonText(nfm.response_json);
	const body = asString(nfm.body);
	const reply: InteractiveReply = compact({
		type: 'nfm_reply',
		id: asId(asRecord(flowResponse)?.flow_token),
		title: body,
		flowName: asString(nfm.name),
		body,
	});
	return { reply, flowResponse, text: body };
}

function readInteractive(payload: unknown): MessageContent {
	const interactive = asRecord(payload);
	const type = asId(interactive?.type);
	if (!interactive || !type) return {};
	const answer = Object.prototype.hasOwnProperty.call(interactive, type)
		? asRecord(interactive[type])
		: undefined;
	if (type === 'nfm_reply' && answer) return readFlowReply(answer);
	const title = asString(answer?.title);
	const reply: InteractiveReply = compact({
		type,
		id: asId(answer?.id),
		title,
		description: asString(answer?.description),
	});
	return { reply, text: title };
}

function readButton(payload: unknown): MessageContent {
	const button = asRecord(payload);
	if (!button) return {};
	const text = asString(button.text);
	return { button: compact({ payload: asString(button.payload), text }), text };
}

function readOrder(payload: unknown): MessageContent {
	const order = asRecord(payload);
	return order ? { order, text: asString(order.text) } : {};
}

const READERS = new Map<string, ContentReader>([
	['text', (payload) => ({ text: asString(asRecord(payload)?.body) })],
	['image', readMedia],
	['audio', readMedia],
	['video', readMedia],
	['document', readMedia],
	['sticker', readMedia],
	['location', readLocation],
	['contacts', (payload) => (Array.isArray(payload) ? { contacts: payload } : {})],
	['reaction', readReaction],
	['interactive', readInteractive],
	['button', readButton],
	['order', readOrder],
	['system', (payload) => ({ system: compactOrNothing(camelKeys(asRecord(payload) ?? {})) })],
]);

/** The typed part of a message (`message[type]`) in friendly fields; nothing for types it does not know. */
export function readMessageContent(type: string, message: Record<string, unknown>): MessageContent {
	return readWith(READERS, type, message);
}

function readWith(
	readers: Map<string, ContentReader>,
	type: string,
	message: Record<string, unknown>,
): MessageContent {
	const reader = readers.get(type);
	if (!reader || !Object.prototype.hasOwnProperty.call(message, type)) return {};
	return reader(message[type]);
}

// Shape of call_permission_reply: pywa tests/data/updates/call_permission_update.json; Meta "Calling API:
// user call permissions" (response, expiration_timestamp, response_source, is_permanent).
function readCallPermission(answer: Record<string, unknown> | undefined): CallPermissionReply {
	const expirationTimestamp = asNumber(answer?.expiration_timestamp);
	return compact({
		response: asId(answer?.response),
		responseSource: asId(answer?.response_source),
		isPermanent: asBoolean(answer?.is_permanent),
		expiresAt: isoTime(expirationTimestamp),
		expirationTimestamp,
	});
}

function readInteractiveV2(payload: unknown): MessageContent {
	const interactive = asRecord(payload);
	if (interactive?.type !== 'call_permission_reply') return readInteractive(payload);
	const answer = asRecord(interactive.call_permission_reply);
	return { reply: { type: 'call_permission_reply' }, callPermission: readCallPermission(answer) };
}

// Deleted and edited messages: pywa tests/data/updates/deleted_message.json and edited_message.json;
// Meta "Messages webhook reference" (revoke.original_message_id; edit.original_message_id and edit.message).
function readRevoke(payload: unknown): MessageContent {
	return { originalMessageId: asId(asRecord(payload)?.original_message_id) };
}

function readEdit(payload: unknown): MessageContent {
	const edit = asRecord(payload);
	const message = asRecord(edit?.message);
	const editedType = asId(message?.type);
	const content = message && editedType ? readWith(READERS_V2, editedType, message) : {};
	return { ...content, originalMessageId: asId(edit?.original_message_id), editedType };
}

const READERS_V2 = new Map<string, ContentReader>([
	...READERS,
	['interactive', readInteractiveV2],
	['revoke', readRevoke],
	['edit', readEdit],
]);

/** Item shape 2: as `readMessageContent`, and deletions, edits and call permission replies read too. */
export function readMessageContentV2(
	type: string,
	message: Record<string, unknown>,
): MessageContent {
	return readWith(READERS_V2, type, message);
}
