import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { recipientFields } from '../../../shared/whatsapp/messages/envelope';
import {
	buildMediaMessage,
	checkVoiceNoteFile,
	checkVoiceNoteMimeType,
	mediaDetails,
} from '../../../shared/whatsapp/messages/media';
import type { MediaOptions, MediaType } from '../../../shared/whatsapp/messages/media';
import { binaryInputProperty, mediaIdProperty } from '../descriptions/media.description';
import { withItemError } from '../helpers/itemError';
import { lookUpMedia } from '../helpers/mediaLookup';
import { readBinaryFile, uploadFile } from '../helpers/mediaUpload';
import { prepareMessage, readRecipient, sendMessage } from '../helpers/send';
import type { PreparedSend } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Media Type',
		name: 'mediaType',
		type: 'options',
		options: [
			{
				name: 'Audio',
				value: 'audio',
				description: 'AAC, AMR, MP3, M4A or OGG (Opus), up to 16 MB',
			},
			{ name: 'Document', value: 'document', description: 'Any file type, up to 100 MB' },
			{ name: 'Image', value: 'image', description: 'JPEG or PNG, up to 5 MB' },
			{
				name: 'Sticker',
				value: 'sticker',
				description: 'WebP, 512×512, up to 100 KB (animated: 500 KB)',
			},
			{ name: 'Video', value: 'video', description: 'MP4 or 3GPP (H.264 and AAC), up to 16 MB' },
		],
		default: 'image',
	},
	{
		displayName: 'Voice Note',
		name: 'voiceNote',
		type: 'boolean',
		default: false,
		description:
			'Whether to send the audio as a voice note (waveform, auto-download, transcript) instead of an audio file; the file must be OGG with the Opus codec',
		displayOptions: { show: { mediaType: ['audio'] } },
	},
	{
		displayName: 'Source',
		name: 'mediaSource',
		type: 'options',
		options: [
			{
				name: 'Binary File',
				value: 'binary',
				description: 'A file from the input item: uploaded to WhatsApp first, then sent',
			},
			{ name: 'Link', value: 'link', description: 'A public URL WhatsApp downloads the file from' },
			{ name: 'Media ID', value: 'id', description: 'A file uploaded earlier, or one a user sent' },
		],
		default: 'link',
	},
	{
		displayName: 'Link',
		name: 'mediaLink',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/photo.jpg',
		description:
			'A public https:// URL that serves the file without a login, with the right Content-Type',
		displayOptions: { show: { mediaSource: ['link'] } },
	},
	mediaIdProperty(
		{ mediaSource: ['id'] },
		'The numeric ID from an upload. For a file a user sent, map the media ID from the 360dialog Trigger\'s "media" field.',
	),
	binaryInputProperty({ mediaSource: ['binary'] }),
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'Text under the image, video or document, up to 1024 characters',
		displayOptions: { show: { mediaType: ['image', 'video', 'document'] } },
	},
	{
		displayName: 'File Name',
		name: 'filename',
		type: 'string',
		default: '',
		placeholder: 'invoice.pdf',
		description:
			"The name the document shows with. Empty: the binary file's own name, when sending binary data.",
		displayOptions: { show: { mediaType: ['document'] } },
	},
];

export const recipient = 'required';

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendMedia'] } },
	properties,
);

/**
 * Uploads the item's binary file and answers its media id; the message is checked first, so that nothing is
 * uploaded for a message that cannot be sent. A document without a file name takes the binary's.
 */
async function uploadBinary(
	this: IExecuteFunctions,
	i: number,
	type: MediaType,
	options: MediaOptions,
): Promise<string> {
	const file = await readBinaryFile.call(
		this,
		i,
		this.getNodeParameter('binaryPropertyName', i) as string,
	);
	if (type === 'document' && !options.filename) options.filename = file.fileName;
	withItemError(this, i, () => {
		if (isVoiceNote.call(this, i, type)) checkVoiceNoteFile(file);
		mediaDetails(type, options);
		recipientFields(readRecipient.call(this, i));
	});
	return await uploadFile.call(this, i, file, type);
}

function isVoiceNote(this: IExecuteFunctions, i: number, type: MediaType): boolean {
	return type === 'audio' && this.getNodeParameter('voiceNote', i, false) === true;
}

/** A voice note by media ID: what WhatsApp holds under the ID must be OGG, so its type is looked up before sending. */
async function checkStoredVoiceNote(this: IExecuteFunctions, i: number): Promise<void> {
	const mediaId = String(this.getNodeParameter('mediaId', i)).trim();
	const stored = await lookUpMedia.call(this, i, mediaId);
	withItemError(this, i, () =>
		checkVoiceNoteMimeType(stored.mime_type, 'mediaId', `The media ${mediaId}`),
	);
}

function readMediaOptions(this: IExecuteFunctions, i: number): MediaOptions {
	return {
		caption: this.getNodeParameter('caption', i, '') as string,
		filename: this.getNodeParameter('filename', i, '') as string,
	};
}

function prepareByReference(this: IExecuteFunctions, i: number, source: string): PreparedSend {
	const type = this.getNodeParameter('mediaType', i) as MediaType;
	const options = readMediaOptions.call(this, i);
	return prepareMessage.call(this, i, type, () =>
		buildMediaMessage({
			type,
			source:
				source === 'id'
					? { id: this.getNodeParameter('mediaId', i) as string }
					: { link: this.getNodeParameter('mediaLink', i) as string },
			voice: isVoiceNote.call(this, i, type),
			...options,
		}),
	);
}

/**
 * A media message by link or media ID; one from binary data is uploaded first, and a voice note by media ID
 * has its type looked up first, at send time (undefined).
 */
export function prepare(this: IExecuteFunctions, i: number): PreparedSend | undefined {
	const source = this.getNodeParameter('mediaSource', i) as string;
	if (source === 'binary') return undefined;
	const type = this.getNodeParameter('mediaType', i) as MediaType;
	if (source === 'id' && isVoiceNote.call(this, i, type)) return undefined;
	return prepareByReference.call(this, i, source);
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const prepared = prepare.call(this, i);
	if (prepared) return await prepared.send();
	const source = this.getNodeParameter('mediaSource', i) as string;
	if (source === 'id') {
		const voiceNote = prepareByReference.call(this, i, source);
		await checkStoredVoiceNote.call(this, i);
		return await voiceNote.send();
	}
	const type = this.getNodeParameter('mediaType', i) as MediaType;
	const options = readMediaOptions.call(this, i);
	const voice = isVoiceNote.call(this, i, type);
	const uploadedId = await uploadBinary.call(this, i, type, options);
	const items = await sendMessage.call(this, i, type, () =>
		buildMediaMessage({ type, source: { id: uploadedId }, voice, ...options }),
	);
	return items.map((item) => ({ ...item, json: { ...item.json, mediaId: uploadedId } }));
}
