/** The WhatsApp users a block-list operation acts on. */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

export function usersProperty(show: IDisplayOptions['show'], description: string): INodeProperties {
	return {
		displayName: 'Users',
		name: 'users',
		type: 'string',
		default: '',
		required: true,
		placeholder: '+49 151 12345678, +49 160 7654321',
		description,
		displayOptions: { show },
	};
}
