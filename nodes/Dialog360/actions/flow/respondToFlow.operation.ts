import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { encryptFlowResponse } from '../../../shared/whatsapp/flows/crypto';
import { tokenRefusal } from '../../../shared/whatsapp/flows/request';
import { buildClosingAnswer, buildNextScreen } from '../../../shared/whatsapp/flows/response';
import { withItemError } from '../helpers/itemError';
import { openFlowRequest } from './flowRequest';

const show = { resource: ['flow'], operation: ['respondToFlow'] };

/** Meta's meaning of 427: the flow token is no longer valid (the phone shows the message and closes the flow). */
const TOKEN_NO_LONGER_VALID = 427;

export const description: INodeProperties[] = [
	{
		displayName: 'Respond With',
		name: 'respondWith',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Next Screen',
				value: 'nextScreen',
				description: 'Show a screen of the flow with the data it needs',
			},
			{
				name: 'Close Flow',
				value: 'close',
				description:
					'End the flow; the chat then gets the flow reply with these parameters (360dialog Trigger, type nfm_reply)',
			},
			{
				name: 'Refuse Flow Token',
				value: 'refuseToken',
				description:
					'Tell WhatsApp this flow session is no longer valid (HTTP 427): the phone shows your message',
			},
		],
		default: 'nextScreen',
		displayOptions: { show },
	},
	{
		displayName: 'Screen',
		name: 'screen',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'APPOINTMENT',
		description: "The ID of the flow's screen to show next, as in the flow JSON",
		displayOptions: { show: { ...show, respondWith: ['nextScreen'] } },
	},
	{
		displayName: 'Screen Data',
		name: 'screenData',
		type: 'json',
		default: '{}',
		description: 'The data the screen declares in the flow JSON, as a JSON object',
		displayOptions: { show: { ...show, respondWith: ['nextScreen'] } },
	},
	{
		displayName: 'Error Message',
		name: 'errorMessage',
		type: 'string',
		default: '',
		description:
			'Shown on the screen as a snackbar (for example when a slot was just taken); empty for none',
		displayOptions: { show: { ...show, respondWith: ['nextScreen'] } },
	},
	{
		displayName: 'Response Parameters',
		name: 'closeParams',
		type: 'json',
		default: '{}',
		description:
			'What the flow reply carries back to the chat, as a JSON object; the flow token is added for you',
		displayOptions: { show: { ...show, respondWith: ['close'] } },
	},
	{
		displayName: 'Message',
		name: 'refusalMessage',
		type: 'string',
		default: 'This form is no longer valid.',
		description: 'What the phone shows before it closes the flow',
		displayOptions: { show: { ...show, respondWith: ['refuseToken'] } },
	},
];

function buildAnswer(this: IExecuteFunctions, i: number, flowToken: string) {
	const respondWith = this.getNodeParameter('respondWith', i) as string;
	return withItemError(this, i, () => {
		if (respondWith === 'close')
			return {
				status: 200,
				answer: buildClosingAnswer(this.getNodeParameter('closeParams', i, '{}'), flowToken),
			};
		if (respondWith === 'refuseToken')
			return {
				status: TOKEN_NO_LONGER_VALID,
				answer: tokenRefusal(this.getNodeParameter('refusalMessage', i, '') as string),
			};
		return {
			status: 200,
			answer: buildNextScreen(
				this.getNodeParameter('screen', i),
				this.getNodeParameter('screenData', i, '{}'),
				(this.getNodeParameter('errorMessage', i, '') as string).trim() || undefined,
			),
		};
	});
}

/**
 * Answers the flow request once, from the first item, as n8n's Respond to Webhook does; every item passes on.
 * The answer goes through n8n's response mechanism, so it also reaches WhatsApp when a worker builds it.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const item = this.getInputData()[i];
	if (i > 0) return [{ json: item.json, pairedItem: { item: i } }];
	const request = await openFlowRequest.call(this, i);
	const { status, answer } = buildAnswer.call(this, i, request.flowToken);
	if (Number.isFinite(request.answerBy) && Date.now() > request.answerBy)
		throw new NodeOperationError(
			this.getNode(),
			'The flow answer came after WhatsApp’s 10-second limit',
			{
				itemIndex: i,
				description:
					'WhatsApp had already shown the user an error. Make the steps before Respond to Flow faster (look up less, or cache it), so that the answer leaves within 10 seconds of the request.',
			},
		);
	this.sendResponse({
		body: encryptFlowResponse(answer, request.aesKey, request.iv),
		headers: { 'content-type': 'text/plain' },
		statusCode: status,
	});
	return [{ json: { ...item.json, flowAnswer: answer as IDataObject }, pairedItem: { item: i } }];
}
