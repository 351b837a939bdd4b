import { agentFieldsOf } from './agentInput';
import { rawOf, type ChangeScope } from './changeScope';
import { readMessageContent, readMessageContentV2 } from './messageContent';
import {
	asBoolean,
	asId,
	asRecord,
	camelKeys,
	compact,
	compactOrNothing,
	readTimestamp,
} from './read';
import { readSender } from './sender';
import type { InboundMessageItem, MessageContext } from './types';
import { readWebhookErrors } from './webhookErrors';

export function readContext(value: unknown): MessageContext | undefined {
	const context = asRecord(value);
	if (!context) return undefined;
	const product = asRecord(context.referred_product);
	return compact({
		messageId: asId(context.id),
		from: asId(context.from),
		forwarded: asBoolean(context.forwarded) ?? false,
		frequentlyForwarded: asBoolean(context.frequently_forwarded) ?? false,
		referredProduct:
			product &&
			compactOrNothing({
				catalogId: asId(product.catalog_id),
				productRetailerId: asId(product.product_retailer_id),
			}),
	});
}

function readReferral(value: unknown): Record<string, unknown> | undefined {
	const referral = asRecord(value);
	return referral ? compactOrNothing(camelKeys(referral)) : undefined;
}

/** One inbound message as a flat item; nothing when it is not a message object or has no id. */
export function simplifyMessage(
	value: unknown,
	scope: ChangeScope,
): InboundMessageItem | undefined {
	const message = asRecord(value);
	const messageId = asId(message?.id);
	if (!message || !messageId) return undefined;
	const type = asId(message.type) ?? 'unknown';
	const v2 = scope.itemVersion === 2;
	const item = {
		[scope.labelKey]: 'message',
		messageId,
		type,
		...readSender(message, scope.contacts),
		...(v2 ? readMessageContentV2(type, message) : readMessageContent(type, message)),
		...readTimestamp(message.timestamp),
		context: readContext(message.context),
		referral: readReferral(message.referral),
		errors: readWebhookErrors(message.errors, 'inbound'),
		// Group messages: pywa types/chat.py (Chat.from_message reads msg["group_id"]); Meta "Groups API: messaging".
		groupId: v2 ? asId(message.group_id) : undefined,
		...scope.business,
		raw: rawOf(scope, {
			message,
			contacts: scope.contacts.length > 0 ? scope.contacts : undefined,
		}),
	} as InboundMessageItem;
	return compact(scope.agentFields ? { ...item, ...agentFieldsOf(item, scope.itemVersion) } : item);
}
