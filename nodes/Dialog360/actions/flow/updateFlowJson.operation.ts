import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import { flowJsonText } from '../../../shared/whatsapp/flows/flowDefinition';
import { buildMultipartBody } from '../../../shared/whatsapp/multipart';
import { withItemError } from '../helpers/itemError';
import { flowIdProperty, flowJsonProperty } from './flowFields';

export const description = [
	flowIdProperty('updateFlowJson'),
	flowJsonProperty(true, 'updateFlowJson'),
];

/** The Flows API takes the JSON as a file (multipart, asset_type FLOW_JSON) and answers its validation errors. */
export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const flowId = encodeURIComponent(String(this.getNodeParameter('flowId', i)).trim());
	const json = withItemError(this, i, () =>
		flowJsonText(this.getNodeParameter('flowJson', i), true),
	) as string;
	const multipart = buildMultipartBody([
		{ name: 'name', text: 'flow.json' },
		{ name: 'asset_type', text: 'FLOW_JSON' },
		{
			name: 'file',
			filename: 'flow.json',
			contentType: 'application/json',
			data: Buffer.from(json),
		},
	]);
	const body = (
		await dialog360Request.call(this, {
			method: 'POST',
			path: `/flows/${flowId}/assets`,
			body: multipart.body,
			headers: { 'Content-Type': multipart.contentType },
			itemIndex: i,
		})
	).body as IDataObject;
	return [
		{
			json: {
				id: decodeURIComponent(flowId),
				success: body.success === true,
				validationErrors: body.validation_errors ?? [],
			},
			pairedItem: { item: i },
		},
	];
}
