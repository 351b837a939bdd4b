import type { IDataObject } from 'n8n-workflow';

/** The rows of a fixedCollection, e.g. `group` = a section's `rows` and `key` = 'row'; none when it is empty. */
export function collectionRows(group: unknown, key: string): IDataObject[] {
	return ((group as IDataObject | undefined)?.[key] as IDataObject[] | undefined) ?? [];
}
