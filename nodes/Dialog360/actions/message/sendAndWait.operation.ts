/**
 * Send and Wait for Response: sends a WhatsApp message whose call-to-action button opens n8n's signed resume
 * URL, and puts the execution to wait until the person answers (or the time limit passes). The node's
 * webhook (sendAndWait/webhook.ts) receives the answer and continues the execution with it.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { LIMITS } from '../../../shared/whatsapp/validation';
import { buildResponseRequest } from '../../sendAndWait/responseRequest';
import type { ApprovalType, ResponseType } from '../../sendAndWait/responseRequest';
import { limitWaitTimeOption, waitTillOf } from '../../sendAndWait/waitLimit';
import { sendMessage } from '../helpers/send';

const approval = { responseType: ['approval'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'Refund of 40 € for order 1042?',
		description: `What you ask, up to ${LIMITS.interactiveBody} characters. WhatsApp formatting works: *bold*, _italic_.`,
	},
	{
		displayName: 'Response Type',
		name: 'responseType',
		type: 'options',
		options: [
			{
				name: 'Approval',
				value: 'approval',
				description: 'The person taps to approve (or decline)',
			},
			{
				name: 'Free Text',
				value: 'freeText',
				description: 'The person types an answer on a short page the button opens',
			},
		],
		default: 'approval',
	},
	{
		displayName: 'Type of Approval',
		name: 'approvalType',
		type: 'options',
		options: [
			{
				name: 'Approve Only',
				value: 'single',
				description: 'One button: tapping it approves',
			},
			{
				name: 'Approve and Decline',
				value: 'double',
				description: 'The button opens a page with both choices',
			},
		],
		default: 'single',
		displayOptions: { show: approval },
	},
	{
		displayName: 'Approve Button Label',
		name: 'approveLabel',
		type: 'string',
		default: 'Approve',
		description: `Up to ${LIMITS.ctaDisplayText} characters`,
		displayOptions: { show: approval },
	},
	{
		displayName: 'Decline Button Label',
		name: 'disapproveLabel',
		type: 'string',
		default: 'Decline',
		displayOptions: { show: { ...approval, approvalType: ['double'] } },
	},
	// Empty by default, so that the label follows the response type even when that comes from an expression.
	{
		displayName: 'Message Button Label',
		name: 'buttonLabel',
		type: 'string',
		default: '',
		placeholder: 'Respond',
		description: `The WhatsApp button that opens the page with both choices, up to ${LIMITS.ctaDisplayText} characters; empty for "Respond"`,
		displayOptions: { show: { ...approval, approvalType: ['double'] } },
	},
	{
		displayName: 'Message Button Label',
		name: 'buttonLabel',
		type: 'string',
		default: '',
		placeholder: 'Reply',
		description: `The WhatsApp button that opens the reply page, up to ${LIMITS.ctaDisplayText} characters; empty for "Reply"`,
		displayOptions: { show: { responseType: ['freeText'] } },
	},
	{
		displayName: 'Footer Text',
		name: 'footerText',
		type: 'string',
		default: '',
		description: `Small grey text below the message, up to ${LIMITS.interactiveFooter} characters`,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [limitWaitTimeOption],
	},
];

export const recipient = 'required';

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendAndWait'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const text = (name: string, fallback = '') => this.getNodeParameter(name, i, fallback) as string;
	const waitTill = waitTillOf.call(this, i);
	const sent = await sendMessage.call(this, i, 'interactive', () =>
		buildResponseRequest({
			message: text('message'),
			footer: text('footerText'),
			responseType: text('responseType', 'approval') as ResponseType,
			approvalType: text('approvalType', 'single') as ApprovalType,
			approveLabel: text('approveLabel'),
			disapproveLabel: text('disapproveLabel'),
			buttonLabel: text('buttonLabel'),
			url: this.getSignedResumeUrl(),
		}),
	);
	await this.putExecutionToWait(waitTill);
	return sent;
}
