/**
 * Uploading a file with the Resumable Upload API for a handle: a session (POST /uploads), then the bytes
 * (POST /upload:{session}). The business profile takes the handle as its photo, a template as the sample of
 * its media header. Not every API key may use it: a refusal says where else to do it.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { nodeRequest } from './nodeRequest';
import { readUploadHandle, readUploadSession } from '../../../shared/whatsapp/resumableUpload';

/** What 360dialog answers a key that may not use the Resumable Upload API. */
const FORBIDDEN = 403;

export interface UploadFile {
	bytes: Buffer;
	mimeType: string;
	fileName: string;
}

/** `what`: what the file is for, as the user reads it ("profile photo"); `instead`: where to do it without the API. */
export async function uploadForHandle(
	this: IExecuteFunctions,
	i: number,
	file: UploadFile,
	what: string,
	instead: string,
): Promise<string> {
	const opened = await nodeRequest.call(this, {
		method: 'POST',
		path: '/uploads',
		qs: { file_name: file.fileName, file_length: file.bytes.length, file_type: file.mimeType },
		answerStatuses: [FORBIDDEN],
		itemIndex: i,
	});
	if (opened.statusCode === FORBIDDEN) {
		throw new NodeOperationError(
			this.getNode(),
			`This number's API key may not upload the ${what} (360dialog answered 403 for the Resumable Upload API)`,
			{
				itemIndex: i,
				description: `${instead} Or ask 360dialog to enable the Resumable Upload API for this key. Nothing was changed.`,
			},
		);
	}
	const session = readUploadSession(opened.body);
	if (!session) {
		throw new NodeOperationError(
			this.getNode(),
			`360dialog opened no upload session for the ${what}`,
			{
				itemIndex: i,
				description: 'Run the node again; if it keeps happening, check the 360dialog status page.',
			},
		);
	}
	const { body } = await nodeRequest.call(this, {
		method: 'POST',
		path: `/${session}`,
		body: file.bytes,
		headers: { 'Content-Type': file.mimeType, file_offset: '0' },
		itemIndex: i,
	});
	const handle = readUploadHandle(body);
	if (!handle) {
		throw new NodeOperationError(
			this.getNode(),
			`360dialog took the ${what} but answered no file handle`,
			{
				itemIndex: i,
				description: 'Run the node again; if it keeps happening, check the 360dialog status page.',
			},
		);
	}
	return handle;
}
