import type { INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { Dialog360TriggerV1 } from './Dialog360TriggerV1';
import { Dialog360TriggerV2 } from './Dialog360TriggerV2';
import { Dialog360TriggerV22 } from './Dialog360TriggerV22';

/**
 * A saved workflow keeps the trigger version it was built with: version 1 keeps its two outputs and its
 * status defaults; version 2 changes defaults and outputs; version 2.1 keeps its redelivery memory out of
 * the database unless asked; version 2.2 turns every webhook into items that say what happened, on an
 * Event output it always has (README "Node versions").
 */
export class Dialog360Trigger extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: '360dialog Trigger',
			name: 'dialog360Trigger',
			icon: { light: 'file:360dialog.svg', dark: 'file:360dialog.dark.svg' },
			group: ['trigger'],
			// n8n's node picker shows a node and its trigger as one entry, with the trigger's description: it says both.
			description:
				'Send WhatsApp messages through 360dialog, and start workflows when a message or a delivery status arrives',
			defaultVersion: 2.2,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new Dialog360TriggerV1(baseDescription),
			2: new Dialog360TriggerV2(baseDescription),
			2.1: new Dialog360TriggerV2(baseDescription),
			2.2: new Dialog360TriggerV22(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
