import type { INodeProperties } from 'n8n-workflow';

import type { OperationProperty, OperationTable } from '../operation';
import * as approveJoinRequests from './approveJoinRequests.operation';
import * as create from './create.operation';
import * as deleteGroup from './delete.operation';
import * as get from './get.operation';
import * as getInviteLink from './getInviteLink.operation';
import * as list from './list.operation';
import * as listJoinRequests from './listJoinRequests.operation';
import * as rejectJoinRequests from './rejectJoinRequests.operation';
import * as removeParticipants from './removeParticipants.operation';
import * as resetInviteLink from './resetInviteLink.operation';
import * as update from './update.operation';

export const operations: OperationTable<'group'> = {
	create,
	get,
	list,
	update,
	delete: deleteGroup,
	getInviteLink,
	resetInviteLink,
	listJoinRequests,
	approveJoinRequests,
	rejectJoinRequests,
	removeParticipants,
};

const operationProperty: OperationProperty<'group'> = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['group'] } },
	options: [
		{
			name: 'Approve Join Requests',
			value: 'approveJoinRequests',
			action: 'Approve join requests',
			description: 'Let users who asked to join a group in',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a group',
			description:
				'Create a group and its invite link (Official Business Accounts, up to 8 participants)',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a group',
			description: 'Delete a group and remove every participant',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a group',
			description: 'Get the subject, description, settings and participants of a group',
		},
		{
			name: 'Get Invite Link',
			value: 'getInviteLink',
			action: 'Get the invite link of a group',
			description: 'Get the link users open to join the group',
		},
		{
			name: 'List Active Groups',
			value: 'list',
			action: 'List active groups',
			description: 'List the groups this number runs',
		},
		{
			name: 'List Join Requests',
			value: 'listJoinRequests',
			action: 'List join requests of a group',
			description: 'List the users waiting for approval to join a group',
		},
		{
			name: 'Reject Join Requests',
			value: 'rejectJoinRequests',
			action: 'Reject join requests',
			description: 'Turn down users who asked to join a group',
		},
		{
			name: 'Remove Participants',
			value: 'removeParticipants',
			action: 'Remove participants from a group',
			description: 'Remove users from a group',
		},
		{
			name: 'Reset Invite Link',
			value: 'resetInviteLink',
			action: 'Reset the invite link of a group',
			description: 'Replace the invite link with a new one; the old link stops working',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a group',
			description: 'Change the subject, description or picture of a group',
		},
	],
	default: 'list',
};

export const description: INodeProperties[] = [
	operationProperty,
	...create.description,
	...get.description,
	...list.description,
	...update.description,
	...deleteGroup.description,
	...getInviteLink.description,
	...resetInviteLink.description,
	...listJoinRequests.description,
	...approveJoinRequests.description,
	...rejectJoinRequests.description,
	...removeParticipants.description,
];
