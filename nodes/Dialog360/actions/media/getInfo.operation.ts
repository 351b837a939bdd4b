import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { mediaIdProperty, showOnMedia } from '../descriptions/media.description';
import { fileSizeOf, lookUpMedia, readMediaId } from '../helpers/mediaLookup';

export const description = [
	mediaIdProperty(
		showOnMedia('getInfo'),
		'The media to look up, digits only. The answer\'s URL works for 5 minutes and only with the API key in the D360-API-KEY header, on the 360dialog host rather than lookaside.fbsbx.com: use "Download" to fetch the file.',
	),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const mediaId = readMediaId.call(this, i);
	const media = await lookUpMedia.call(this, i, mediaId);
	return [
		{
			json: {
				mediaId: media.id ?? mediaId,
				mimeType: media.mime_type,
				sha256: media.sha256,
				fileSize: fileSizeOf(media),
				url: media.url,
			},
			pairedItem: { item: i },
		},
	];
}
