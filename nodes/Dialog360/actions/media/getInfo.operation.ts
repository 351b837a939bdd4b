import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { fetchMediaInfo, fileSizeOf, mediaIdProperty, readMediaId, showOnMedia } from './common';

export const description = [
	mediaIdProperty(
		showOnMedia('getInfo'),
		'The media to look up, digits only. The answer\'s URL works for 5 minutes and only with the API key in the D360-API-KEY header, on the 360dialog host rather than lookaside.fbsbx.com: use "Download" to fetch the file.',
	),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const mediaId = readMediaId.call(this, i);
	const info = await fetchMediaInfo.call(this, i, mediaId);
	return [
		{
			json: {
				mediaId: info.id ?? mediaId,
				mimeType: info.mime_type,
				sha256: info.sha256,
				fileSize: fileSizeOf(info),
				url: info.url,
			},
			pairedItem: { item: i },
		},
	];
}
