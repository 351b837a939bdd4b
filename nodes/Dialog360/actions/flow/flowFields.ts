/** Fields the flow-management operations share, defined once. */
import type { INodeProperties } from 'n8n-workflow';

import type { Dialog360Map } from '../../node.type';

type FlowOperation = Dialog360Map['flow'];

export const showOnFlow = (...operation: FlowOperation[]) => ({ resource: ['flow'], operation });

export function flowIdProperty(...operation: FlowOperation[]): INodeProperties {
	return {
		displayName: 'Flow ID',
		name: 'flowId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '1234567890123456',
		description: "The flow's ID, from WhatsApp Manager or the List Flows operation",
		displayOptions: { show: showOnFlow(...operation) },
	};
}

const flowJsonField = {
	displayName: 'Flow JSON',
	name: 'flowJson',
	type: 'json' as const,
};

/** The JSON a flow gets: required where it is replaced, optional where a flow is created. */
export function flowJsonProperty(
	required: boolean,
	...operation: FlowOperation[]
): INodeProperties {
	const displayOptions = { show: showOnFlow(...operation) };
	return required
		? {
				...flowJsonField,
				default: '{\n  "version": "6.0",\n  "screens": []\n}',
				required: true,
				description:
					"The flow's screens and layout (Flow JSON, as WhatsApp Manager's editor shows it)",
				displayOptions,
			}
		: {
				...flowJsonField,
				default: '',
				description: 'Optional: the flow JSON to start with; empty for a flow without screens yet',
				displayOptions,
			};
}
