import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { readCredential } from '../../../shared/credentialRead';
import { nodeRequest } from '../helpers/nodeRequest';
import { sha256Matches, toDownloadUrl } from '../../../shared/whatsapp/mediaUrl';
import { extensionForMimeType } from '../../../shared/whatsapp/messages/media';
import { mediaIdProperty, showOnMedia } from '../descriptions/media.description';
import { withItemError } from '../helpers/itemError';
import { fileSizeOf, lookUpMedia, readMediaId } from '../helpers/mediaLookup';

const properties: INodeProperties[] = [
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
	},
];

export const description = [
	mediaIdProperty(
		showOnMedia('download'),
		'The media to download, digits only. For a file a user sent, map the media ID from the 360dialog Trigger\'s "media" field.',
	),
	...updateDisplayOptions({ show: showOnMedia('download') }, properties),
];

function asBuffer(body: unknown): Buffer | undefined {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	return undefined;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const mediaId = readMediaId.call(this, i);
	const outputField = this.getNodeParameter('binaryPropertyName', i) as string;
	const info = await lookUpMedia.call(this, i, mediaId);
	if (!info.url) {
		throw new NodeOperationError(
			this.getNode(),
			`360dialog answered no download URL for media ${mediaId}`,
			{
				itemIndex: i,
				description: 'Check the media ID; media is kept for 30 days after its last use.',
			},
		);
	}
	const { baseUrl } = await readCredential(this);
	const url = withItemError(this, i, () => toDownloadUrl(info.url as string, baseUrl));
	const response = await nodeRequest.call(this, {
		method: 'GET',
		path: url,
		binary: true,
		itemIndex: i,
	});
	const bytes = asBuffer(response.body);
	if (!bytes) {
		throw new NodeOperationError(
			this.getNode(),
			`The download of media ${mediaId} did not answer a file`,
			{
				itemIndex: i,
				description:
					'Run the node again; the download URL is only valid for 5 minutes after the look-up.',
			},
		);
	}
	if (info.sha256 && !sha256Matches(bytes, info.sha256)) {
		throw new NodeOperationError(
			this.getNode(),
			`The downloaded file of media ${mediaId} does not match its SHA-256 checksum`,
			{
				itemIndex: i,
				description: `WhatsApp gave ${info.sha256}; the ${bytes.length} bytes received hash differently. The file was cut off or changed on the way: run the node again.`,
			},
		);
	}
	const contentType = response.headers['content-type'];
	const mimeType =
		info.mime_type ??
		(Array.isArray(contentType) ? contentType[0] : contentType) ??
		'application/octet-stream';
	const fileName = `${mediaId}.${extensionForMimeType(mimeType)}`;
	const binary = await this.helpers.prepareBinaryData(bytes, fileName, mimeType);
	return [
		{
			json: { mediaId, mimeType, sha256: info.sha256, fileSize: fileSizeOf(info) ?? bytes.length },
			binary: { [outputField]: binary },
			pairedItem: { item: i },
		},
	];
}
