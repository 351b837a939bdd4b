/**
 * What happens when 360dialog posts to the trigger: check the secret, split the envelope into items, drop
 * what the user filtered out and what was already delivered, and answer at once. No network call here:
 * 360dialog counts a delivery as failed when the answer is slow, and then sends it again.
 */
import { createHash, timingSafeEqual } from 'crypto';
import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { messageKey, parseWebhook, RecentIds, statusKey } from '../shared/whatsapp/webhook';
import { VERIFICATION_HEADER } from './webhookLifecycle';
import type { TriggerStaticData } from './webhookLifecycle';

/**
 * Ids of recently emitted messages and statuses. n8n does not keep static data written during a webhook
 * call, so redeliveries are remembered here, per n8n process, within a bounded size and age.
 */
const recentlyEmitted = new RecentIds(50_000, 7 * 24 * 60 * 60 * 1000);

function digest(value: string): Buffer {
	return createHash('sha256').update(value, 'utf8').digest();
}

/** Compares in constant time, whatever the lengths. */
export function secretMatches(given: unknown, expected: string | undefined): boolean {
	if (typeof given !== 'string' || !expected) return false;
	return timingSafeEqual(digest(given), digest(expected));
}

function reject(this: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	const res = this.getResponseObject();
	res.status(status).json({ error: message });
	return { noWebhookResponse: true };
}

/** The answer to every accepted delivery, whether it starts an execution or not. */
const RECEIVED = { received: true };

export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const options = this.getNodeParameter('options', {}) as {
		verifySecret?: boolean;
		includeRaw?: boolean;
	};
	if (options.verifySecret !== false) {
		const data = this.getWorkflowStaticData('node') as TriggerStaticData;
		const given = this.getHeaderData()[VERIFICATION_HEADER.toLowerCase()];
		if (!secretMatches(Array.isArray(given) ? given[0] : given, data.webhookSecret)) {
			return reject.call(this, 401, 'Missing or wrong webhook secret');
		}
	}

	const parsed = parseWebhook(this.getBodyData(), { includeRaw: options.includeRaw === true });
	const messageTypes = this.getNodeParameter('messageTypes', []) as string[];
	const statuses = this.getNodeParameter('statuses', []) as string[];
	const scope = `${this.getWorkflow().id ?? ''}:${this.getNode().id}:`;

	const messageItems: INodeExecutionData[] = parsed.messages
		.filter((message) => messageTypes.length === 0 || messageTypes.includes(message.type))
		.filter((message) => !recentlyEmitted.seen(scope + messageKey(message)))
		.map((message) => ({ json: message as unknown as IDataObject }));
	const statusItems: INodeExecutionData[] = [
		...parsed.statuses
			.filter((status) => statuses.includes(status.status))
			.filter((status) => !recentlyEmitted.seen(scope + statusKey(status)))
			.map((status) => ({ json: status as unknown as IDataObject })),
		// Errors of a whole change (no message id) count as failures of the number.
		...(statuses.includes('failed') ? parsed.errors : []).map((error) => ({
			json: { status: 'error', ...error } as unknown as IDataObject,
		})),
	];

	if (messageItems.length === 0 && statusItems.length === 0) return { webhookResponse: RECEIVED };
	return { workflowData: [messageItems, statusItems], webhookResponse: RECEIVED };
}
