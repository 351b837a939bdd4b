import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { binaryInputProperty, showOnMedia } from '../descriptions/media.description';
import { readBinaryFile, uploadFile } from '../helpers/mediaUpload';

export const description = [binaryInputProperty(showOnMedia('upload'))];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const file = await readBinaryFile.call(
		this,
		i,
		this.getNodeParameter('binaryPropertyName', i) as string,
	);
	const mediaId = await uploadFile.call(this, i, file, 'document');
	return [
		{
			json: {
				mediaId,
				fileName: file.fileName,
				mimeType: file.mimeType,
				fileSize: file.bytes.length,
			},
			pairedItem: { item: i },
		},
	];
}
