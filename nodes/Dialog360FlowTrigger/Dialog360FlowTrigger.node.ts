import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { testFlowCredential } from '../shared/flowCredential';
import { receiveFlowRequest } from './receive';

// The endpoint URL is entered in WhatsApp Manager (or a flow's endpoint_uri): there is nothing to register on publish.
// eslint-disable-next-line @n8n/community-nodes/webhook-lifecycle-complete
export class Dialog360FlowTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: '360dialog Flow Trigger',
		name: 'dialog360FlowTrigger',
		icon: { light: 'file:360dialog.svg', dark: 'file:360dialog.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '=WhatsApp Flow endpoint',
		description:
			"Answers a WhatsApp Flow's data endpoint: starts the workflow for each screen request, decrypted, and a 360dialog Respond to Flow step answers it",
		defaults: { name: '360dialog Flow Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'dialog360FlowEndpointApi', required: true, testedBy: 'testFlowCredential' },
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// The answer is built by the workflow: a 360dialog node's Flow → Respond to Flow sends it.
				responseMode: 'responseNode',
				path: 'flow',
			},
		],
		properties: [
			{
				displayName:
					"Paste this node's Production URL as the flow's endpoint in WhatsApp Manager, and answer every request with a 360dialog node's Flow → Respond to Flow within 10 seconds",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Flow Tokens',
				name: 'flowTokens',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Only Signed by This Credential',
						value: 'signed',
						description:
							'Requests whose flow token Send Interactive → Flow did not sign with this credential, or whose token has expired, are refused (HTTP 427) and start nothing',
					},
					{
						name: 'Any',
						value: 'any',
						description: 'Every flow token is accepted; the workflow checks it itself',
					},
				],
				default: 'signed',
				description: 'Which flow tokens may start the workflow',
			},
			{
				displayName: 'Refused Token Message',
				name: 'expiredMessage',
				type: 'string',
				default: 'This form has expired. Please ask for a new one in the chat.',
				displayOptions: { show: { flowTokens: ['signed'] } },
				description: 'What the phone shows when a flow token is refused',
			},
		],
	};

	methods = { credentialTest: { testFlowCredential } };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveFlowRequest.call(this);
	}
}
