/**
 * What happens when 360dialog posts to the trigger: check the secret, split the envelope into items, keep
 * what the user and the connected outputs want and what was not delivered before, and answer at once. The
 * only network calls are media downloads, and those happen after the answer: 360dialog counts a slow
 * answer as a failed delivery, and then sends it again.
 */
import type { INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { parseWebhook } from '../../shared/whatsapp/webhook';
import { connectedOutputs } from './connectedOutputs';
import { readDeliveryBody } from './deliveryBody';
import { attachMedia, hasDownloadableMedia } from './mediaDownload';
import { PersistedKeys, type PersistedKeyData } from './persistedKeys';
import { hasValidSecret } from './secretCheck';
import { selectItems } from './selectItems';
import { readSettings } from './settings';

function reject(this: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	const res = this.getResponseObject();
	res.status(status).json({ error: message });
	return { noWebhookResponse: true };
}

/** The answer to every accepted delivery, whether it starts an execution or not. */
const RECEIVED = { received: true };

/** Answers 360dialog now, then downloads the media and hands the items to n8n. */
async function answerThenDownload(
	this: IWebhookFunctions,
	outputs: INodeExecutionData[][],
	maxBytes: number,
): Promise<IWebhookResponseData> {
	this.getResponseObject().status(200).json(RECEIVED);
	await attachMedia.call(this, outputs[0], maxBytes);
	return { noWebhookResponse: true, workflowData: outputs };
}

export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const settings = readSettings.call(this);
	if (settings.verifySecret && !hasValidSecret.call(this)) {
		return reject.call(this, 401, 'Missing or wrong webhook secret');
	}

	const parsed = parseWebhook(await readDeliveryBody.call(this), {
		includeRaw: settings.includeRaw,
		events: settings.events,
		agentFields: settings.agentFields,
		itemVersion: settings.itemVersion,
	});
	const outputCount = settings.events ? 3 : 2;
	const wanted = settings.skipUnconnected
		? connectedOutputs.call(this, outputCount)
		: new Array<boolean>(outputCount).fill(true);
	// A test listening beside the published workflow gets the same deliveries: it remembers them apart.
	const test = this.getMode() === 'manual' ? 'test:' : '';
	const scope = `${this.getWorkflow().id ?? ''}:${this.getNode().id}:${test}`;
	// Without "Remember Deliveries Across Restarts" (version 2.1) the keys stay in this process: n8n saves
	// changed static data to its database before it answers, one write per delivery.
	const persisted = settings.rememberAcrossRestarts
		? new PersistedKeys(this.getWorkflowStaticData('node') as PersistedKeyData)
		: undefined;
	const outputs = selectItems(parsed, settings, wanted, scope, persisted);
	persisted?.save();

	if (outputs.every((items) => items.length === 0)) return { webhookResponse: RECEIVED };
	if (settings.downloadMaxBytes > 0 && outputs[0].some(hasDownloadableMedia)) {
		return await answerThenDownload.call(this, outputs, settings.downloadMaxBytes);
	}
	return { workflowData: outputs, webhookResponse: RECEIVED };
}
