/**
 * What both versions describe alike: the node itself (from the base description every version is built
 * on), its webhook and the fields both offer; a version changes only what its own description says.
 */
import type {
	INodeProperties,
	INodeTypeBaseDescription,
	INodeTypeDescription,
	IWebhookDescription,
	TriggerPanelDefinition,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../shared/credentialType';

import { MESSAGE_TYPE_OPTIONS, STATUS_OPTIONS } from './options';

export const WEBHOOK: IWebhookDescription = {
	name: 'default',
	httpMethod: 'POST',
	responseMode: 'onReceived',
	// Empty: n8n then answers with webhook()'s own response, {"received":true}, instead of its
	// default for triggers, the literal text "firstEntryJson".
	responseData: '',
	path: 'webhook',
};

/** What the trigger's panel says about testing beside the published workflow. */
const TRIGGER_PANEL: TriggerPanelDefinition = {
	activationHint: {
		active:
			"This workflow is published. While you test, its test URL listens beside the production URL as an extra destination of the number: the published workflow keeps answering, and only the test's entry is removed when the test ends.",
		inactive:
			"Once you've finished building your workflow, publish it: its production URL becomes the number's webhook at 360dialog (you won't see those executions here).",
	},
	executionsHelp: {
		active:
			"<b>While building your workflow</b>, click 'Test this trigger' and send a WhatsApp message to the number. 360dialog keeps one main webhook per number, and it is this published workflow's: the test listens beside it as an extra destination (up to 3 webhooks per number, the main one included), receives the same messages, and is removed when the test ends.<br /><br /><b>The published workflow</b> runs for every message and status, whether or not you test.",
		inactive:
			"<b>While building your workflow</b>, click 'Test this trigger' and send a WhatsApp message to the number: the test URL is the number's webhook until the test ends (beside the main webhook, as an extra destination, when another workflow of this n8n holds the number), then the number is put back as it was.<br /><br /><b>Once you're happy with your workflow</b>, publish it: its production URL becomes the number's webhook.",
	},
};

/** The part of a version's description that every version shares, from the node's base description. */
export function sharedDescription(
	base: INodeTypeBaseDescription,
): Omit<INodeTypeDescription, 'version' | 'outputs' | 'properties'> {
	// The default version is the node's, which holds every version: no version's description names one.
	const node = { ...base };
	delete node.defaultVersion;
	return {
		...node,
		subtitle: '=Messages and statuses',
		defaults: { name: base.displayName },
		inputs: [],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [WEBHOOK],
		triggerPanel: TRIGGER_PANEL,
	};
}

export const messageTypesProperty: INodeProperties = {
	displayName: 'Message Types',
	name: 'messageTypes',
	type: 'multiOptions',
	options: MESSAGE_TYPE_OPTIONS,
	default: [],
	description: 'Which inbound messages go to the Message output. Leave empty for every type.',
};

/** Version 1: delivered, read and failed by default; an empty selection keeps the Status output quiet. */
export const statusesPropertyV1: INodeProperties = {
	displayName: 'Statuses',
	name: 'statuses',
	type: 'multiOptions',
	options: STATUS_OPTIONS,
	default: ['delivered', 'read', 'failed'],
	description:
		'Which delivery statuses of the messages you send go to the Status output. Leave empty to keep the Status output quiet.',
};

/** Version 2: every status by default, and an empty selection means every status too. */
export const statusesPropertyV2: INodeProperties = {
	displayName: 'Statuses',
	name: 'statuses',
	type: 'multiOptions',
	options: STATUS_OPTIONS,
	default: [],
	description:
		'Which delivery statuses of the messages you send go to the Status output. Leave empty for every status.',
};

export const includeRawOption: INodeProperties = {
	displayName: 'Include Raw Payload',
	name: 'includeRaw',
	type: 'boolean',
	default: false,
	description: 'Whether to add the original webhook object to each item, under "raw"',
};

export const replaceExistingWebhookOption: INodeProperties = {
	displayName: 'Replace Existing Webhook',
	name: 'replaceExistingWebhook',
	type: 'boolean',
	default: false,
	description:
		"Whether to take over the number's webhook when another URL is registered. The previous URL is kept and put back when this workflow is unpublished. Off: publishing fails and names the URL in use.",
};

export const verifySecretOption: INodeProperties = {
	displayName: 'Verify Webhook Secret',
	name: 'verifySecret',
	type: 'boolean',
	default: true,
	description:
		'Whether to accept only deliveries that carry the secret header registered when the workflow was published. Turn off only when the webhook URL was set up by hand outside n8n: then anyone who learns the URL can start this workflow with made-up messages.',
};

const rememberAcrossRestarts: INodeProperties = {
	displayName: 'Remember Deliveries Across Restarts',
	name: 'rememberAcrossRestarts',
	type: 'boolean',
	default: false,
	description:
		'Whether to also keep the keys of the last 500 messages, change-level errors and events in the workflow, so that one 360dialog delivers again after n8n restarted is still dropped. n8n then writes the workflow to its database before it answers each such delivery, which slows answers under load. Statuses are always remembered in memory only.',
};

/**
 * Version 2 kept the keys in the workflow by default, version 2.1 does not: one option per version, each with
 * the default that version applies when the option is not set (settings.ts).
 */
export const rememberAcrossRestartsOptions: INodeProperties[] = [
	{
		...rememberAcrossRestarts,
		default: true,
		displayOptions: { show: { '@version': [2] } },
	},
	{
		...rememberAcrossRestarts,
		displayOptions: { show: { '@version': [{ _cnd: { gte: 2.1 } }] } },
	},
];
