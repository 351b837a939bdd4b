/**
 * What node version 1.1 changed: it sends at the number's rate, checks every item before its first message
 * goes out, names the items already accepted when it stops on an error, and maps template variables (Send
 * Template's default). Version 1 keeps doing none of it, so that saved workflows behave as they did.
 */
import type { INode } from 'n8n-workflow';

/** Whether the node of this run (or this editor call) is of version 1.1 or later. */
export function isVersion11OrLater(context: { getNode(): INode }): boolean {
	return context.getNode().typeVersion >= 1.1;
}

/** The `displayOptions.show` condition of a field shown from node version 1.1 on. */
export const fromVersion11 = { '@version': [{ _cnd: { gte: 1.1 } }] };
