import type { INodeTypeBaseDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { Dialog360TriggerV2 } from './Dialog360TriggerV2';

/**
 * Version 2.2: every webhook a number receives becomes items that say what happened (docs/trigger-items.md),
 * so the Event output is always there: calls, Business App echoes, history, contact syncs, group, username,
 * account and template events land on it; call statuses on the Status output. Items name their kind in
 * `itemType`, because `event` belongs to the payload. Otherwise as version 2.1.
 */
export class Dialog360TriggerV22 extends Dialog360TriggerV2 {
	constructor(baseDescription: INodeTypeBaseDescription) {
		super(baseDescription);
		this.description = {
			...this.description,
			version: 2.2,
			outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
			outputNames: ['Message', 'Status', 'Event'],
			properties: this.description.properties.filter(
				(property) => property.name !== 'accountEvents',
			),
		};
	}
}
