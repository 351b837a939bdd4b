import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { fetchBusinessProfile } from '../helpers/fetchBusinessProfile';

export const description = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return [{ json: await fetchBusinessProfile.call(this, i), pairedItem: { item: i } }];
}
