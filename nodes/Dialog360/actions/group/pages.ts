/** Walking a cursor-paged group list (GET /groups, GET /groups/{id}/join_requests) up to the item's limit. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import type { Page } from '../../../shared/whatsapp/groups/groups';

/** Entries asked for per call. */
const PAGE_SIZE = 100;

export async function collectPages<T>(
	this: IExecuteFunctions,
	i: number,
	path: string,
	readPage: (answer: unknown) => Page<T>,
): Promise<T[]> {
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
	const entries: T[] = [];
	let after: string | undefined;
	do {
		const { body } = await dialog360Request.call(this, {
			method: 'GET',
			path,
			qs: { limit: Math.min(PAGE_SIZE, limit - entries.length), ...(after ? { after } : {}) },
			itemIndex: i,
		});
		const page = readPage(body);
		entries.push(...page.entries);
		after = page.after;
	} while (after && entries.length < limit);
	return entries.slice(0, limit);
}
