/**
 * What this build of the package and its test kit offer, read from the built nodes and the kit itself, so that a
 * bench row whose feature is missing prints n/a instead of failing the run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

import { startEmulator } from '../../../emulator';

const ROOT = path.join(__dirname, '..', '..', '..');

interface Described {
	description: {
		version?: number | number[];
		defaultVersion?: number;
		properties?: Array<{ name: string; displayOptions?: unknown }>;
	};
	/** A VersionedNodeType's versions, by number. */
	nodeVersions?: Record<string, unknown>;
}

function builtNode(file: string, exportName: string): Described | undefined {
	const full = path.join(ROOT, 'dist', 'nodes', file);
	if (!existsSync(full)) return undefined;
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const NodeClass = (require(full) as Record<string, new () => Described>)[exportName];
	return NodeClass ? new NodeClass() : undefined;
}

/** Every typeVersion a node offers, plain or versioned. */
function versionsOf(node: Described | undefined): number[] {
	if (!node) return [];
	if (node.nodeVersions) return Object.keys(node.nodeVersions).map(Number);
	return [node.description.version ?? 1].flat();
}

/** The action node's "Messages Per Second" option (typeVersion 1.1). */
export function hasSendRateCap(): boolean {
	const node = builtNode('Dialog360/Dialog360.node.js', 'Dialog360');
	return Boolean(
		node?.description.properties?.some((property) => property.name === 'messagesPerSecond'),
	);
}

/** The newest typeVersion of the 360dialog Trigger. */
export function newestTriggerVersion(): number {
	return Math.max(
		1,
		...versionsOf(builtNode('Dialog360Trigger/Dialog360Trigger.node.js', 'Dialog360Trigger')),
	);
}

/** Whether the test kit's startStack can bring n8n up in queue mode (it then exports the queue-mode settings). */
export function hasQueueMode(): boolean {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const stack = require(path.join(ROOT, 'dev', 'stack.js')) as Record<string, unknown>;
	return stack.RECOMMENDED_QUEUE_ENV !== undefined;
}

/** Names of the emulator's run-time options (fault ratios, throughput, ...). */
export async function emulatorOptionNames(): Promise<string[]> {
	const emulator = await startEmulator({ numbers: [{ apiKey: 'probe' }] });
	try {
		return Object.keys(emulator.options);
	} finally {
		await emulator.close();
	}
}
