import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import { readCallPermission } from '../../../shared/whatsapp/calls/calls';
import { normalizePhoneNumber } from '../../../shared/whatsapp/phone';
import { withItemError } from '../helpers/itemError';
import { showOnCall } from './fields';

export const description: INodeProperties[] = [
	{
		displayName: 'Phone Number',
		name: 'userPhoneNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: '+49 151 12345678',
		description: 'The user whose permission to be called is looked up, with country code',
		displayOptions: { show: showOnCall('getPermission') },
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const waId = withItemError(this, i, () =>
		normalizePhoneNumber(this.getNodeParameter('userPhoneNumber', i), 'userPhoneNumber'),
	);
	const { body } = await dialog360Request.call(this, {
		method: 'GET',
		path: `/calling/permissions/${waId}`,
		itemIndex: i,
	});
	return [{ json: { waId, ...readCallPermission(body) }, pairedItem: { item: i } }];
}
