import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import { asRecord } from '../../../shared/whatsapp/json';
import { buildCreateGroupBody } from '../../../shared/whatsapp/groups/groups';
import { withItemError } from '../helpers/itemError';
import { showOnGroup } from './fields';

const show = showOnGroup('create');

export const description: INodeProperties[] = [
	{
		displayName:
			'WhatsApp creates the group in the background: its ID and invite link arrive in a group_lifecycle_update webhook on the 360dialog Trigger, and in List Active Groups',
		name: 'createNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Linen club',
		description: 'The name of the group, up to 128 characters',
		displayOptions: { show },
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'What the group is about, up to 2048 characters',
		displayOptions: { show },
	},
	{
		displayName: 'Join Approval',
		name: 'joinApprovalMode',
		type: 'options',
		options: [
			{
				name: 'Anyone With the Link',
				value: 'auto_approve',
				description: 'Users who open the invite link join at once',
			},
			{
				name: 'Approval Required',
				value: 'approval_required',
				description: 'Users who open the invite link ask to join; approve or reject their requests',
			},
		],
		default: 'auto_approve',
		description: 'Whether users who open the invite link need your approval to join',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const body = withItemError(this, i, () =>
		buildCreateGroupBody({
			subject: this.getNodeParameter('subject', i),
			description: this.getNodeParameter('description', i, '') as string,
			joinApprovalMode: this.getNodeParameter('joinApprovalMode', i, '') as string,
		}),
	);
	const { body: answer } = await dialog360Request.call(this, {
		method: 'POST',
		path: '/groups',
		body: body as IDataObject,
		itemIndex: i,
	});
	const requestId = asRecord(answer)?.request_id;
	return [
		{
			json: {
				requestId: typeof requestId === 'string' ? requestId : undefined,
				subject: body.subject as string,
				joinApprovalMode: body.join_approval_mode as string | undefined,
			},
			pairedItem: { item: i },
		},
	];
}
