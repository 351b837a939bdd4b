import { asId, asRecord, type JsonRecord } from './read';

export interface Sender {
	from?: string;
	fromUserId?: string;
	fromParentUserId?: string;
	contactName?: string;
	username?: string;
}

function isSameSender(
	contact: JsonRecord,
	from: string | undefined,
	userId: string | undefined,
): boolean {
	return (
		(from !== undefined && asId(contact.wa_id) === from) ||
		(userId !== undefined && asId(contact.user_id) === userId)
	);
}

/** A lone profile belongs to the sender unless their phone numbers or user ids say otherwise. */
function isCompatible(
	contact: JsonRecord,
	from: string | undefined,
	userId: string | undefined,
): boolean {
	const waId = asId(contact.wa_id);
	const contactUserId = asId(contact.user_id);
	return !(from && waId && waId !== from) && !(userId && contactUserId && contactUserId !== userId);
}

function findProfile(
	contacts: unknown[],
	from: string | undefined,
	userId: string | undefined,
): JsonRecord | undefined {
	for (const candidate of contacts) {
		const contact = asRecord(candidate);
		if (contact && isSameSender(contact, from, userId)) return contact;
	}
	const lone = contacts.length === 1 ? asRecord(contacts[0]) : undefined;
	return lone && isCompatible(lone, from, userId) ? lone : undefined;
}

/**
 * Who sent a message: phone number, business-scoped user id and profile name, taken from the message
 * and the change's `contacts[]` entry for the same sender (matched by `wa_id` or `user_id`).
 */
export function readSender(message: JsonRecord, contacts: unknown[]): Sender {
	const from = asId(message.from);
	const userId = asId(message.from_user_id);
	const profile = findProfile(contacts, from, userId);
	return {
		from: from ?? asId(profile?.wa_id),
		fromUserId: userId ?? asId(profile?.user_id),
		fromParentUserId: asId(message.from_parent_user_id) ?? asId(profile?.parent_user_id),
		contactName: asId(asRecord(profile?.profile)?.name),
		username: asId(asRecord(profile?.profile)?.username),
	};
}
