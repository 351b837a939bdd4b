/**
 * Running workflows inside a real n8n as its editor does (through the REST API: `n8n execute` hangs in n8n 2.41),
 * waiting for them to end, and reading what an n8n process holds in memory.
 */
import { readFileSync } from 'node:fs';

import { delay, eventually } from '../../../dev/wait';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const stackModule = require('../../../dev/stack') as typeof import('../../../dev/stack');

export type Stack = Awaited<ReturnType<typeof stackModule.startStack>>;
export type Rest = Stack['rest'];
export const { startStack } = stackModule;

export interface FinishedRun {
	id: string;
	status: string;
	/** n8n's own start and stop of the execution. */
	seconds: number;
}

/** Starts a manual run of `workflowId` from its `Start` node and waits until n8n reports it finished. */
export async function runToEnd(
	rest: Rest,
	workflowId: string,
	timeoutMs: number,
): Promise<FinishedRun> {
	const id = await rest.runManually(workflowId, 'Start');
	const execution = await eventually(
		async () => {
			const executions = await rest.executions(workflowId);
			const found = executions.find((candidate: { id: string }) => candidate.id === id);
			return found && !['new', 'running', 'waiting'].includes(found.status) ? found : undefined;
		},
		{ timeoutMs, intervalMs: 250, description: `the run of ${workflowId} to finish` },
	);
	const seconds = (Date.parse(execution.stoppedAt) - Date.parse(execution.startedAt)) / 1000;
	return { id, status: execution.status, seconds };
}

/** Resident memory of a process in MB, from /proc (Linux); NaN when it cannot be read. */
export function rssMb(pid: number | undefined): number {
	try {
		const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
		return line ? Number(line[1]) / 1024 : NaN;
	} catch {
		return NaN;
	}
}

/** Samples a process's resident memory every `everyMs` until stopped; answers the highest reading. */
export function sampleRss(pid: number | undefined, everyMs = 100) {
	let peak = rssMb(pid);
	let running = true;
	const loop = (async () => {
		while (running) {
			peak = Math.max(peak, rssMb(pid));
			await delay(everyMs);
		}
	})();
	return {
		async stop() {
			running = false;
			await loop;
			return Math.max(peak, rssMb(pid));
		},
	};
}

/**
 * Waits until a workflow's execution count stops growing for `quietMs` (executions still starting from a backlog),
 * or reaches `expected`; answers the count.
 */
export async function settledExecutionCount(
	rest: Rest,
	workflowId: string,
	{
		expected,
		quietMs = 3000,
		timeoutMs = 120_000,
	}: { expected?: number; quietMs?: number; timeoutMs?: number },
): Promise<number> {
	const deadline = Date.now() + timeoutMs;
	let last = -1;
	let stableSince = Date.now();
	for (;;) {
		const count = await rest.countExecutions(workflowId);
		if (count !== last) {
			last = count;
			stableSince = Date.now();
		}
		if (expected !== undefined && count >= expected) {
			const running = (await rest.executions(workflowId)).filter((execution: { status: string }) =>
				['new', 'running'].includes(execution.status),
			);
			if (running.length === 0) return count;
		}
		if (Date.now() - stableSince >= quietMs || Date.now() >= deadline) return count;
		await delay(500);
	}
}
