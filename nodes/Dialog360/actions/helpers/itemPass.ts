/** A pass over a run's items that shares n8n's event loop. */
import { sleep } from 'n8n-workflow';

/** The longest stretch a pass over the items keeps n8n's event loop to itself. */
export const SLICE_MS = 10;

/**
 * Runs `visit` for items 0 to count - 1 in order, until it answers false. Reading items is CPU work with nothing
 * to wait for (n8n evaluates each expression anew), and 10,000 items take seconds: the pass gives n8n's event
 * loop back every SLICE_MS, so that webhooks and other runs are answered in between.
 */
export async function forEachItem(
	count: number,
	visit: (i: number) => boolean | Promise<boolean>,
): Promise<void> {
	let sliceStart = Date.now();
	for (let i = 0; i < count; i++) {
		if (Date.now() - sliceStart >= SLICE_MS) {
			await sleep(0);
			sliceStart = Date.now();
		}
		if (!(await visit(i))) return;
	}
}
