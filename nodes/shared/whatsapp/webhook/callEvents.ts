import type { ChangeScope } from './changeScope';
import { camelDeep, eventItem } from './eventItem';
import {
	asId,
	asNumber,
	asRecord,
	asString,
	compact,
	isoTime,
	readTimestamp,
	type JsonRecord,
} from './read';
import { readSender } from './sender';
import type { AccountEventItem } from './types';
import { readWebhookErrors } from './webhookErrors';

/*
 * Shapes of `calls` webhooks: pywa tests/data/updates/call_connect.json (connect with session.sdp and
 * sdp_type offer|answer), call_terminate.json (status, start_time, end_time, duration, value.errors);
 * Meta "Calling API reference: webhooks"; 360dialog docs messaging/calling/how-to-configure-calling-api.
 */

/** The customer's side of a call: the caller of a user-initiated call, the callee of a business-initiated one. */
function customerSide(call: JsonRecord): { phone?: string; userId?: string; isCaller: boolean } {
	const isCaller = asId(call.direction) !== 'BUSINESS_INITIATED';
	return isCaller
		? { phone: asId(call.from), userId: asId(call.from_user_id), isCaller }
		: { phone: asId(call.to), userId: asId(call.to_user_id), isCaller };
}

function callItem(
	call: JsonRecord,
	changeErrors: ReturnType<typeof readWebhookErrors>,
	entryTime: unknown,
	scope: ChangeScope,
): AccountEventItem {
	const side = customerSide(call);
	const customer = readSender({ from: side.phone, from_user_id: side.userId }, scope.contacts);
	const session = asRecord(call.session);
	const fields = compact({
		callId: asId(call.id),
		event: asId(call.event),
		direction: asId(call.direction),
		from: asId(call.from),
		to: asId(call.to),
		fromUserId: side.isCaller ? customer.fromUserId : asId(call.from_user_id),
		toUserId: side.isCaller ? asId(call.to_user_id) : customer.fromUserId,
		contactName: customer.contactName,
		username: customer.username,
		sessionId: customer.fromUserId ?? customer.from,
		status: asId(call.status),
		startTime: isoTime(asNumber(call.start_time)),
		endTime: isoTime(asNumber(call.end_time)),
		duration: asNumber(call.duration),
		bizOpaqueCallbackData: asString(call.biz_opaque_callback_data),
		session: session ? (camelDeep(session) as JsonRecord) : undefined,
		errors: readWebhookErrors(call.errors) ?? changeErrors,
	});
	return eventItem(
		'calls',
		'call',
		fields,
		readTimestamp(call.timestamp ?? entryTime),
		scope,
		compact({ call, contacts: scope.contacts.length > 0 ? scope.contacts : undefined }),
	);
}

/** One Event item per call of a `calls` change; its `statuses` are read as statuses elsewhere. */
export function readCallEvents(
	value: JsonRecord,
	entryTime: unknown,
	scope: ChangeScope,
): AccountEventItem[] {
	if (!Array.isArray(value.calls)) return [];
	const changeErrors = readWebhookErrors(value.errors);
	const items: AccountEventItem[] = [];
	for (const entry of value.calls) {
		const call = asRecord(entry);
		if (call && asId(call.id)) items.push(callItem(call, changeErrors, entryTime, scope));
	}
	return items;
}
