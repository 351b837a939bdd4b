import type { INodeProperties } from 'n8n-workflow';

import type { OperationProperty, OperationTable } from '../operation';
import * as createFlow from './createFlow.operation';
import * as getFlow from './getFlow.operation';
import * as getPreviewUrl from './getPreviewUrl.operation';
import * as getPublicKey from './getPublicKey.operation';
import { deleteFlow, deprecateFlow, publishFlow } from './lifecycle';
import * as listFlows from './listFlows.operation';
import * as updateFlowJson from './updateFlowJson.operation';
import * as respondToFlow from './respondToFlow.operation';
import * as uploadPublicKey from './uploadPublicKey.operation';

export const operations: OperationTable<'flow'> = {
	respondToFlow,
	uploadPublicKey,
	getPublicKey,
	listFlows,
	getFlow,
	createFlow,
	updateFlowJson,
	publishFlow,
	deprecateFlow,
	deleteFlow,
	getPreviewUrl,
};

const operationProperty: OperationProperty<'flow'> = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['flow'] } },
	options: [
		{
			name: 'Create Flow',
			value: 'createFlow',
			action: 'Create a flow',
			description: 'Create a draft flow, optionally with its JSON and endpoint URL',
		},
		{
			name: 'Delete Flow',
			value: 'deleteFlow',
			action: 'Delete a flow',
			description: 'Delete a draft flow (a published one is deprecated instead)',
		},
		{
			name: 'Deprecate Flow',
			value: 'deprecateFlow',
			action: 'Deprecate a flow',
			description: 'Stop a published flow from being sent or opened',
		},
		{
			name: 'Get Flow',
			value: 'getFlow',
			action: 'Get a flow',
			description: 'Get a flow with its status and validation errors',
		},
		{
			name: 'Get Preview URL',
			value: 'getPreviewUrl',
			action: 'Get a flow preview URL',
			description: 'Get a link that shows the flow in a browser',
		},
		{
			name: 'Get Public Key',
			value: 'getPublicKey',
			action: 'Get the flow public key',
			description:
				"Get the number's business public key, Meta's signature status, and whether it is the flow credential's key",
		},
		{
			name: 'List Flows',
			value: 'listFlows',
			action: 'List flows',
			description: "List the flows of the number's WhatsApp Business Account",
		},
		{
			name: 'Publish Flow',
			value: 'publishFlow',
			action: 'Publish a flow',
			description: 'Publish a draft flow without validation errors, so that it can be sent',
		},
		{
			name: 'Respond to Flow',
			value: 'respondToFlow',
			action: 'Respond to a flow request',
			description:
				"Answer the 360dialog Flow Trigger's request, encrypted: the next screen, or close the flow",
		},
		{
			name: 'Update Flow JSON',
			value: 'updateFlowJson',
			action: 'Update a flow JSON',
			description: "Replace a draft flow's JSON; answers its validation errors",
		},
		{
			name: 'Upload Public Key',
			value: 'uploadPublicKey',
			action: 'Upload the flow public key',
			description:
				"Give the number the public half of the flow credential's key, so that WhatsApp encrypts flow requests for it",
		},
	],
	default: 'respondToFlow',
};

/** The flow endpoint credential shows where this is true: here, and where Send Interactive signs a flow token. */
const flowCredentialGate: INodeProperties = {
	displayName: 'Uses Flow Endpoint Credential',
	name: 'useFlowEndpointCredential',
	type: 'hidden',
	default: true,
	displayOptions: {
		show: { resource: ['flow'], operation: ['respondToFlow', 'uploadPublicKey', 'getPublicKey'] },
	},
};

export const description: INodeProperties[] = [
	operationProperty,
	flowCredentialGate,
	...respondToFlow.description,
	...uploadPublicKey.description,
	...getPublicKey.description,
	...getFlow.description,
	...createFlow.description,
	...updateFlowJson.description,
	...publishFlow.description,
	...deprecateFlow.description,
	...deleteFlow.description,
];
