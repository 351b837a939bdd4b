import {
	asBoolean,
	asId,
	asNumber,
	asRecord,
	asString,
	camelKeys,
	compact,
	compactOrNothing,
	parseJsonText,
} from './read';
import type {
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
	const reader = READERS.get(type);
	if (!reader || !Object.prototype.hasOwnProperty.call(message, type)) return {};
	return reader(message[type]);
}
