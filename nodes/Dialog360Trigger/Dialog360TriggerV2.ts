import type { INodeType, INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';

import { checkExists, create, remove } from './activation/lifecycle';
import {
	includeRawOption,
	messageTypesProperty,
	rememberAcrossRestartsOptions,
	replaceExistingWebhookOption,
	statusesPropertyV2,
	sharedDescription,
	verifySecretOption,
} from './description';
import { DEFAULT_MAX_MEDIA_MB } from './receive/mediaDownload';
import { receive } from './receive/receive';

/** The outputs follow "Account and Template Events": a third output only when it is on. */
const OUTPUTS = `={{ [{ type: "main", displayName: "Message" }, { type: "main", displayName: "Status" }].concat($parameter.accountEvents ? [{ type: "main", displayName: "Event" }] : []) }}`;

/**
 * Version 2: every status by default (an empty selection means all, in both filters), an optional Event
 * output, the number shared with other webhooks, inbound media as files, and no expression evaluated
 * while a delivery is answered (see README "Running at scale"). Version 2.1 remembers what it emitted in
 * the process only, unless "Remember Deliveries Across Restarts" is on: no database write before an answer.
 */
export class Dialog360TriggerV2 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = {
			...sharedDescription(baseDescription),
			version: [2, 2.1],
			outputs: OUTPUTS,
			properties: [
				{
					displayName: 'Webhook Role',
					name: 'webhookRole',
					type: 'options',
					noDataExpression: true,
					options: [
						{
							name: 'Main Webhook of the Number',
							value: 'main',
							description:
								"This workflow becomes the number's webhook URL; another URL already registered is refused, or replaced and put back when this workflow is unpublished",
						},
						{
							name: 'Extra Destination',
							value: 'extra',
							description:
								'This workflow is added beside the main webhook (up to 3 per number); the main webhook and the other destinations stay untouched',
						},
					],
					default: 'main',
				},
				{
					displayName:
						'360dialog sends to extra destinations only what the main webhook answered with 200. Use this to publish a second workflow on the number, or to listen beside another system.',
					name: 'extraDestinationNotice',
					type: 'notice',
					default: '',
					displayOptions: { show: { webhookRole: ['extra'] } },
				},
				messageTypesProperty,
				statusesPropertyV2,
				{
					displayName: 'Account and Template Events',
					name: 'accountEvents',
					type: 'boolean',
					noDataExpression: true,
					default: false,
					description:
						'Whether to add an Event output for template status, quality and category updates, phone number quality and name updates, account updates, marketing opt-outs and opt-ins (user_preferences) and user ID changes',
				},
				{
					displayName: 'Options',
					name: 'options',
					type: 'collection',
					placeholder: 'Add Option',
					default: {},
					options: [
						{
							displayName: 'Download Media',
							name: 'downloadMedia',
							type: 'boolean',
							default: false,
							description:
								'Whether image, audio and voice note, video, document and sticker messages carry their file as binary data (field "data"). 360dialog gets its answer first; a failed download still delivers the message, with the error under "mediaError".',
						},
						includeRawOption,
						{
							displayName: 'Max Media Size (MB)',
							name: 'maxMediaSizeMb',
							type: 'number',
							typeOptions: { minValue: 1, maxValue: 100 },
							default: DEFAULT_MAX_MEDIA_MB,
							description:
								'Larger files are not downloaded: the message arrives with "mediaError" instead',
							displayOptions: { show: { downloadMedia: [true] } },
						},
						...rememberAcrossRestartsOptions,
						{
							...replaceExistingWebhookOption,
							displayOptions: { show: { '/webhookRole': ['main'] } },
						},
						verifySecretOption,
					],
				},
			],
		};
	}

	webhookMethods = { default: { checkExists, create, delete: remove } };

	webhook = receive;
}
