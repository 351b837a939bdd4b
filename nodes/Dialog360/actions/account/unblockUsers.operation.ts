import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { usersProperty } from '../descriptions/users.description';
import { changeBlockList } from '../helpers/blockList';

export const description = [
	usersProperty(
		{ resource: ['account'], operation: ['unblockUsers'] },
		'WhatsApp numbers with country code, separated by commas (at most 1000), that may message this number again',
	),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await changeBlockList.call(this, i, 'unblock');
}
