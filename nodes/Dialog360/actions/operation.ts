import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { Dialog360Map, Dialog360Resource } from '../node.type';

/** A message whose parameters are read and whose body is built and checked: all that is left is to post it. */
export interface PreparedSend {
	/** Posts the message and answers the item's output. */
	send(): Promise<INodeExecutionData[]>;
}

/** One operation: the parameters it shows (scoped with displayOptions) and what it does for item `i`. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]>;
	/**
	 * Set by operations that post one message built from the item's parameters alone: reads them and builds
	 * the body without sending, so that a run can check every item before its first message goes out and
	 * then send at the number's rate. Answers undefined when this item needs more than one request (a
	 * media upload first, say); `execute` then does the whole of it at send time.
	 */
	prepare?(
		this: IExecuteFunctions,
		i: number,
	): PreparedSend | undefined | Promise<PreparedSend | undefined>;
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

/** The `execute` of an operation whose `prepare` always answers a send: prepare, then send. */
export function executePrepared(
	prepare: (this: IExecuteFunctions, i: number) => PreparedSend | Promise<PreparedSend>,
): OperationModule['execute'] {
	return async function (this: IExecuteFunctions, i: number) {
		return await (await prepare.call(this, i)).send();
	};
}

/** The rows of a fixedCollection, e.g. `group` = a section's `rows` and `key` = 'row'; none when it is empty. */
export function collectionRows(group: unknown, key: string): IDataObject[] {
	return ((group as IDataObject | undefined)?.[key] as IDataObject[] | undefined) ?? [];
}
