/** Fields the call operations share, and the one call every call action makes. */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import { buildCallActionBody } from '../../../shared/whatsapp/calls/calls';
import type { CallAction } from '../../../shared/whatsapp/calls/calls';
import { successOf } from '../../../shared/whatsapp/json';
import { withItemError } from '../helpers/itemError';

export const showOnCall = (...operations: string[]) => ({
	resource: ['call'],
	operation: operations,
});

/** 360dialog's one path for every call action (messaging-api/api-reference/calling › Perform Call Action). */
export const CALLS_PATH = '/calling/calls';

export function callIdProperty(operations: string[]): INodeProperties {
	return {
		displayName: 'Call ID',
		name: 'callId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'wacid.HBgLMTY1MDUwNzY1MjAVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA',
		description: 'The call, as the calls webhook of the 360dialog Trigger names it (wacid.…)',
		displayOptions: { show: showOnCall(...operations) },
	};
}

export function sdpProperty(
	name: 'sdpOffer' | 'sdpAnswer',
	operations: string[],
	description: string,
): INodeProperties {
	return {
		displayName: name === 'sdpOffer' ? 'SDP Offer' : 'SDP Answer',
		name,
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		required: true,
		placeholder: 'v=0\no=- 7669997803033704573 2 IN IP4 127.0.0.1\n…',
		description,
		displayOptions: { show: showOnCall(...operations) },
	};
}

export function callbackDataProperty(operations: string[]): INodeProperties {
	return {
		displayName: 'Callback Data',
		name: 'bizOpaqueCallbackData',
		type: 'string',
		default: '',
		description:
			'Text of yours (up to 512 characters) the calls webhooks of this call carry back, e.g. a ticket number',
		displayOptions: { show: showOnCall(...operations) },
	};
}

/** Pre-accept, accept, reject or terminate the item's call; the output says whether the platform took it. */
export async function answerCall(
	this: IExecuteFunctions,
	i: number,
	action: Exclude<CallAction, 'connect'>,
): Promise<INodeExecutionData[]> {
	const body = withItemError(this, i, () =>
		buildCallActionBody({
			callId: this.getNodeParameter('callId', i),
			action,
			sdpAnswer: this.getNodeParameter('sdpAnswer', i, ''),
			bizOpaqueCallbackData: this.getNodeParameter('bizOpaqueCallbackData', i, '') as string,
		}),
	);
	const { body: answer } = await dialog360Request.call(this, {
		method: 'POST',
		path: CALLS_PATH,
		body: body as IDataObject,
		itemIndex: i,
	});
	return [
		{
			json: { callId: body.call_id as string, action, success: successOf(answer) },
			pairedItem: { item: i },
		},
	];
}
