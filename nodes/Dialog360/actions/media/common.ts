/** What the media operations share: the media id and binary fields, and looking up what WhatsApp holds under an id. */
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import { requireMediaId } from '../../../shared/whatsapp/ids';
import { checked } from '../common';

/** `description` says which media; it should say that the ID is digits, from an upload or the trigger's "media" field. */
export function mediaIdProperty(
	show: IDisplayOptions['show'],
	description: string,
): INodeProperties {
	return {
		displayName: 'Media ID',
		name: 'mediaId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '1234567890123456',
		description,
		displayOptions: { show },
	};
}

/** The input binary field a file is read from; shared by Upload and Send Media. */
export function binaryInputProperty(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file to be uploaded',
		displayOptions: { show },
	};
}

export const showOnMedia = (operation: string): IDisplayOptions['show'] => ({
	resource: ['media'],
	operation: [operation],
});

/** The item's media id, checked before any call: WhatsApp blocks media look-ups after repeated failures. */
export function readMediaId(this: IExecuteFunctions, i: number): string {
	return checked(this, i, () => requireMediaId(this.getNodeParameter('mediaId', i)));
}

/** What GET /{media-id} answers. */
export interface MediaInfo {
	id?: string;
	url?: string;
	mime_type?: string;
	sha256?: string;
	file_size?: number | string;
	messaging_product?: string;
}

export async function fetchMediaInfo(
	this: IExecuteFunctions,
	i: number,
	mediaId: string,
): Promise<MediaInfo> {
	const { body } = await dialog360Request.call(this, {
		method: 'GET',
		path: `/${mediaId}`,
		itemIndex: i,
	});
	return body as MediaInfo;
}

export function fileSizeOf(info: MediaInfo): number | undefined {
	const size = Number(info.file_size);
	return info.file_size !== undefined && Number.isFinite(size) ? size : undefined;
}
