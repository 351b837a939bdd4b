/**
 * The node's webhook for Send and Wait for Response: n8n routes the signed resume URL here (after checking its
 * signature) while the execution waits. A page is shown, or the answer continues the execution.
 */
import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { choicePage, recordedPage, replyPage } from './responsePages';
import { answerResumeRequest, DEFAULT_LABELS } from './responseRequest';
import type { ApprovalType, ResponseType } from './responseRequest';

/** n8n's GET and POST webhooks that continue a waiting execution, at the node's id. */
export const sendAndWaitWebhooks = (['GET', 'POST'] as const).map((httpMethod) => ({
	name: 'default' as const,
	httpMethod,
	responseMode: 'onReceived',
	responseData: '',
	path: '={{ $nodeId }}',
	restartWebhook: true,
	isFullPath: true,
}));

export async function sendAndWaitWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject();
	const response = this.getResponseObject();
	const text = (name: string, fallback: string) =>
		(this.getNodeParameter(name, fallback) as string).trim() || fallback;
	const message = text('message', '');
	const answer = answerResumeRequest({
		method: request.method,
		userAgent: request.headers['user-agent'],
		body: this.getBodyData(),
		responseType: text('responseType', 'approval') as ResponseType,
		approvalType: text('approvalType', 'single') as ApprovalType,
		now: new Date(),
	});
	if (answer.kind === 'ignore') {
		response.status(204).end();
		return { noWebhookResponse: true };
	}
	if (answer.kind === 'page') {
		const html =
			answer.page === 'choice'
				? choicePage({
						message,
						approveLabel: text('approveLabel', DEFAULT_LABELS.approve),
						disapproveLabel: text('disapproveLabel', DEFAULT_LABELS.disapprove),
					})
				: replyPage({
						message,
						buttonLabel: text('buttonLabel', DEFAULT_LABELS.reply),
						error: answer.error,
					});
		response.status(200).setHeader('Content-Type', 'text/html; charset=utf-8');
		response.end(html);
		return { noWebhookResponse: true };
	}
	const done =
		answer.data.approved === false ? 'Declined ✗' : answer.data.approved ? 'Approved ✓' : 'Sent ✓';
	return {
		webhookResponse: recordedPage(`${done} Thank you.`),
		workflowData: [[{ json: { data: answer.data } }]],
	};
}
