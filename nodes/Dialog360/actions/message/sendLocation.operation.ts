import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { buildLocationMessage } from '../../../shared/whatsapp/messages/location';
import { sendMessage } from '../helpers/send';

const properties: INodeProperties[] = [
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'number',
		typeOptions: { minValue: -90, maxValue: 90, numberPrecision: 7 },
		default: 0,
		required: true,
		description: 'In decimal degrees, from -90 (south) to 90 (north), e.g. 52.520008',
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'number',
		typeOptions: { minValue: -180, maxValue: 180, numberPrecision: 7 },
		default: 0,
		required: true,
		description: 'In decimal degrees, from -180 (west) to 180 (east), e.g. 13.404954',
	},
	{
		displayName: 'Name',
		name: 'locationName',
		type: 'string',
		default: '',
		placeholder: 'Brandenburg Gate',
		description: 'Shown in bold under the map',
	},
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		placeholder: 'Pariser Platz, 10117 Berlin',
		description: 'Shown under the name',
	},
];

export const recipient = 'required';

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendLocation'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await sendMessage.call(this, i, 'location', () =>
		buildLocationMessage({
			latitude: this.getNodeParameter('latitude', i),
			longitude: this.getNodeParameter('longitude', i),
			name: this.getNodeParameter('locationName', i, '') as string,
			address: this.getNodeParameter('address', i, '') as string,
		}),
	);
}
