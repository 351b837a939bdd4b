/**
 * Which of the trigger's outputs lead anywhere. A delivery whose items would all land on outputs with
 * nothing connected starts no execution: a broadcast's status storm then costs n8n nothing when the
 * workflow only answers messages.
 */
import type { INode, IWebhookFunctions, NodeConnectionType } from 'n8n-workflow';

interface IncomingConnection {
	node: string;
	index: number;
}

/** n8n-core's contexts can read a node's incoming connections; the public interface does not declare it. */
interface ConnectionReader {
	getConnections?: (
		destination: INode,
		connectionType: NodeConnectionType,
	) => Array<IncomingConnection[] | null> | undefined;
}

/**
 * One flag per output: whether a node is connected to it. All true when n8n does not let the trigger see
 * its connections, so that nothing is ever dropped on a guess.
 */
export function connectedOutputs(this: IWebhookFunctions, outputCount: number): boolean[] {
	const all = new Array<boolean>(outputCount).fill(true);
	const reader = this as unknown as ConnectionReader;
	if (typeof reader.getConnections !== 'function') return all;
	const self = this.getNode().name;
	const connected = new Array<boolean>(outputCount).fill(false);
	try {
		for (const child of this.getChildNodes(self)) {
			const inputs = reader.getConnections.call(this, child as unknown as INode, 'main') ?? [];
			for (const input of inputs) {
				for (const connection of input ?? []) {
					if (connection.node === self && connection.index < outputCount)
						connected[connection.index] = true;
				}
			}
		}
	} catch {
		return all;
	}
	return connected;
}
