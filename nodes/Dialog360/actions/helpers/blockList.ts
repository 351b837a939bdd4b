/** Blocking and unblocking users: one call per item, every user of the item in it. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { nodeRequest } from './nodeRequest';
import {
	buildBlockUsersBody,
	describeFailedUsers,
	readBlockUsersAnswer,
	readUserList,
} from '../../../shared/whatsapp/account/blockedUsers';
import { withItemError } from './itemError';

/** The status the platform answers when some users of a call failed; its body still lists who went through. */
const PARTIAL_FAILURE = 400;

/**
 * Blocks (POST) or unblocks (DELETE) the item's users; one output item per user. When some users fail, the
 * item fails, naming each of them with the reason and the users that did go through.
 */
export async function changeBlockList(
	this: IExecuteFunctions,
	i: number,
	change: 'block' | 'unblock',
): Promise<INodeExecutionData[]> {
	const users = withItemError(this, i, () => readUserList(this.getNodeParameter('users', i)));
	const { body } = await nodeRequest.call(this, {
		method: change === 'block' ? 'POST' : 'DELETE',
		path: '/block_users',
		body: buildBlockUsersBody(users) as IDataObject,
		answerStatuses: [PARTIAL_FAILURE],
		itemIndex: i,
	});
	const result = readBlockUsersAnswer(body, change === 'block' ? 'added_users' : 'removed_users');
	if (result.failed.length > 0 || result.done.length === 0) {
		const failed =
			result.failed.length > 0 ? describeFailedUsers(result.failed) : 'no user went through';
		const done = result.done.map((user) => user.input ?? user.waId).join(', ');
		throw new NodeOperationError(
			this.getNode(),
			`${result.failed.length} of ${users.length} users could not be ${change}ed: ${failed}`,
			{
				itemIndex: i,
				description: `${done ? `These were ${change}ed: ${done}. ` : ''}Correct or remove the users named above and run the item again.`,
			},
		);
	}
	const flag = change === 'block' ? 'blocked' : 'unblocked';
	return result.done.map((user) => ({
		json: { waId: user.waId, input: user.input, [flag]: true },
		pairedItem: { item: i },
	}));
}
