/**
 * What a trigger's executions actually carried: every item of every execution of a workflow, read back through
 * n8n's REST API, so that a bench can tell items lost from items run twice.
 */
import type { Rest } from './runs';

/** Runs `work` over `inputs`, at most `limit` at a time. */
async function mapLimited<T, R>(
	inputs: T[],
	limit: number,
	work: (input: T) => Promise<R>,
): Promise<R[]> {
	const results: R[] = new Array(inputs.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(limit, inputs.length) }, async () => {
			while (next < inputs.length) {
				const index = next++;
				results[index] = await work(inputs[index]);
			}
		}),
	);
	return results;
}

/** The JSON of every item `nodeName` put out on `output`, over all finished executions of the workflow. */
export async function itemsOfExecutions(
	rest: Rest,
	workflowId: string,
	nodeName: string,
	output: number,
) {
	const executions = await rest.allExecutions(workflowId);
	const items = await mapLimited(executions, 8, async (summary: { id: string }) => {
		const execution = await rest.execution(summary.id);
		const main = execution.data?.resultData?.runData?.[nodeName]?.[0]?.data?.main ?? [];
		return ((main[output] ?? []) as Array<{ json: Record<string, unknown> }>).map(
			(item) => item.json,
		);
	});
	return { executions: executions.length, items: items.flat() };
}

/** Counts of keys seen: which expected keys are missing, and which came more than once. */
export function lostAndTwice(expected: string[], seen: string[]) {
	const wanted = new Set(expected);
	const counts = new Map<string, number>();
	for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
	return {
		lost: expected.filter((key) => !counts.has(key)).length,
		twice: [...counts.values()].filter((count) => count > 1).length,
		unexpected: [...counts.keys()].filter((key) => !wanted.has(key)).length,
	};
}
