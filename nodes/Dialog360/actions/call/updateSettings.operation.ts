import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import { buildCallSettingsBody } from '../../../shared/whatsapp/calls/calls';
import type { CallSettingsInput } from '../../../shared/whatsapp/calls/calls';
import { successOf } from '../../../shared/whatsapp/json';
import { withItemError } from '../helpers/itemError';
import { showOnCall } from './fields';

const onOff = [
	{ name: 'Enabled', value: 'ENABLED' },
	{ name: 'Disabled', value: 'DISABLED' },
];

export const description: INodeProperties[] = [
	{
		displayName: 'Settings',
		name: 'settings',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		description: 'Only the settings added here change',
		displayOptions: { show: showOnCall('updateSettings') },
		options: [
			{
				displayName: 'Call Hours (JSON)',
				name: 'callHours',
				type: 'json',
				default:
					'{\n  "status": "ENABLED",\n  "timezone_id": "Europe/Berlin",\n  "weekly_operating_hours": [\n    { "day_of_week": "MONDAY", "open_time": "0900", "close_time": "1700" }\n  ]\n}',
				description:
					'When users can call: time zone, opening hours per weekday (HHMM) and holiday_schedule; replaces the hours set before',
			},
			{
				displayName: 'Call Icon',
				name: 'callIconVisibility',
				type: 'options',
				options: [
					{ name: 'Show', value: 'DEFAULT' },
					{ name: 'Hide', value: 'DISABLE_ALL' },
				],
				default: 'DEFAULT',
				description: 'Whether users see a call button in the chat with this number',
			},
			{
				displayName: 'Callback Permission',
				name: 'callbackPermissionStatus',
				type: 'options',
				options: onOff,
				default: 'ENABLED',
				description: 'Whether users who call you are asked to let you call them back',
			},
			{
				displayName: 'SIP',
				name: 'sipStatus',
				type: 'options',
				options: onOff,
				default: 'ENABLED',
				description: 'Whether calls are signalled over SIP to your servers instead of by webhook',
			},
			{
				displayName: 'SIP Servers',
				name: 'sipServers',
				type: 'string',
				default: '',
				placeholder: 'sip.example.com:5061',
				description: 'The SIP servers calls go to, as hostname:port separated by commas',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: onOff,
				default: 'ENABLED',
				description: 'Whether this number takes and makes WhatsApp calls',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const settings = this.getNodeParameter('settings', i, {}) as CallSettingsInput;
	const body = withItemError(this, i, () => buildCallSettingsBody(settings));
	const { body: answer } = await dialog360Request.call(this, {
		method: 'POST',
		path: '/calling/settings',
		body: body as IDataObject,
		itemIndex: i,
	});
	return [
		{
			json: { updated: successOf(answer), ...(body.calling as IDataObject) },
			pairedItem: { item: i },
		},
	];
}
