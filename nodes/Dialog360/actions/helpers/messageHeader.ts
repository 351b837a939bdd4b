import type { IExecuteFunctions } from 'n8n-workflow';

import type { MediaKind, TemplateHeaderInput } from '../../../shared/whatsapp/messages/template';
import { HEADER_MEDIA_KINDS } from '../descriptions/headerMedia.description';

/** The header as the pure builders take it, from the header fields of Send Template or Send Interactive; undefined for "None". */
export function readMessageHeader(
	this: IExecuteFunctions,
	i: number,
): TemplateHeaderInput | undefined {
	const type = this.getNodeParameter('headerType', i, 'none') as string;
	if (type === 'text') {
		return {
			type,
			text: this.getNodeParameter('headerText', i, '') as string,
			parameterName: this.getNodeParameter('headerParameterName', i, '') as string,
		};
	}
	if (!HEADER_MEDIA_KINDS.includes(type as MediaKind)) return undefined;
	const byId = this.getNodeParameter('headerMediaSource', i, 'link') === 'id';
	return {
		type: type as MediaKind,
		...(byId
			? { id: this.getNodeParameter('headerMediaId', i, '') as string }
			: { link: this.getNodeParameter('headerMediaLink', i, '') as string }),
		filename: this.getNodeParameter('headerFilename', i, '') as string,
	};
}
