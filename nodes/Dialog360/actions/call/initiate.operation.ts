import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import { asRecord } from '../../../shared/whatsapp/json';
import { buildConnectBody } from '../../../shared/whatsapp/calls/calls';
import { withItemError } from '../helpers/itemError';
import { callbackDataProperty, CALLS_PATH, sdpProperty, showOnCall } from './fields';

export const description: INodeProperties[] = [
	{
		displayName: 'Phone Number',
		name: 'userPhoneNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: '+49 151 12345678',
		description:
			'The user to call, with country code; they must have granted call permission (Call → Get Permission)',
		displayOptions: { show: showOnCall('initiate') },
	},
	sdpProperty(
		'sdpOffer',
		['initiate'],
		"Your bridge's SDP offer for the call; the user's answer arrives in the calls webhook",
	),
	callbackDataProperty(['initiate']),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const body = withItemError(this, i, () =>
		buildConnectBody({
			phoneNumber: String(this.getNodeParameter('userPhoneNumber', i)),
			sdpOffer: this.getNodeParameter('sdpOffer', i),
			bizOpaqueCallbackData: this.getNodeParameter('bizOpaqueCallbackData', i, '') as string,
		}),
	);
	const { body: answer } = await dialog360Request.call(this, {
		method: 'POST',
		path: CALLS_PATH,
		body: body as IDataObject,
		itemIndex: i,
	});
	const calls = asRecord(answer)?.calls;
	const callId = Array.isArray(calls) ? asRecord(calls[0])?.id : undefined;
	return [
		{
			json: { callId: typeof callId === 'string' ? callId : undefined, to: body.to as string },
			pairedItem: { item: i },
		},
	];
}
