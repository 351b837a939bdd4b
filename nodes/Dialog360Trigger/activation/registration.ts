/** What the workflow keeps about its registration at 360dialog, in the node's static data. */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import type { SecretRecord } from '../webhookSecret';

export type WebhookRole = 'main' | 'extra';

export interface PreviousWebhook {
	url: string;
	/** Its headers, sealed (sealedHeaders.ts). */
	sealedHeaders?: string;
	/** Its headers in plain text, as earlier releases kept them; sealed at the next activation check. */
	headers?: Record<string, string>;
}

export interface TriggerStaticData extends IDataObject, SecretRecord {
	registeredUrl?: string;
	/** Where this workflow registered itself; absent for registrations of earlier releases (main). */
	registeredRole?: WebhookRole;
	/** As an extra destination: it switched on the number's extra destinations, to switch off again. */
	switchedOnExtraDestinations?: boolean;
	/** The webhook that was registered before this workflow replaced it, to put back on deactivation. */
	previousWebhook?: PreviousWebhook | null;
}

export function staticData(this: IHookFunctions): TriggerStaticData {
	return this.getWorkflowStaticData('node') as TriggerStaticData;
}

export function roleOf(this: IHookFunctions): WebhookRole {
	if (this.getNode().typeVersion < 2) return 'main';
	return this.getNodeParameter('webhookRole', 'main') === 'extra' ? 'extra' : 'main';
}
