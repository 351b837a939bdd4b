import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { usersProperty } from '../descriptions/users.description';
import { changeBlockList } from '../helpers/blockList';

export const description = [
	usersProperty(
		{ resource: ['account'], operation: ['blockUsers'] },
		'WhatsApp numbers with country code, separated by commas (at most 1000). Only users who wrote to this number in the last 24 hours can be blocked; blocked users cannot message you, and you cannot message them.',
	),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await changeBlockList.call(this, i, 'block');
}
