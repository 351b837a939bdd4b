/**
 * Items for the same recipient keep their order: WhatsApp shows messages in the order they arrive, and a
 * burst to one person hits the pair rate limit anyway. Each chain is run one item after another.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { forEachItem } from '../helpers/itemPass';
import { readRecipient } from '../helpers/send';

/** Items that share a key run one after another; the key is the recipient when the item has one. */
function orderingKey(this: IExecuteFunctions, i: number): string {
	try {
		const recipient = readRecipient.call(this, i);
		const key = ('userId' in recipient ? recipient.userId : recipient.phoneNumber).replace(
			/[^\dA-Za-z.]/g,
			'',
		);
		return key === '' ? `item:${i}` : `to:${key}`;
	} catch {
		return `item:${i}`;
	}
}

/** The items 0 to count - 1 in chains, one chain per recipient, each in input order. */
export async function chainByRecipient(
	this: IExecuteFunctions,
	count: number,
): Promise<number[][]> {
	const chains = new Map<string, number[]>();
	await forEachItem(count, (i) => {
		const key = orderingKey.call(this, i);
		const chain = chains.get(key);
		if (chain) chain.push(i);
		else chains.set(key, [i]);
		return true;
	});
	return [...chains.values()];
}
