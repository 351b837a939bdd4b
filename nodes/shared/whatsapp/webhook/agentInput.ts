import type { InboundMessageItem } from './types';

const MEDIA_LABELS: Record<string, string> = {
	image: 'image',
	video: 'video',
	document: 'document',
	sticker: 'sticker',
};

function mediaLabel(item: InboundMessageItem): string | undefined {
	if (item.type === 'audio') return item.media?.voice ? '[voice note]' : '[audio]';
	const label = MEDIA_LABELS[item.type];
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

function describe(item: InboundMessageItem): string {
	if (item.reaction)
		return item.reaction.removed ? '[reaction removed]' : `[reaction: ${item.reaction.emoji}]`;
	const system = item.system?.body;
	if (item.type === 'system')
		return typeof system === 'string' ? `[system: ${system}]` : '[system]';
	return (
		mediaLabel(item) ??
		locationLabel(item) ??
		contactsLabel(item) ??
		(item.type === 'order' ? '[order]' : `[${item.type} message]`)
	);
}

/**
 * `chatInput` and `sessionId`, the fields n8n's AI Agent and memory nodes read: what the user wrote or
 * chose, or a short description of a message without text; and who wrote it.
 */
export function agentFieldsOf(item: InboundMessageItem): { chatInput: string; sessionId?: string } {
	const text = item.text !== undefined && item.text.trim() !== '' ? item.text : undefined;
	return { chatInput: text ?? describe(item), sessionId: item.fromUserId ?? item.from };
}
