/**
 * Sending a template: through /messages, or through the Marketing Messages API when the item asks for it, with
 * the item's choice of what happens when the number's business has not accepted the terms.
 */
import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { buildEnvelope } from '../../../shared/whatsapp/messages/envelope';
import {
	buildMarketingMessage,
	isNotOnboardedError,
	MARKETING_MESSAGES_PATH,
} from '../../../shared/whatsapp/messages/marketing';
import type { MarketingOptions } from '../../../shared/whatsapp/messages/marketing';
import { withItemError } from './itemError';
import type { PreparedSend } from '../operation';
import { postMessage, prepareMessage, readRecipient, readSendOptions } from './send';

function notOnboarded(error: unknown): error is NodeApiError {
	if (!(error instanceof NodeApiError)) return false;
	const response = error.errorResponse as JsonObject | undefined;
	return isNotOnboardedError(response?.code, response?.message);
}

const sentThrough = (items: INodeExecutionData[], endpoint: string) =>
	items.map((item) => ({ ...item, json: { ...item.json, sentThrough: endpoint } }));

/**
 * A template send, prepared: through /messages, or through the Marketing Messages API when the item asks for it
 * (falling back to /messages on request when the business is not onboarded).
 */
export function prepareTemplateMessage(
	this: IExecuteFunctions,
	i: number,
	build: () => unknown,
): PreparedSend {
	if (!this.getNodeParameter('useMarketingMessagesLite', i, false))
		return prepareMessage.call(this, i, 'template', build);
	const options = readSendOptions.call(this, i);
	const marketing = this.getNodeParameter('marketingMessagesOptions', i, {}) as MarketingOptions;
	const fallback = this.getNodeParameter('marketingMessagesFallback', i, 'fail');
	const templateBody = withItemError(this, i, () =>
		buildEnvelope(readRecipient.call(this, i), 'template', build(), options),
	);
	const body = withItemError(this, i, () => buildMarketingMessage(templateBody, marketing));
	return {
		send: async () => {
			const outcome = await postMessage
				.call(this, i, body, options.includeRawResponse, MARKETING_MESSAGES_PATH)
				.then(
					(items) => ({ items }),
					(error: unknown) => ({ error }),
				);
			// The output's name for this route predates the API's new name; saved workflows may test for it.
			if ('items' in outcome) return sentThrough(outcome.items, 'marketingMessagesLite');
			const { error } = outcome;
			if (!notOnboarded(error)) throw error;
			if (fallback === 'cloudApi') {
				const items = await postMessage.call(this, i, templateBody, options.includeRawResponse);
				return sentThrough(items, 'cloudApi');
			}
			throw new NodeOperationError(
				this.getNode(),
				"This number's business has not accepted the Marketing Messages API terms",
				{
					itemIndex: i,
					description:
						'Accept them in the 360dialog Hub (the "Accept MM API terms" banner) or in WhatsApp Manager, then send again; or set "If Not Onboarded" to "Send Through the Cloud API".\n' +
						`360dialog said: ${error.message}`,
				},
			);
		},
	};
}
