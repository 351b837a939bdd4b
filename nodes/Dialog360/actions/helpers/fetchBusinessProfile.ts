/** Reading the business profile: Get Business Profile shows it, Update Business Profile shows it after the change. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { nodeRequest } from './nodeRequest';
import {
	PROFILE_FIELDS,
	toBusinessProfileItem,
} from '../../../shared/whatsapp/account/businessProfile';

export async function fetchBusinessProfile(
	this: IExecuteFunctions,
	i: number,
): Promise<IDataObject> {
	const { body } = await nodeRequest.call(this, {
		method: 'GET',
		path: '/whatsapp_business_profile',
		qs: { fields: PROFILE_FIELDS.join(',') },
		itemIndex: i,
	});
	return toBusinessProfileItem(body) as IDataObject;
}
