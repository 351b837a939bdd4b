import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import {
	buildParticipantsBody,
	groupPath,
	readFailedParticipants,
	readParticipants,
} from '../../../shared/whatsapp/groups/groups';
import { withItemError } from '../helpers/itemError';
import { groupIdProperty, readGroupId, showOnGroup } from './fields';

export const description: INodeProperties[] = [
	groupIdProperty(['removeParticipants']),
	{
		displayName: 'Participants',
		name: 'participants',
		type: 'string',
		default: '',
		required: true,
		placeholder: '+49 151 12345678, US.13491208655302741918',
		description:
			'Phone numbers with country code or user IDs of the participants to remove, separated by commas (at most 8)',
		displayOptions: { show: showOnGroup('removeParticipants') },
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const groupId = readGroupId.call(this, i);
	const participants = withItemError(this, i, () =>
		readParticipants(this.getNodeParameter('participants', i)),
	);
	const { body } = await dialog360Request.call(this, {
		method: 'DELETE',
		path: groupPath(groupId, 'participants'),
		body: buildParticipantsBody(participants) as IDataObject,
		itemIndex: i,
	});
	const failed = readFailedParticipants(body);
	if (failed.length > 0) {
		throw new NodeOperationError(
			this.getNode(),
			`${failed.length} of ${participants.length} participants could not be removed: ${failed
				.map((participant) => `${participant.user}: ${participant.message}`)
				.join('; ')}`,
			{
				itemIndex: i,
				description:
					'Check each participant named above against Group → Get, then run the item again.',
			},
		);
	}
	return participants.map((participant) => ({
		json: { groupId, ...participant, removed: true },
		pairedItem: { item: i },
	}));
}
