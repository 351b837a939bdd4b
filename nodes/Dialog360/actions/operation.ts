import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** One operation: the parameters it shows (scoped with displayOptions) and what it does for item `i`. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]>;
}
