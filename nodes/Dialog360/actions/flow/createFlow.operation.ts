import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import { flowJsonText } from '../../../shared/whatsapp/flows/flowDefinition';
import { withItemError } from '../helpers/itemError';
import { flowJsonProperty, showOnFlow } from './flowFields';

const show = showOnFlow('createFlow');

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'flowName',
		type: 'string',
		default: '',
		required: true,
		description: "The flow's name in WhatsApp Manager; users do not see it",
		displayOptions: { show },
	},
	{
		displayName: 'Categories',
		name: 'flowCategories',
		type: 'multiOptions',
		options: [
			{ name: 'Appointment Booking', value: 'APPOINTMENT_BOOKING' },
			{ name: 'Contact Us', value: 'CONTACT_US' },
			{ name: 'Customer Support', value: 'CUSTOMER_SUPPORT' },
			{ name: 'Lead Generation', value: 'LEAD_GENERATION' },
			{ name: 'Other', value: 'OTHER' },
			{ name: 'Shopping', value: 'SHOPPING' },
			{ name: 'Sign In', value: 'SIGN_IN' },
			{ name: 'Sign Up', value: 'SIGN_UP' },
			{ name: 'Survey', value: 'SURVEY' },
		],
		default: ['OTHER'],
		required: true,
		description: 'What the flow is for, at least one',
		displayOptions: { show },
	},
	flowJsonProperty(false, 'createFlow'),
	{
		displayName: 'Endpoint URL',
		name: 'endpointUri',
		type: 'string',
		default: '',
		placeholder: 'https://n8n.example.com/webhook/…/flow',
		description:
			"The 360dialog Flow Trigger's Production URL, for a flow with a data endpoint; empty for none",
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const flowJson = withItemError(this, i, () =>
		flowJsonText(this.getNodeParameter('flowJson', i, ''), false),
	);
	const endpointUri = String(this.getNodeParameter('endpointUri', i, '')).trim();
	const body: IDataObject = {
		name: String(this.getNodeParameter('flowName', i)).trim(),
		categories: this.getNodeParameter('flowCategories', i, ['OTHER']) as string[],
		...(flowJson ? { flow_json: flowJson } : {}),
		...(endpointUri ? { endpoint_uri: endpointUri } : {}),
	};
	const answer = (
		await dialog360Request.call(this, {
			method: 'POST',
			path: '/flows',
			body,
			itemIndex: i,
		})
	).body as IDataObject;
	return [
		{
			json: { id: answer.id ?? null, validationErrors: answer.validation_errors ?? [] },
			pairedItem: { item: i },
		},
	];
}
