import type { INodeProperties } from 'n8n-workflow';

import type { OperationProperty, OperationTable } from '../operation';
import * as accept from './accept.operation';
import * as getPermission from './getPermission.operation';
import * as getSettings from './getSettings.operation';
import * as initiate from './initiate.operation';
import * as preAccept from './preAccept.operation';
import * as reject from './reject.operation';
import * as terminate from './terminate.operation';
import * as updateSettings from './updateSettings.operation';

export const operations: OperationTable<'call'> = {
	getSettings,
	updateSettings,
	getPermission,
	initiate,
	preAccept,
	accept,
	reject,
	terminate,
};

const operationProperty: OperationProperty<'call'> = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['call'] } },
	options: [
		{
			name: 'Accept',
			value: 'accept',
			action: 'Accept a call',
			description: "Answer a user's call with your bridge's SDP answer",
		},
		{
			name: 'Get Permission',
			value: 'getPermission',
			action: 'Get the call permission of a user',
			description:
				'Whether you may call a user, until when, and how many calls and requests are left',
		},
		{
			name: 'Get Settings',
			value: 'getSettings',
			action: 'Get the calling settings',
			description:
				'Get the calling status, call icon, call hours, callback permission and SIP servers',
		},
		{
			name: 'Initiate',
			value: 'initiate',
			action: 'Call a user',
			description: 'Call a user who granted permission, with an SDP offer',
		},
		{
			name: 'Pre-Accept',
			value: 'preAccept',
			action: 'Pre accept a call',
			description: 'Set up the media of an incoming call before accepting it',
		},
		{
			name: 'Reject',
			value: 'reject',
			action: 'Reject a call',
			description: "Turn down a user's incoming call",
		},
		{
			name: 'Terminate',
			value: 'terminate',
			action: 'End a call',
			description: 'Hang up a call in progress',
		},
		{
			name: 'Update Settings',
			value: 'updateSettings',
			action: 'Update the calling settings',
			description:
				'Turn calling on or off and change call icon, hours, callback permission and SIP',
		},
	],
	default: 'getSettings',
};

export const description: INodeProperties[] = [
	operationProperty,
	...updateSettings.description,
	...getPermission.description,
	...initiate.description,
	...preAccept.description,
	...accept.description,
	...reject.description,
	...terminate.description,
];
