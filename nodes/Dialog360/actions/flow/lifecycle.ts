/**
 * Publish, Deprecate and Delete: one call on the flow each. Meta publishes only a draft without validation
 * errors, deprecates only a published flow, and deletes only a draft.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IHttpRequestMethods,
} from 'n8n-workflow';

import type { Dialog360Map } from '../../node.type';
import { dialog360Request } from '../../../shared/transport';
import type { OperationModule } from '../operation';
import { flowIdProperty } from './flowFields';

function lifecycleOperation(
	operation: Dialog360Map['flow'],
	method: IHttpRequestMethods,
	suffix: string,
	status: string,
): OperationModule {
	return {
		description: [flowIdProperty(operation)],
		async execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
			const flowId = String(this.getNodeParameter('flowId', i)).trim();
			const body = (
				await dialog360Request.call(this, {
					method,
					path: `/flows/${encodeURIComponent(flowId)}${suffix}`,
					itemIndex: i,
				})
			).body as IDataObject;
			return [
				{ json: { id: flowId, success: body.success === true, status }, pairedItem: { item: i } },
			];
		},
	};
}

export const publishFlow = lifecycleOperation('publishFlow', 'POST', '/publish', 'PUBLISHED');
export const deprecateFlow = lifecycleOperation(
	'deprecateFlow',
	'POST',
	'/deprecate',
	'DEPRECATED',
);
export const deleteFlow = lifecycleOperation('deleteFlow', 'DELETE', '', 'DELETED');
