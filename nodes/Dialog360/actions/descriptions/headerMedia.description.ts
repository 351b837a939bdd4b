/** Where a header's file comes from: Send Template and Send Interactive, whose media headers are the same objects. */
import type { INodeProperties } from 'n8n-workflow';

import type { MediaKind } from '../../../shared/whatsapp/messages/template';

export const HEADER_MEDIA_KINDS: MediaKind[] = ['image', 'video', 'document'];

export const headerMediaProperties: INodeProperties[] = [
	{
		displayName: 'Header File',
		name: 'headerMediaSource',
		type: 'options',
		options: [
			{
				name: 'By Link',
				value: 'link',
				description: 'A public https:// address WhatsApp downloads the file from',
			},
			{
				name: 'By Media ID',
				value: 'id',
				description: 'The ID of a file uploaded with "Media → Upload"',
			},
		],
		default: 'link',
		displayOptions: { show: { headerType: HEADER_MEDIA_KINDS } },
	},
	{
		displayName: 'Header File Link',
		name: 'headerMediaLink',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/photo.jpg',
		displayOptions: { show: { headerType: HEADER_MEDIA_KINDS, headerMediaSource: ['link'] } },
	},
	{
		displayName: 'Header Media ID',
		name: 'headerMediaId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '1037543291543636',
		displayOptions: { show: { headerType: HEADER_MEDIA_KINDS, headerMediaSource: ['id'] } },
	},
	{
		displayName: 'File Name',
		name: 'headerFilename',
		type: 'string',
		default: '',
		placeholder: 'invoice.pdf',
		description: 'The name the recipient sees for the document',
		displayOptions: { show: { headerType: ['document'] } },
	},
];
