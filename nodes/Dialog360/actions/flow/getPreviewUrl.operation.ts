import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readFlow } from './getFlow.operation';

export const description = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const flow = await readFlow.call(this, i, true);
	return [
		{
			json: {
				id: flow.id,
				previewUrl: flow.previewUrl ?? null,
				previewExpiresAt: flow.previewExpiresAt ?? null,
			},
			pairedItem: { item: i },
		},
	];
}
