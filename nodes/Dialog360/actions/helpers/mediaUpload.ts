/** Reading a file from an item and uploading it to WhatsApp: Upload does it alone, Send Media before sending. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { nodeRequest } from './nodeRequest';
import { asRecord, parseJsonText } from '../../../shared/whatsapp/json';
import { checkMediaFile, extensionForMimeType } from '../../../shared/whatsapp/messages/media';
import type { MediaFile, MediaType } from '../../../shared/whatsapp/messages/media';
import { buildMultipartBody } from '../../../shared/whatsapp/multipart';
import { withItemError } from './itemError';

/** The file in the item's binary field, with its bytes. */
export async function readBinaryFile(
	this: IExecuteFunctions,
	i: number,
	propertyName: string,
): Promise<MediaFile> {
	const binary = this.helpers.assertBinaryData(i, propertyName);
	const bytes = await this.helpers.getBinaryDataBuffer(i, propertyName);
	return { bytes, mimeType: binary.mimeType, fileName: binary.fileName };
}

/** `{ "id": "..." }`, as an object or, when the upload was not sent as JSON, as text. */
function parseUploadAnswer(body: unknown): string | undefined {
	const id = asRecord(parseJsonText(Buffer.isBuffer(body) ? body.toString() : body))?.id;
	return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/**
 * Checks the file against what WhatsApp accepts as `type` (any file up to 100 MB for documents), uploads it
 * with POST /media, and answers the new media id.
 */
export async function uploadFile(
	this: IExecuteFunctions,
	i: number,
	file: MediaFile,
	type: MediaType,
): Promise<string> {
	const mimeType = withItemError(this, i, () => checkMediaFile(type, file));
	const fileName = file.fileName || `file.${extensionForMimeType(mimeType)}`;
	const multipart = buildMultipartBody([
		{ name: 'messaging_product', text: 'whatsapp' },
		{ name: 'type', text: mimeType },
		{ name: 'file', data: file.bytes, filename: fileName, contentType: mimeType },
	]);
	const { body } = await nodeRequest.call(this, {
		method: 'POST',
		path: '/media',
		body: multipart.body,
		headers: { 'Content-Type': multipart.contentType },
		itemIndex: i,
	});
	const id = parseUploadAnswer(body);
	if (!id) {
		throw new NodeOperationError(
			this.getNode(),
			'360dialog accepted the upload but answered no media ID',
			{
				itemIndex: i,
				description: 'Run the node again; if it keeps happening, check the 360dialog status page.',
			},
		);
	}
	return id;
}
