import type { INodeProperties } from 'n8n-workflow';

import type { OperationProperty, OperationTable } from '../operation';
import * as blockUsers from './blockUsers.operation';
import * as getBusinessProfile from './getBusinessProfile.operation';
import * as getConversationalComponents from './getConversationalComponents.operation';
import * as getHealthStatus from './getHealthStatus.operation';
import * as getPhoneNumber from './getPhoneNumber.operation';
import * as listBlockedUsers from './listBlockedUsers.operation';
import * as setConversationalComponents from './setConversationalComponents.operation';
import * as unblockUsers from './unblockUsers.operation';
import * as updateBusinessProfile from './updateBusinessProfile.operation';

export const operations: OperationTable<'account'> = {
	getHealthStatus,
	getPhoneNumber,
	getBusinessProfile,
	updateBusinessProfile,
	blockUsers,
	unblockUsers,
	listBlockedUsers,
	getConversationalComponents,
	setConversationalComponents,
};

const operationProperty: OperationProperty<'account'> = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['account'] } },
	options: [
		{
			name: 'Block Users',
			value: 'blockUsers',
			action: 'Block users',
			description: 'Stop WhatsApp users from messaging this number',
		},
		{
			name: 'Get Business Profile',
			value: 'getBusinessProfile',
			action: 'Get the business profile',
			description: 'Get the about text, address, description, email, websites, industry and photo',
		},
		{
			name: 'Get Conversational Components',
			value: 'getConversationalComponents',
			action: 'Get the conversational components',
			description: 'Get the ice breakers, commands and welcome message setting of this number',
		},
		{
			name: 'Get Health Status',
			value: 'getHealthStatus',
			action: 'Get the health status',
			description:
				'Whether the number, its WhatsApp Business Account and the business can send messages, and why not',
		},
		{
			name: 'Get Phone Number',
			value: 'getPhoneNumber',
			action: 'Get the phone number',
			description: 'Get the number this API key sends from, with its ID, name and quality rating',
		},
		{
			name: 'List Blocked Users',
			value: 'listBlockedUsers',
			action: 'List blocked users',
			description: 'List the users this number has blocked',
		},
		{
			name: 'Set Conversational Components',
			value: 'setConversationalComponents',
			action: 'Set the conversational components',
			description: 'Set ice breakers (up to 4), commands (up to 30) and the welcome message',
		},
		{
			name: 'Unblock Users',
			value: 'unblockUsers',
			action: 'Unblock users',
			description: 'Let blocked users message this number again',
		},
		{
			name: 'Update Business Profile',
			value: 'updateBusinessProfile',
			action: 'Update the business profile',
			description: 'Change profile fields and the profile photo',
		},
	],
	default: 'getHealthStatus',
};

export const description: INodeProperties[] = [
	operationProperty,
	...getHealthStatus.description,
	...getPhoneNumber.description,
	...getBusinessProfile.description,
	...updateBusinessProfile.description,
	...blockUsers.description,
	...unblockUsers.description,
	...listBlockedUsers.description,
	...setConversationalComponents.description,
];
