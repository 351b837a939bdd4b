import type { INodeProperties } from 'n8n-workflow';

import type { OperationProperty, OperationTable } from '../operation';
import * as getPublicKey from './getPublicKey.operation';
import * as respondToFlow from './respondToFlow.operation';
import * as uploadPublicKey from './uploadPublicKey.operation';

export const operations: OperationTable<'flow'> = {
	respondToFlow,
	uploadPublicKey,
	getPublicKey,
};

const operationProperty: OperationProperty<'flow'> = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['flow'] } },
	options: [
		{
			name: 'Get Public Key',
			value: 'getPublicKey',
			action: 'Get the flow public key',
			description:
				"Get the number's business public key, Meta's signature status, and whether it is the flow credential's key",
		},
		{
			name: 'Respond to Flow',
			value: 'respondToFlow',
			action: 'Respond to a flow request',
			description:
				"Answer the 360dialog Flow Trigger's request, encrypted: the next screen, or close the flow",
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
	displayOptions: { show: { resource: ['flow'] } },
};

export const description: INodeProperties[] = [
	operationProperty,
	flowCredentialGate,
	...respondToFlow.description,
	...uploadPublicKey.description,
	...getPublicKey.description,
];
