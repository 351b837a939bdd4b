import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { collectPages } from '../helpers/cursorPages';
import { readBlockedUsersPage } from '../../../shared/whatsapp/account/blockedUsers';
import type { BlockedUser } from '../../../shared/whatsapp/account/blockedUsers';
import { paginationProperties } from '../descriptions/pagination.description';

export const description = paginationProperties({
	resource: ['account'],
	operation: ['listBlockedUsers'],
});

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const users = (await collectPages.call(this, i, '/block_users', (answer) => {
		const page = readBlockedUsersPage(answer);
		return { entries: page.users, after: page.after };
	})) as BlockedUser[];
	return users.map((user) => ({
		json: { waId: user.waId, input: user.input },
		pairedItem: { item: i },
	}));
}
