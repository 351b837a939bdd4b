import { rawOf, type ChangeScope } from './changeScope';
import {
	asBoolean,
	asId,
	asNumber,
	asRecord,
	asString,
	compact,
	compactOrNothing,
	isoTime,
	readTimestamp,
} from './read';
import type { ConversationInfo, PricingInfo, StatusItem } from './types';
import { readWebhookErrors } from './webhookErrors';

function readConversation(value: unknown): ConversationInfo | undefined {
	const conversation = asRecord(value);
	if (!conversation) return undefined;
	return compactOrNothing({
		id: asId(conversation.id),
		origin: asId(asRecord(conversation.origin)?.type) ?? asId(conversation.origin),
		expiresAt: isoTime(asNumber(conversation.expiration_timestamp)),
	});
}

function readPricing(value: unknown): PricingInfo | undefined {
	const pricing = asRecord(value);
	if (!pricing) return undefined;
	return compactOrNothing({
		billable: asBoolean(pricing.billable),
		pricingModel: asId(pricing.pricing_model),
		category: asId(pricing.category),
		type: asId(pricing.type),
	});
}

/** One delivery status as a flat item; nothing when it names no message id or no status. */
export function simplifyStatus(value: unknown, scope: ChangeScope): StatusItem | undefined {
	const status = asRecord(value);
	const messageId = asId(status?.id);
	const state = asId(status?.status);
	if (!status || !messageId || !state) return undefined;
	const errors = readWebhookErrors(status.errors);
	const firstError = errors?.[0];
	const v2 = scope.itemVersion === 2;
	// A call's status shares the statuses list: pywa tests/data/updates/call_status.json (type "call").
	const type = v2 ? asId(status.type) : undefined;
	const isCall = v2 ? type === 'call' : undefined;
	const item = {
		[scope.labelKey]: 'status',
		messageId,
		status: state,
		type,
		isCall,
		callId: isCall ? messageId : undefined,
		recipientId: asId(status.recipient_id),
		recipientUserId: asId(status.recipient_user_id),
		...readTimestamp(status.timestamp),
		conversation: readConversation(status.conversation),
		pricing: readPricing(status.pricing),
		bizOpaqueCallbackData: asString(status.biz_opaque_callback_data),
		errors,
		errorCode: firstError?.code,
		errorMessage: firstError?.message,
		errorHint: firstError?.hint,
		...scope.business,
		raw: rawOf(scope, { status }),
	} as StatusItem;
	return compact(item);
}
