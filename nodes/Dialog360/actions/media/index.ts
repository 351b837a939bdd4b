import type { INodeProperties } from 'n8n-workflow';

import type { OperationProperty, OperationTable } from '../operation';
import * as deleteMedia from './delete.operation';
import * as download from './download.operation';
import * as getInfo from './getInfo.operation';
import * as upload from './upload.operation';

export const operations: OperationTable<'media'> = {
	upload,
	download,
	getInfo,
	delete: deleteMedia,
};

const operationProperty: OperationProperty<'media'> = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['media'] } },
	options: [
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete uploaded media',
			description: 'Delete a file you uploaded to WhatsApp',
		},
		{
			name: 'Download',
			value: 'download',
			action: 'Download media',
			description: 'Download a file by its media ID, e.g. an image a user sent, as binary data',
		},
		{
			name: 'Get Info',
			value: 'getInfo',
			action: 'Get media info',
			description: 'Get the MIME type, size, checksum and short-lived URL of a media file',
		},
		{
			name: 'Upload',
			value: 'upload',
			action: 'Upload media',
			description:
				'Upload binary data and get a media ID to send it with; WhatsApp keeps it 30 days after its last use',
		},
	],
	default: 'upload',
};

export const description: INodeProperties[] = [
	operationProperty,
	...upload.description,
	...download.description,
	...getInfo.description,
	...deleteMedia.description,
];
