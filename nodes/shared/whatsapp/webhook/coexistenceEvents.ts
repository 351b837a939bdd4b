import type { ChangeScope } from './changeScope';
import { eventItem } from './eventItem';
import { readMessageContentV2 } from './messageContent';
import {
	asId,
	asNumber,
	asRecord,
	asRecords,
	compact,
	readTimestamp,
	type JsonRecord,
} from './read';
import { readSender } from './sender';
import { readContext } from './simplifyMessage';
import type { AccountEventItem } from './types';
import { readWebhookErrors } from './webhookErrors';

/*
 * Coexistence webhooks (a number on the WhatsApp Business App and the Cloud API at once): 360dialog docs
 * partner/waba-management/whatsapp-coexistence/coexistence-webhooks; Meta "Onboarding WhatsApp Business
 * app users" (history, smb_app_state_sync, smb_message_echoes); pywa tests/data/updates/outgoing_message.json.
 */

/** The message part of an echo or a history message, read like an inbound message's. */
function messageFields(message: JsonRecord): JsonRecord {
	const type = asId(message.type) ?? 'unknown';
	return {
		messageId: asId(message.id),
		type,
		...readMessageContentV2(type, message),
		context: readContext(message.context),
		errors: readWebhookErrors(message.errors),
	};
}

/** One item per `message_echoes[]` entry: what a person at the business sent from the Business App. */
export function readMessageEchoes(
	value: JsonRecord,
	entryTime: unknown,
	scope: ChangeScope,
): AccountEventItem[] {
	return asRecords(value.message_echoes)
		.filter((echo) => asId(echo.id) !== undefined)
		.map((echo) => {
			const customer = readSender({ from: echo.to, from_user_id: echo.to_user_id }, scope.contacts);
			const fields = compact({
				sentBy: 'business',
				...messageFields(echo),
				from: asId(echo.from),
				to: customer.from,
				toUserId: customer.fromUserId,
				toParentUserId: asId(echo.to_parent_user_id) ?? customer.fromParentUserId,
				contactName: customer.contactName,
				username: customer.username,
				sessionId: customer.fromUserId ?? customer.from,
			});
			return eventItem(
				'smb_message_echoes',
				'messageEcho',
				fields,
				readTimestamp(echo.timestamp ?? entryTime),
				scope,
				{ echo },
			);
		});
}

function historyMessageItem(
	message: JsonRecord,
	thread: JsonRecord,
	chunk: JsonRecord,
	entryTime: unknown,
	scope: ChangeScope,
): AccountEventItem {
	const threadId = asId(thread.id);
	const from = asId(message.from);
	const fields = compact({
		...messageFields(message),
		sentBy: threadId !== undefined && from === threadId ? 'user' : 'business',
		from,
		to: asId(message.to),
		threadId,
		sessionId: threadId,
		historyStatus: asId(asRecord(message.history_context)?.status),
		phase: asNumber(chunk.phase),
		chunkOrder: asNumber(chunk.chunk_order),
		progress: asNumber(chunk.progress),
	});
	return eventItem(
		'history',
		'historyMessage',
		fields,
		readTimestamp(message.timestamp ?? entryTime),
		scope,
		{ message, thread: compact({ id: thread.id }), metadata: chunk },
	);
}

/**
 * One item per message of the synced chats, each with its thread (the customer's number) and the chunk's
 * progress; a history entry that only carries errors (the business declined to share) is one item with them.
 */
export function readHistory(
	value: JsonRecord,
	entryTime: unknown,
	scope: ChangeScope,
): AccountEventItem[] {
	const items: AccountEventItem[] = [];
	for (const entry of asRecords(value.history)) {
		const chunk = asRecord(entry.metadata) ?? {};
		const threads = asRecords(entry.threads);
		for (const thread of threads)
			for (const message of asRecords(thread.messages))
				items.push(historyMessageItem(message, thread, chunk, entryTime, scope));
		const errors = readWebhookErrors(entry.errors);
		if (threads.length === 0 && errors)
			items.push(
				eventItem('history', 'historyError', { errors }, readTimestamp(entryTime), scope, {
					entry,
				}),
			);
	}
	return items;
}

/** One item per `state_sync[]` entry: a contact added to or removed from the Business App. */
export function readStateSync(
	value: JsonRecord,
	entryTime: unknown,
	scope: ChangeScope,
): AccountEventItem[] {
	return asRecords(value.state_sync).map((entry) => {
		const contact = asRecord(entry.contact) ?? {};
		const fields = compact({
			syncType: asId(entry.type),
			action: asId(entry.action),
			fullName: asId(contact.full_name),
			firstName: asId(contact.first_name),
			phoneNumber: asId(contact.phone_number),
		});
		const time = asRecord(entry.metadata)?.timestamp ?? entryTime;
		return eventItem('smb_app_state_sync', 'contactSync', fields, readTimestamp(time), scope, {
			entry,
		});
	});
}
