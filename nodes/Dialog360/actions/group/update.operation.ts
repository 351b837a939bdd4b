import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import { checkGroupPicture } from '../../../shared/whatsapp/groups/groupPicture';
import { buildUpdateGroupFields, groupPath } from '../../../shared/whatsapp/groups/groups';
import { buildMultipartBody } from '../../../shared/whatsapp/multipart';
import { extensionForMimeType } from '../../../shared/whatsapp/messages/media';
import { withItemError } from '../helpers/itemError';
import { readBinaryFile } from '../helpers/mediaUpload';
import { successOf } from '../../../shared/whatsapp/json';
import { groupIdProperty, readGroupId, showOnGroup } from './fields';

export const description: INodeProperties[] = [
	groupIdProperty(['update']),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnGroup('update') },
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'The new description, up to 2048 characters',
			},
			{
				displayName: 'Picture (Input Binary Field)',
				name: 'pictureBinaryPropertyName',
				type: 'string',
				default: 'data',
				description:
					'The input binary field with the new group picture: a square JPEG or PNG larger than 192 × 192 pixels',
			},
			{
				displayName: 'Subject',
				name: 'subject',
				type: 'string',
				default: '',
				description: 'The new name of the group, up to 128 characters',
			},
		],
	},
];

interface UpdateFields {
	subject?: string;
	description?: string;
	pictureBinaryPropertyName?: string;
}

/** The new picture and the type to upload it with, when one is asked for. */
async function readPicture(this: IExecuteFunctions, i: number, property: string | undefined) {
	if (!property) return undefined;
	const file = await readBinaryFile.call(this, i, property);
	const mimeType = withItemError(this, i, () => checkGroupPicture(file));
	return { file, mimeType };
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const groupId = readGroupId.call(this, i);
	const changes = this.getNodeParameter('updateFields', i, {}) as UpdateFields;
	const property = changes.pictureBinaryPropertyName?.trim();
	const fields = withItemError(this, i, () =>
		buildUpdateGroupFields({ ...changes, picture: Boolean(property) }),
	);
	const picture = await readPicture.call(this, i, property);
	// A picture travels as a file part (profile_picture_file), so the whole change goes as a form then.
	const multipart = picture
		? buildMultipartBody([
				...Object.entries(fields).map(([name, text]) => ({ name, text })),
				{
					name: 'profile_picture_file',
					data: picture.file.bytes,
					filename: picture.file.fileName || `picture.${extensionForMimeType(picture.mimeType)}`,
					contentType: picture.mimeType,
				},
			])
		: undefined;
	const { body } = await dialog360Request.call(this, {
		method: 'POST',
		path: groupPath(groupId),
		body: multipart ? multipart.body : (fields as IDataObject),
		...(multipart ? { headers: { 'Content-Type': multipart.contentType } } : {}),
		itemIndex: i,
	});
	const changed = { subject: fields.subject, description: fields.description };
	return [
		{
			json: {
				groupId,
				updated: successOf(body),
				...changed,
				...(picture ? { picture: true } : {}),
			},
			pairedItem: { item: i },
		},
	];
}
