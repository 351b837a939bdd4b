import { asId, asRecord, cloneJson, compact, type JsonRecord } from './read';
import type { BusinessNumber, ItemVersion } from './types';

/** What every item of one change shares: the number that received it, the senders' profiles, whether to keep raw data. */
export interface ChangeScope {
	business: BusinessNumber;
	/** The change's `contacts[]`: one profile per sender. */
	contacts: unknown[];
	metadata?: JsonRecord;
	includeRaw: boolean;
	agentFields: boolean;
	itemVersion: ItemVersion;
	/**
	 * The key that says what an item is: `event` in item shape 1; `itemType` in shape 2, where `event` belongs
	 * to the payload (a call's connect, a template's APPROVED).
	 */
	labelKey: 'event' | 'itemType';
}

export function readChangeScope(
	value: JsonRecord,
	wabaId: string | undefined,
	options: { includeRaw: boolean; agentFields: boolean; itemVersion: ItemVersion },
): ChangeScope {
	const metadata = asRecord(value.metadata);
	return {
		business: compact({
			wabaId,
			businessPhoneNumberId: asId(metadata?.phone_number_id),
			businessDisplayPhoneNumber: asId(metadata?.display_phone_number),
		}),
		contacts: Array.isArray(value.contacts) ? value.contacts : [],
		metadata,
		includeRaw: options.includeRaw,
		agentFields: options.agentFields,
		itemVersion: options.itemVersion,
		labelKey: options.itemVersion === 2 ? 'itemType' : 'event',
	};
}

/** The received objects behind an item, copied so that no two items share them; nothing unless asked for. */
export function rawOf(scope: ChangeScope, parts: JsonRecord): JsonRecord | undefined {
	if (!scope.includeRaw) return undefined;
	return cloneJson(compact({ ...parts, metadata: scope.metadata }));
}
