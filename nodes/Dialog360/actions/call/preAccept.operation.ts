import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { answerCall, callIdProperty, sdpProperty } from './fields';

export const description = [
	callIdProperty(['preAccept']),
	sdpProperty(
		'sdpAnswer',
		['preAccept'],
		"Your bridge's SDP answer to the offer in the calls webhook; pre-accepting sets up the media before the call is accepted, so that it starts without a gap",
	),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await answerCall.call(this, i, 'pre_accept');
}
