import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { answerCall, callbackDataProperty, callIdProperty, sdpProperty } from './fields';

export const description = [
	callIdProperty(['accept']),
	sdpProperty(
		'sdpAnswer',
		['accept'],
		"Your bridge's SDP answer to the offer in the calls webhook (the same one Pre-Accept sent, if it ran)",
	),
	callbackDataProperty(['accept']),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await answerCall.call(this, i, 'accept');
}
