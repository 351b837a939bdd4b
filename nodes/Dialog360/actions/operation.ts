import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { Dialog360Map, Dialog360Resource } from '../node.type';

/** One operation: the parameters it shows (scoped with displayOptions) and what it does for item `i`. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]>;
	/**
	 * Set by operations that send a message to someone: they show the recipient fields and the send options.
	 * 'optional' when the message body may name its own recipient.
	 */
	recipient?: 'required' | 'optional';
}

/** A resource's operations, one module for each operation `Dialog360Map` lists. */
export type OperationTable<R extends Dialog360Resource> = Record<Dialog360Map[R], OperationModule>;

/** A resource's Operation parameter: each option's value, and the default, one of the resource's operations. */
export type OperationProperty<R extends Dialog360Resource> = INodeProperties & {
	options: Array<INodePropertyOptions & { value: Dialog360Map[R]; action: string }>;
	default: Dialog360Map[R];
};
