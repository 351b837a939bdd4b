/** Looking up what WhatsApp holds under a media id. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { nodeRequest } from './nodeRequest';
import { requireMediaId } from '../../../shared/whatsapp/ids';
import { withItemError } from './itemError';

/** The item's media id, checked before any call: WhatsApp blocks media look-ups after repeated failures. */
export function readMediaId(this: IExecuteFunctions, i: number): string {
	return withItemError(this, i, () => requireMediaId(this.getNodeParameter('mediaId', i)));
}

/** What GET /{media-id} answers. */
export interface StoredMedia {
	id?: string;
	url?: string;
	mime_type?: string;
	sha256?: string;
	file_size?: number | string;
	messaging_product?: string;
}

export async function lookUpMedia(
	this: IExecuteFunctions,
	i: number,
	mediaId: string,
): Promise<StoredMedia> {
	const { body } = await nodeRequest.call(this, {
		method: 'GET',
		path: `/${mediaId}`,
		itemIndex: i,
	});
	return body as StoredMedia;
}

export function fileSizeOf(media: StoredMedia): number | undefined {
	const size = Number(media.file_size);
	return media.file_size !== undefined && Number.isFinite(size) ? size : undefined;
}
