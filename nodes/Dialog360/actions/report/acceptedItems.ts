/**
 * What a failed node run had already done. When the node stops on an error, n8n keeps none of its output, so
 * the error itself names the items 360dialog had accepted: a rerun that skips them sends nothing twice.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

export interface AcceptedItem {
	/** The input item's index, from 0 as n8n counts items. */
	item: number;
	/** The id 360dialog gave the message, when the item sent one. */
	messageId?: string;
}

/** Item `i` as accepted, with the message id its output names. */
export function acceptedItem(i: number, output: INodeExecutionData[]): AcceptedItem {
	const messageId = output[0]?.json.messageId;
	return typeof messageId === 'string' ? { item: i, messageId } : { item: i };
}

/** Item indices as ranges: [0, 1, 2, 5, 7, 8] → "0–2, 5, 7–8". */
export function describeItemRanges(items: number[]): string {
	const sorted = [...new Set(items)].sort((a, b) => a - b);
	const ranges: string[] = [];
	for (let start = 0; start < sorted.length; ) {
		let end = start;
		while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
		ranges.push(end === start ? String(sorted[start]) : `${sorted[start]}–${sorted[end]}`);
		start = end + 1;
	}
	return ranges.join(', ');
}

/** How many message ids the description lists before it refers to the error's details. */
const IDS_IN_DESCRIPTION = 10;

/** The sentence a failed run's error ends with: how many items were accepted, which, and their ids. */
export function describeAcceptedItems(accepted: AcceptedItem[], total: number): string {
	if (accepted.length === 0) {
		return `None of the ${total} items was accepted by 360dialog before the node stopped, so running it again sends nothing twice.`;
	}
	const sorted = [...accepted].sort((a, b) => a.item - b.item);
	const ids = sorted
		.filter((entry) => entry.messageId)
		.map((entry) => `${entry.item}: ${entry.messageId}`);
	const listed =
		ids.length === 0
			? ''
			: ids.length <= IDS_IN_DESCRIPTION
				? ` Message ids: ${ids.join(', ')}.`
				: ` The message id of each is under acceptedItems in this error's details.`;
	return `${accepted.length} of ${total} items were accepted by 360dialog before the node stopped: items ${describeItemRanges(sorted.map((entry) => entry.item))} (counted from 0).${listed} Leave these items out when you run the node again, or their messages are sent twice.`;
}

interface NodeErrorLike {
	description?: string | null;
	context?: IDataObject;
}

/**
 * Adds what was accepted to the error the node stops with. With one item and nothing sent there is nothing a
 * rerun could send twice, and nothing to add.
 */
export function reportAcceptedItems(
	error: NodeErrorLike,
	accepted: AcceptedItem[],
	total: number,
): void {
	if (total <= 1 && accepted.length === 0) return;
	const sentence = describeAcceptedItems(accepted, total);
	error.description = error.description ? `${error.description}\n\n${sentence}` : sentence;
	error.context = {
		...(error.context ?? {}),
		acceptedCount: accepted.length,
		acceptedItems: [...accepted]
			.sort((a, b) => a.item - b.item)
			.map((entry) => ({ ...entry })) as unknown as IDataObject[],
	};
}
