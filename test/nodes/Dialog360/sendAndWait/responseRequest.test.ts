import {
	choicePage,
	recordedPage,
	replyPage,
} from '../../../../nodes/Dialog360/sendAndWait/responsePages';
import {
	answerResumeRequest,
	buildResponseRequest,
	isAutomatedVisitor,
} from '../../../../nodes/Dialog360/sendAndWait/responseRequest';

const URL = 'https://n8n.example.com/webhook-waiting/42/node-1?signature=abc';
const PHONE =
	'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36';
const now = new Date('2026-05-04T10:00:00.000Z');

describe('the message that asks', () => {
	test('one choice: a call-to-action button that is the choice itself', () => {
		expect(
			buildResponseRequest({
				message: 'Refund 40 € for order 1042?',
				responseType: 'approval',
				approvalType: 'single',
				approveLabel: '✓ Approve',
				url: URL,
			}),
		).toEqual({
			type: 'cta_url',
			body: { text: 'Refund 40 € for order 1042?' },
			action: { name: 'cta_url', parameters: { display_text: '✓ Approve', url: URL } },
		});
	});

	test('two choices and free text: a button that opens the page, with its own label', () => {
		const double = buildResponseRequest({
			message: 'm',
			responseType: 'approval',
			approvalType: 'double',
			buttonLabel: ' ',
			footer: 'Expires in 1 hour',
			url: URL,
		});
		expect(double.action).toEqual({
			name: 'cta_url',
			parameters: { display_text: 'Respond', url: URL },
		});
		expect(double.footer).toEqual({ text: 'Expires in 1 hour' });
		const free = buildResponseRequest({ message: 'm', responseType: 'freeText', url: URL });
		expect((free.action as { parameters: object }).parameters).toEqual({
			display_text: 'Reply',
			url: URL,
		});
	});

	test('a label over 20 characters is refused before anything is sent', () => {
		expect(() =>
			buildResponseRequest({
				message: 'm',
				responseType: 'approval',
				approveLabel: 'Approve this refund now',
				url: URL,
			}),
		).toThrow('Button label is 23 characters long; WhatsApp allows at most 20');
	});
});

describe('a request to the resume URL', () => {
	const ask = (overrides: Partial<Parameters<typeof answerResumeRequest>[0]>) =>
		answerResumeRequest({
			method: 'GET',
			userAgent: PHONE,
			body: {},
			responseType: 'approval',
			approvalType: 'single',
			now,
			...overrides,
		});

	test('one choice: opening the link approves', () => {
		expect(ask({})).toEqual({
			kind: 'resume',
			data: { approved: true, respondedAt: '2026-05-04T10:00:00.000Z' },
		});
	});

	test('link previews and scanners are ignored and do not count as a tap', () => {
		for (const agent of [
			undefined,
			'',
			'WhatsApp/2.23.20.0 A',
			'facebookexternalhit/1.1',
			'Slackbot-LinkExpanding 1.0',
		])
			expect(ask({ userAgent: agent })).toEqual({ kind: 'ignore' });
		expect(isAutomatedVisitor(`${PHONE} WhatsApp/2.24`)).toBe(false);
	});

	test('two choices: opening shows the page; posting the answer resumes', () => {
		expect(ask({ approvalType: 'double' })).toEqual({ kind: 'page', page: 'choice' });
		expect(ask({ approvalType: 'double', method: 'POST', body: { approved: 'false' } })).toEqual({
			kind: 'resume',
			data: { approved: false, respondedAt: '2026-05-04T10:00:00.000Z' },
		});
		expect(ask({ approvalType: 'double', method: 'POST', body: { approved: 'maybe' } })).toEqual({
			kind: 'page',
			page: 'choice',
		});
	});

	test('free text: opening shows the form; an empty answer shows it again; a typed one resumes', () => {
		expect(ask({ responseType: 'freeText' })).toEqual({ kind: 'page', page: 'reply' });
		expect(ask({ responseType: 'freeText', method: 'POST', body: { response: '  ' } })).toEqual({
			kind: 'page',
			page: 'reply',
			error: 'Please type an answer first.',
		});
		expect(
			ask({ responseType: 'freeText', method: 'POST', body: { response: ' Tuesday works ' } }),
		).toEqual({
			kind: 'resume',
			data: { text: 'Tuesday works', respondedAt: '2026-05-04T10:00:00.000Z' },
		});
	});
});

describe('the pages', () => {
	test('the choice page posts each answer and escapes what the workflow wrote', () => {
		const html = choicePage({
			message: 'Pay <b>40 €</b> to *Jane*?',
			approveLabel: 'Yes',
			disapproveLabel: 'No "thanks"',
		});
		expect(html).toContain('Pay &lt;b&gt;40 €&lt;/b&gt; to <strong>Jane</strong>?');
		expect(html).toContain('name="approved" value="true">Yes</button>');
		expect(html).toContain('name="approved" value="false">No &quot;thanks&quot;</button>');
		expect(html).toContain('<form method="post">');
		expect(html).not.toContain('<script');
	});

	test('the reply page has the answer field and shows an error', () => {
		const html = replyPage({ message: 'When?', buttonLabel: 'Send', error: 'Please type' });
		expect(html).toContain('<textarea name="response" required');
		expect(html).toContain('<p class="error">Please type</p>');
		expect(recordedPage('Approved ✓')).toContain('<p class="done">Approved ✓</p>');
	});
});
