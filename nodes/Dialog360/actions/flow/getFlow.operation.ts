import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import { toFlowItem } from '../../../shared/whatsapp/flows/flowDefinition';
import { flowIdProperty } from './flowFields';

export const description = [flowIdProperty('getFlow', 'getPreviewUrl')];

const FIELDS =
	'id,name,categories,status,validation_errors,json_version,data_api_version,endpoint_uri';

/** GET /flows/{id}; with `preview`, Meta also answers a link that shows the flow in a browser. */
export async function readFlow(
	this: IExecuteFunctions,
	i: number,
	preview: boolean,
): Promise<IDataObject> {
	const flowId = encodeURIComponent(String(this.getNodeParameter('flowId', i)).trim());
	const { body } = await dialog360Request.call(this, {
		method: 'GET',
		path: `/flows/${flowId}`,
		qs: { fields: preview ? `${FIELDS},preview.invalidate(false)` : FIELDS },
		itemIndex: i,
	});
	return toFlowItem(body) as unknown as IDataObject;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return [{ json: await readFlow.call(this, i, false), pairedItem: { item: i } }];
}
