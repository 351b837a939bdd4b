/**
 * What happens when 360dialog posts to the trigger: check the secret, split the envelope into items, drop
 * what the user filtered out, what no connected output wants and what was already delivered, and answer at
 * once. The only network calls are media downloads, and those happen after the answer: 360dialog counts a
 * slow answer as a failed delivery, and then sends it again.
 */
import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import {
	changeErrorKey,
	eventKey,
	messageKey,
	parseWebhook,
	RecentIds,
	statusKey,
	type ParsedWebhook,
} from '../shared/whatsapp/webhook';
import { connectedOutputs } from './connectedOutputs';
import { readDeliveryBody } from './deliveryBody';
import { PersistedKeys, type PersistedKeyData } from './persistedKeys';
import { attachMedia, hasDownloadableMedia } from './mediaDownload';
import { migrateSecret, secretMatches } from './secret';
import { readSettings, wantsMessage, wantsStatus, type ReceiveSettings } from './settings';
import { VERIFICATION_HEADER, type TriggerStaticData } from './webhookLifecycle';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Ids of recently emitted messages and statuses, per n8n process, within a bounded size and age; the most
 * recent messages can also be kept in the workflow (persistedKeys.ts). README "Redeliveries" says what holds.
 */
const recentlyEmitted = new RecentIds(50_000, 7 * DAY_MS);
/** Change-level errors and account events have no id: an identical one within a day counts as a redelivery. */
const recentlyEmittedContent = new RecentIds(10_000, DAY_MS);

export { secretMatches } from './secret';

function reject(this: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	const res = this.getResponseObject();
	res.status(status).json({ error: message });
	return { noWebhookResponse: true };
}

/** The answer to every accepted delivery, whether it starts an execution or not. */
const RECEIVED = { received: true };

function hasValidSecret(this: IWebhookFunctions): boolean {
	const data = this.getWorkflowStaticData('node') as TriggerStaticData;
	const given = this.getHeaderData()[VERIFICATION_HEADER.toLowerCase()];
	const valid = secretMatches(Array.isArray(given) ? given[0] : given, data);
	// Workflows activated by earlier releases kept the plain secret: keep only its hash from now on.
	if (valid) migrateSecret(data);
	return valid;
}

const asItem = (value: object): INodeExecutionData => ({ json: value as unknown as IDataObject });

/** Items per output (Message, Status, and Event when asked for), filtered, unconnected outputs left empty. */
function selectItems(
	parsed: ParsedWebhook,
	settings: ReceiveSettings,
	wanted: boolean[],
	scope: string,
	persisted: PersistedKeys | undefined,
): INodeExecutionData[][] {
	const remember = (memory: RecentIds, key: string, persist = true) => {
		const seenHere = memory.seen(scope + key);
		if (seenHere || persisted?.has(key)) return false;
		if (persist) persisted?.add(key);
		return true;
	};
	const fresh = (key: string) => remember(recentlyEmitted, key);
	const freshContent = (key: string) => remember(recentlyEmittedContent, key);
	// Statuses are kept in this process's memory only. They are the volume (two or three for every message
	// sent), n8n writes changed static data to its database before it answers, and a status run twice after
	// a restart only repeats an update; a message run twice could answer someone twice.
	const freshStatus = (key: string) => remember(recentlyEmitted, key, false);
	const messages = wanted[0]
		? parsed.messages
				.filter((message) => wantsMessage(settings, message.type))
				.filter((message) => fresh(messageKey(message)))
				.map(asItem)
		: [];
	const statuses = wanted[1]
		? [
				...parsed.statuses
					.filter((status) => wantsStatus(settings, status.status))
					.filter((status) => freshStatus(statusKey(status)))
					.map(asItem),
				// Errors of a whole change (no message id) count as failures of the number.
				...(wantsStatus(settings, 'failed') ? parsed.errors : [])
					.filter((error) => freshContent(changeErrorKey(error)))
					.map((error) => asItem({ status: 'error', ...error })),
			]
		: [];
	if (!settings.events) return [messages, statuses];
	const events = wanted[2]
		? parsed.events.filter((event) => freshContent(eventKey(event))).map(asItem)
		: [];
	return [messages, statuses, events];
}

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
	});
	const outputCount = settings.events ? 3 : 2;
	const wanted = settings.skipUnconnected
		? connectedOutputs.call(this, outputCount)
		: new Array<boolean>(outputCount).fill(true);
	const scope = `${this.getWorkflow().id ?? ''}:${this.getNode().id}:`;
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
