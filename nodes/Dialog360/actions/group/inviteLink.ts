/** GET /groups/{id}/invite_link reads the link, POST replaces it with a new one; both answer `{ invite_link }`. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import { groupPath, readInviteLink } from '../../../shared/whatsapp/groups/groups';
import { readGroupId } from './fields';

export async function inviteLinkCall(
	this: IExecuteFunctions,
	i: number,
	method: 'GET' | 'POST',
): Promise<INodeExecutionData[]> {
	const groupId = readGroupId.call(this, i);
	const { body } = await dialog360Request.call(this, {
		method,
		path: groupPath(groupId, 'invite_link'),
		...(method === 'POST' ? { body: { messaging_product: 'whatsapp' } } : {}),
		itemIndex: i,
	});
	return [{ json: { groupId, inviteLink: readInviteLink(body) }, pairedItem: { item: i } }];
}
