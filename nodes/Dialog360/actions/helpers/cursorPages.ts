/** Walking a cursor-paged list (GET /block_users, GET /groups, GET /groups/{id}/join_requests) up to the item's limit. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { nodeRequest } from './nodeRequest';

/** One answer of a cursor-paged list: its entries and the cursor of the next page, if any. */
export interface CursorPage<T> {
	entries: T[];
	after?: string;
}

/** Entries asked for per call. */
const PAGE_SIZE = 100;

export async function collectPages<T>(
	this: IExecuteFunctions,
	i: number,
	path: string,
	readPage: (answer: unknown) => CursorPage<T>,
): Promise<T[]> {
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
	const entries: T[] = [];
	let after: string | undefined;
	do {
		const { body } = await nodeRequest.call(this, {
			method: 'GET',
			path,
			qs: { limit: Math.min(PAGE_SIZE, limit - entries.length), ...(after ? { after } : {}) },
			itemIndex: i,
		});
		const page = readPage(body);
		entries.push(...page.entries);
		// A page without entries ends the walk even with a cursor, so that a misbehaving answer cannot loop.
		after = page.entries.length > 0 ? page.after : undefined;
	} while (after && entries.length < limit);
	return entries.slice(0, limit);
}
