/** Items out in parallel, up to the node's Concurrency. */

/**
 * Runs the chains on at most `concurrency` workers: a worker takes the next chain and runs its items one after
 * another. A worker stops before its next item once `stopped()` answers true.
 */
export async function runChains(
	chains: number[][],
	concurrency: number,
	runItem: (i: number) => Promise<void>,
	stopped: () => boolean,
): Promise<void> {
	let next = 0;
	const workers = Array.from({ length: Math.min(concurrency, chains.length) }, async () => {
		for (let chain = chains[next++]; chain; chain = chains[next++]) {
			for (const i of chain) {
				if (stopped()) return;
				await runItem(i);
			}
		}
	});
	await Promise.all(workers);
}
