/**
 * Approving (POST) or rejecting (DELETE) join requests of a group with approval required: one call per item,
 * one output item per request. When some fail, the item fails, naming each of them and those that went through.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import {
	buildJoinRequestsBody,
	groupPath,
	readJoinRequestIds,
	readJoinRequestOutcome,
} from '../../../shared/whatsapp/groups/groups';
import { withItemError } from '../helpers/itemError';
import { groupIdProperty, readGroupId, showOnGroup } from './fields';

export function joinRequestProperties(operation: string, verb: string): INodeProperties[] {
	return [
		groupIdProperty([operation]),
		{
			displayName: 'Join Request IDs',
			name: 'joinRequestIds',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'MTIzNDU2Nzg5MDEyMzQ1',
			description: `The join requests to ${verb}, separated by commas: "joinRequestId" of List Join Requests or of a join request webhook`,
			displayOptions: { show: showOnGroup(operation) },
		},
	];
}

export async function answerJoinRequests(
	this: IExecuteFunctions,
	i: number,
	decision: 'approve' | 'reject',
): Promise<INodeExecutionData[]> {
	const groupId = readGroupId.call(this, i);
	const ids = withItemError(this, i, () =>
		readJoinRequestIds(this.getNodeParameter('joinRequestIds', i)),
	);
	const { body } = await dialog360Request.call(this, {
		method: decision === 'approve' ? 'POST' : 'DELETE',
		path: groupPath(groupId, 'join_requests'),
		body: buildJoinRequestsBody(ids) as IDataObject,
		itemIndex: i,
	});
	const outcome = readJoinRequestOutcome(
		body,
		decision === 'approve' ? 'approved_join_requests' : 'rejected_join_requests',
	);
	const flag = decision === 'approve' ? 'approved' : 'rejected';
	if (outcome.failed.length > 0) {
		const failed = outcome.failed
			.map((request) => `${request.joinRequestId}: ${request.message}`)
			.join('; ');
		throw new NodeOperationError(
			this.getNode(),
			`${outcome.failed.length} of ${ids.length} join requests could not be ${flag}: ${failed}`,
			{
				itemIndex: i,
				description: `${outcome.done.length > 0 ? `These were ${flag}: ${outcome.done.join(', ')}. ` : ''}List the pending requests again (List Join Requests) and retry with ids from there.`,
			},
		);
	}
	const done = outcome.done.length > 0 ? outcome.done : ids;
	return done.map((joinRequestId) => ({
		json: { groupId, joinRequestId, [flag]: true },
		pairedItem: { item: i },
	}));
}
