import { readAccountEventsV2 } from './accountEvents';
import { readCallEvents } from './callEvents';
import type { ChangeScope } from './changeScope';
import { readHistory, readMessageEchoes, readStateSync } from './coexistenceEvents';
import type { JsonRecord } from './read';
import type { AccountEventItem } from './types';

type EventReader = (
	value: JsonRecord,
	entryTime: unknown,
	scope: ChangeScope,
) => AccountEventItem[];

/** Fields whose entries are read into items of their own kind; every other field is read generically. */
const READERS: Record<string, EventReader> = {
	calls: readCallEvents,
	smb_message_echoes: readMessageEchoes,
	history: readHistory,
	smb_app_state_sync: readStateSync,
};

/** Item shape 2: the Event items of one change that is not a `messages` change. */
export function readEventItems(
	field: string,
	value: JsonRecord,
	entryTime: unknown,
	scope: ChangeScope,
): AccountEventItem[] {
	const reader = Object.prototype.hasOwnProperty.call(READERS, field) ? READERS[field] : undefined;
	return reader
		? reader(value, entryTime, scope)
		: readAccountEventsV2(field, value, entryTime, scope);
}
