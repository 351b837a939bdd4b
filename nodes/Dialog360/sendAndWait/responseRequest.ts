/**
 * Send and Wait for Response, the pure part: the WhatsApp message that asks (an interactive message with one
 * call-to-action URL button, which opens the resume URL), and how a request to that URL is answered.
 */
import type { JsonRecord } from '../../shared/whatsapp/json';
import { buildInteractiveMessage } from '../../shared/whatsapp/messages/interactive';
import { checkLength, LIMITS, requireLength } from '../../shared/whatsapp/validation';

export type ResponseType = 'approval' | 'freeText';
export type ApprovalType = 'single' | 'double';

export interface ResponseRequestInput {
	message: string;
	footer?: string;
	responseType: ResponseType;
	approvalType?: ApprovalType;
	approveLabel?: string;
	disapproveLabel?: string;
	/** The label of the button that opens the choice or reply page (two choices, free text). */
	buttonLabel?: string;
	/** n8n's signed resume URL of the waiting execution. */
	url: string;
}

export const DEFAULT_LABELS = {
	approve: 'Approve',
	disapprove: 'Decline',
	choose: 'Respond',
	reply: 'Reply',
} as const;

/**
 * The button WhatsApp shows: with one choice, the choice itself (a tap approves); with two choices or a free
 * reply, a button that opens the page where the person decides or types.
 */
export function requestButtonLabel(input: ResponseRequestInput): string {
	if (input.responseType === 'approval' && input.approvalType !== 'double')
		return input.approveLabel?.trim() || DEFAULT_LABELS.approve;
	const fallback = input.responseType === 'freeText' ? DEFAULT_LABELS.reply : DEFAULT_LABELS.choose;
	return input.buttonLabel?.trim() || fallback;
}

/** The `interactive` object of the message that asks. */
export function buildResponseRequest(input: ResponseRequestInput): JsonRecord {
	const label = requestButtonLabel(input);
	const field =
		input.responseType === 'approval' && input.approvalType !== 'double'
			? 'approveLabel'
			: 'buttonLabel';
	return buildInteractiveMessage({
		type: 'cta_url',
		body: requireLength(input.message, LIMITS.interactiveBody, 'message', 'Message'),
		footer: input.footer,
		displayText: checkLength(label, LIMITS.ctaDisplayText, field, 'Button label'),
		url: input.url,
	});
}

/** Link-preview fetchers and scanners open links too; none of them must count as the person's tap. */
export function isAutomatedVisitor(userAgent: string | undefined): boolean {
	if (!userAgent || userAgent.trim() === '') return true;
	if (/bot|crawler|spider|preview|facebookexternalhit|slack|teams|skype|discord/i.test(userAgent))
		return true;
	// WhatsApp's own preview fetcher ("WhatsApp/2.x"), unlike its in-app browser, is not a Mozilla agent.
	return /whatsapp/i.test(userAgent) && !/^Mozilla\//.test(userAgent);
}

export type ResumeAnswer =
	| { kind: 'ignore' }
	| { kind: 'page'; page: 'choice' | 'reply'; error?: string }
	| { kind: 'resume'; data: JsonRecord };

/** What a request to the resume URL does, from its method, form body and the node's settings. */
export function answerResumeRequest(input: {
	method: string;
	userAgent: string | undefined;
	body: unknown;
	responseType: ResponseType;
	approvalType: ApprovalType;
	now: Date;
}): ResumeAnswer {
	const form = (input.body && typeof input.body === 'object' ? input.body : {}) as JsonRecord;
	const respondedAt = input.now.toISOString();
	if (input.method !== 'POST' && isAutomatedVisitor(input.userAgent)) return { kind: 'ignore' };
	if (input.responseType === 'freeText') {
		if (input.method !== 'POST') return { kind: 'page', page: 'reply' };
		const text = typeof form.response === 'string' ? form.response.trim() : '';
		if (text === '') return { kind: 'page', page: 'reply', error: 'Please type an answer first.' };
		return { kind: 'resume', data: { text, respondedAt } };
	}
	if (input.approvalType === 'double') {
		if (input.method !== 'POST' || (form.approved !== 'true' && form.approved !== 'false'))
			return { kind: 'page', page: 'choice' };
		return { kind: 'resume', data: { approved: form.approved === 'true', respondedAt } };
	}
	return { kind: 'resume', data: { approved: true, respondedAt } };
}
