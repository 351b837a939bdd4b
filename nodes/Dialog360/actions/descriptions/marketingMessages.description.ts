/**
 * Send Template's choice of posting to the Marketing Messages API for WhatsApp itself (formerly Marketing
 * Messages Lite), and its settings.
 */
import type { INodeProperties } from 'n8n-workflow';

import { MARKETING_TTL_SECONDS } from '../../../shared/whatsapp/messages/marketing';

const whenOn = { show: { useMarketingMessagesLite: [true] } };

export const marketingMessagesProperties: INodeProperties[] = [
	{
		displayName: 'Send Through Marketing Messages API for WhatsApp',
		name: 'useMarketingMessagesLite',
		type: 'boolean',
		default: false,
		description:
			"Whether to post a marketing template to the Marketing Messages API for WhatsApp itself (POST /marketing_messages), with its time to live and activity sharing. Without it, 360dialog still routes marketing templates sent to /messages through that API by default, falling back to the Cloud API. The number's business must have accepted the Marketing Messages API terms.",
	},
	{
		displayName: 'If Not Onboarded',
		name: 'marketingMessagesFallback',
		type: 'options',
		options: [
			{
				name: 'Fail the Item',
				value: 'fail',
				description: 'Stop with an error that says how to accept the terms',
			},
			{
				name: 'Send Through the Cloud API',
				value: 'cloudApi',
				description: 'Send the same template through /messages instead',
			},
		],
		default: 'fail',
		description:
			"What to do when 360dialog answers that the number's business has not accepted the Marketing Messages API terms",
		displayOptions: whenOn,
	},
	{
		displayName: 'Marketing Messages API Options',
		name: 'marketingMessagesOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: whenOn,
		options: [
			{
				displayName: 'Activity Sharing',
				name: 'activitySharing',
				type: 'boolean',
				default: false,
				description:
					"Whether Meta may share the recipient's activity after the message (clicks, add-to-cart, purchases) for performance reports",
			},
			{
				displayName: 'Time To Live (Seconds)',
				name: 'ttlSeconds',
				type: 'number',
				typeOptions: { minValue: MARKETING_TTL_SECONDS.min, maxValue: MARKETING_TTL_SECONDS.max },
				default: 86400,
				description:
					"How long WhatsApp keeps trying to deliver the message: 43200 (12 hours) to 2592000 (30 days, WhatsApp's default)",
			},
		],
	},
];
