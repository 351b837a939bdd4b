import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { buildLocationMessage } from '../../../shared/whatsapp/messages/location';
import { prepareMessage } from '../helpers/send';
import type { PreparedSend } from '../operation';
import { executePrepared } from '../operation';

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

export function prepare(this: IExecuteFunctions, i: number): PreparedSend {
	return prepareMessage.call(this, i, 'location', () =>
		buildLocationMessage({
			latitude: this.getNodeParameter('latitude', i),
			longitude: this.getNodeParameter('longitude', i),
			name: this.getNodeParameter('locationName', i, '') as string,
			address: this.getNodeParameter('address', i, '') as string,
		}),
	);
}

export const execute = executePrepared(prepare);
