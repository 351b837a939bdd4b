import { LIMITS, requireLength } from '../validation';

export interface TextInput {
	body: string;
	previewUrl?: boolean;
}

export function buildTextMessage(input: TextInput): { body: string; preview_url?: boolean } {
	const body = requireLength(input.body, LIMITS.textBody, 'text', 'Text');
	return input.previewUrl ? { body, preview_url: true } : { body };
}
