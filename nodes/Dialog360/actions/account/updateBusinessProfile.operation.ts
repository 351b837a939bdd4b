import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { nodeRequest } from '../helpers/nodeRequest';
import {
	buildBusinessProfileUpdate,
	checkProfilePhoto,
	PROFILE_LIMITS,
	VERTICALS,
} from '../../../shared/whatsapp/account/businessProfile';
import type { BusinessProfileUpdate } from '../../../shared/whatsapp/account/businessProfile';
import { fetchBusinessProfile } from '../helpers/fetchBusinessProfile';
import { withItemError } from '../helpers/itemError';
import { readBinaryFile } from '../helpers/mediaUpload';
import { uploadForHandle } from '../helpers/uploadForHandle';

const properties: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here change; the others stay as they are',
		options: [
			{
				displayName: 'About',
				name: 'about',
				type: 'string',
				default: '',
				description: `The text under the profile name, 1 to ${PROFILE_LIMITS.about} characters`,
			},
			{
				displayName: 'Address',
				name: 'address',
				type: 'string',
				default: '',
				description: `Up to ${PROFILE_LIMITS.address} characters; empty removes it`,
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: `Up to ${PROFILE_LIMITS.description} characters; empty removes it`,
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Contact address; empty removes it',
			},
			{
				displayName: 'Industry',
				name: 'vertical',
				type: 'options',
				options: VERTICALS,
				default: 'OTHER',
			},
			{
				displayName: 'Websites',
				name: 'websites',
				type: 'string',
				typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Website' },
				default: [],
				placeholder: 'https://example.com',
				description: `Up to ${PROFILE_LIMITS.websites} addresses starting with https:// or http://; they replace the current ones`,
			},
		],
	},
	{
		displayName: 'Set Profile Photo',
		name: 'setProfilePhoto',
		type: 'boolean',
		default: false,
		description:
			"Whether to replace the profile photo with an image from the input (JPEG or PNG, up to 5 MB, 640 × 640 pixels shows best). Uploading it needs a key that may use 360dialog's Resumable Upload API.",
	},
	{
		displayName: 'Photo Input Binary Field',
		name: 'photoBinaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the photo',
		displayOptions: { show: { setProfilePhoto: [true] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['updateBusinessProfile'] } },
	properties,
);

function readWebsites(value: unknown): string[] | undefined {
	if (value === undefined) return undefined;
	return (Array.isArray(value) ? value : [value]).map(String);
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const update: BusinessProfileUpdate = {
		about: fields.about as string | undefined,
		address: fields.address as string | undefined,
		description: fields.description as string | undefined,
		email: fields.email as string | undefined,
		websites: readWebsites(fields.websites),
		vertical: fields.vertical as string | undefined,
	};
	const setPhoto = this.getNodeParameter('setProfilePhoto', i, false) as boolean;
	// Checked before the photo goes up, so that a mistake in a field costs no upload; with a photo, no field is needed.
	withItemError(this, i, () =>
		buildBusinessProfileUpdate({
			...update,
			profilePictureHandle: setPhoto ? 'pending' : undefined,
		}),
	);
	if (setPhoto) {
		const property = this.getNodeParameter('photoBinaryPropertyName', i) as string;
		const file = await readBinaryFile.call(this, i, property);
		const bytes = Buffer.from(file.bytes);
		const mimeType = withItemError(this, i, () =>
			checkProfilePhoto({ bytes, mimeType: file.mimeType }),
		);
		update.profilePictureHandle = await uploadForHandle.call(
			this,
			i,
			{ bytes, mimeType, fileName: file.fileName || `profile.${mimeType.split('/')[1]}` },
			'profile photo',
			"Set the photo in the 360dialog Hub (the number's WhatsApp profile) or in Meta's WhatsApp Manager instead.",
		);
	}
	const body = withItemError(this, i, () => buildBusinessProfileUpdate(update));
	await nodeRequest.call(this, {
		method: 'POST',
		path: '/whatsapp_business_profile',
		body: body as IDataObject,
		itemIndex: i,
	});
	const updated = Object.keys(body).filter((key) => key !== 'messaging_product');
	return [
		{
			json: {
				...(await fetchBusinessProfile.call(this, i)),
				updatedFields: updated.map((key) =>
					key === 'profile_picture_handle' ? 'profilePhoto' : key,
				),
			},
			pairedItem: { item: i },
		},
	];
}
