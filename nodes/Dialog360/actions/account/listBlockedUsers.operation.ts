import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { nodeRequest } from '../helpers/nodeRequest';
import { readBlockedUsersPage } from '../../../shared/whatsapp/account/blockedUsers';
import type { BlockedUser } from '../../../shared/whatsapp/account/blockedUsers';
import { paginationProperties } from '../descriptions/pagination.description';

/** Users asked for per call. */
const PAGE_SIZE = 100;

export const description = paginationProperties({
	resource: ['account'],
	operation: ['listBlockedUsers'],
});

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
	const users: BlockedUser[] = [];
	let after: string | undefined;
	do {
		const { body } = await nodeRequest.call(this, {
			method: 'GET',
			path: '/block_users',
			qs: { limit: Math.min(PAGE_SIZE, limit - users.length), ...(after ? { after } : {}) },
			itemIndex: i,
		});
		const page = readBlockedUsersPage(body);
		users.push(...page.users);
		// A page without users ends the walk even with a cursor, so that a misbehaving answer cannot loop.
		after = page.users.length > 0 ? page.after : undefined;
	} while (after && users.length < limit);
	return users.slice(0, limit).map((user) => ({
		json: { waId: user.waId, input: user.input },
		pairedItem: { item: i },
	}));
}
