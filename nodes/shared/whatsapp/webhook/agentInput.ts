import type { InboundMessageItem, ItemVersion } from './types';

const MEDIA_LABELS: Record<string, string> = {
	image: 'image',
	video: 'video',
	document: 'document',
	sticker: 'sticker',
};

function mediaLabel(item: InboundMessageItem, type: string): string | undefined {
	if (type === 'audio') return item.media?.voice ? '[voice note]' : '[audio]';
	const label = MEDIA_LABELS[type];
	if (!label) return undefined;
	return item.media?.filename ? `[${label}: ${item.media.filename}]` : `[${label}]`;
}

function locationLabel(item: InboundMessageItem): string | undefined {
	const location = item.location;
	if (!location) return undefined;
	const place = [location.name, location.address].filter(Boolean).join(', ');
	const point =
		location.latitude !== undefined && location.longitude !== undefined
			? `${location.latitude}, ${location.longitude}`
			: '';
	return `[location: ${[place, point].filter(Boolean).join(' ')}]`;
}

function contactsLabel(item: InboundMessageItem): string | undefined {
	if (!item.contacts) return undefined;
	const names = item.contacts
		.map((card) => (card as { name?: { formatted_name?: unknown } })?.name?.formatted_name)
		.filter((name): name is string => typeof name === 'string' && name !== '');
	return names.length > 0 ? `[contact: ${names.join(', ')}]` : '[contact]';
}

function describe(item: InboundMessageItem, itemVersion: ItemVersion): string {
	if (item.reaction)
		return item.reaction.removed ? '[reaction removed]' : `[reaction: ${item.reaction.emoji}]`;
	const system = item.system?.body;
	if (item.type === 'system')
		return typeof system === 'string' ? `[system: ${system}]` : '[system]';
	if (item.type === 'revoke' && itemVersion === 2) return '[message deleted]';
	if (item.callPermission) return `[call permission: ${item.callPermission.response ?? 'unknown'}]`;
	// An edit is described by what it now holds: an edited photo without caption is a photo.
	const type = item.editedType ?? item.type;
	return (
		mediaLabel(item, type) ??
		locationLabel(item) ??
		contactsLabel(item) ??
		(type === 'order' ? '[order]' : `[${type} message]`)
	);
}

/** Who wrote in a group, as the agent should read it: their profile name, username, number or user id. */
function speakerOf(item: InboundMessageItem): string {
	return item.contactName ?? item.username ?? item.from ?? item.fromUserId ?? 'someone';
}

/**
 * `chatInput` and `sessionId`, the fields n8n's AI Agent and memory nodes read: what the user wrote or
 * chose, or a short description of a message without text; and who wrote it. A group is one conversation
 * whatever its members: its session is the group's (`group:<id>`), and each input names who wrote it.
 */
export function agentFieldsOf(
	item: InboundMessageItem,
	itemVersion: ItemVersion = 1,
): { chatInput: string; sessionId?: string } {
	const text = item.text !== undefined && item.text.trim() !== '' ? item.text : undefined;
	const chatInput = text ?? describe(item, itemVersion);
	if (item.groupId !== undefined)
		return { chatInput: `${speakerOf(item)}: ${chatInput}`, sessionId: `group:${item.groupId}` };
	return { chatInput, sessionId: item.fromUserId ?? item.from };
}
