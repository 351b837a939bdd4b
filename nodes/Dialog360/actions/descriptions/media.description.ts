/** The media id and binary fields, shared by the media operations and Send Media. */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** `description` says which media; it should say that the ID is digits, from an upload or the trigger's "media" field. */
export function mediaIdProperty(
	show: IDisplayOptions['show'],
	description: string,
): INodeProperties {
	return {
		displayName: 'Media ID',
		name: 'mediaId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '1234567890123456',
		description,
		displayOptions: { show },
	};
}

/** The input binary field a file is read from; shared by Upload and Send Media. */
export function binaryInputProperty(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file to be uploaded',
		displayOptions: { show },
	};
}

export const showOnMedia = (operation: string): IDisplayOptions['show'] => ({
	resource: ['media'],
	operation: [operation],
});
