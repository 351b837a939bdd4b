import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../shared/credentialType';
import * as account from './actions/account';
import * as call from './actions/call';
import { sendSettingsProperties } from './actions/descriptions/sendRate.description';
import * as flow from './actions/flow';
import * as group from './actions/group';
import * as media from './actions/media';
import * as message from './actions/message';
import * as template from './actions/template';
import { router } from './actions/router';
import { testFlowCredential } from '../shared/flowCredential';
import { listSearch, resourceMapping } from './methods';
import type { Dialog360Resource } from './node.type';
import { sendAndWaitWebhook, sendAndWaitWebhooks } from './sendAndWait/webhook';
import { operationSubtitle } from './subtitle';

const resourceProperty: INodeProperties & {
	options: Array<INodePropertyOptions & { value: Dialog360Resource }>;
	default: Dialog360Resource;
} = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Account', value: 'account' },
		{ name: 'Call', value: 'call' },
		{ name: 'Flow', value: 'flow' },
		{ name: 'Group', value: 'group' },
		{ name: 'Media', value: 'media' },
		{ name: 'Message', value: 'message' },
		{ name: 'Template', value: 'template' },
	],
	default: 'message',
};

/** Every resource's operations and their fields, in the order the editor shows them. */
const operationProperties: INodeProperties[] = [
	...message.description,
	...media.description,
	...template.description,
	...account.description,
	...group.description,
	...call.description,
	...flow.description,
];

export class Dialog360 implements INodeType {
	description: INodeTypeDescription = {
		displayName: '360dialog',
		name: 'dialog360',
		icon: { light: 'file:360dialog.svg', dark: 'file:360dialog.dark.svg' },
		group: ['output'],
		// A saved workflow keeps the version it was built with; docs/versions.md lists what each one changed.
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		subtitle: operationSubtitle(operationProperties),
		description:
			'Send WhatsApp messages, templates, media and typing indicators through 360dialog, answer WhatsApp Flows, and manage templates, groups, calls, the business profile and the block list',
		defaults: { name: '360dialog' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: CREDENTIAL_TYPE,
				required: true,
				displayOptions: { hide: { operation: ['respondToFlow'] } },
			},
			{
				name: 'dialog360FlowEndpointApi',
				required: true,
				testedBy: 'testFlowCredential',
				displayOptions: { show: { useFlowEndpointCredential: [true] } },
			},
		],
		// Send and Wait for Response: where n8n's signed resume URL lands while the execution waits.
		webhooks: sendAndWaitWebhooks,
		waitingNodeTooltip:
			'={{ $parameter["operation"] === "sendAndWait" ? "The execution goes on once the person answers on WhatsApp" : "" }}',
		properties: [resourceProperty, ...operationProperties, ...sendSettingsProperties(['message'])],
	};

	methods = { listSearch, resourceMapping, credentialTest: { testFlowCredential } };

	webhook = sendAndWaitWebhook;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
