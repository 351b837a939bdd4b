/**
 * The small pages the recipient's browser shows after tapping the button of a Send and Wait message: the
 * choice between approving and declining, the reply form, and the confirmation. Plain HTML, no script, every
 * value escaped; forms post back to the very URL they were opened at (its signature included).
 */

export function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

/** WhatsApp's own bold (*x*), italic (_x_) and line breaks, so the page reads like the message did. */
function messageHtml(message: string): string {
	return escapeHtml(message)
		.replace(/\*([^*\n]+)\*/g, '<strong>$1</strong>')
		.replace(/(^|\s)_([^_\n]+)_/g, '$1<em>$2</em>')
		.replace(/\n/g, '<br>');
}

const STYLE = `
body{margin:0;font-family:-apple-system,system-ui,"Segoe UI",Roboto,sans-serif;background:#efeae2;color:#111b21}
main{max-width:28rem;margin:2.5rem auto;padding:1.5rem;background:#fff;border-radius:.75rem;box-shadow:0 1px 2px rgba(0,0,0,.15)}
p{line-height:1.45}
button{display:block;width:100%;margin-top:.75rem;padding:.85rem;font-size:1rem;border-radius:1.5rem;border:1px solid #008069;background:#fff;color:#008069;cursor:pointer}
button.primary{background:#008069;color:#fff}
textarea{box-sizing:border-box;width:100%;min-height:7rem;padding:.6rem;font:inherit;border:1px solid #d1d7db;border-radius:.5rem}
.error{color:#b42318}
.done{font-size:1.25rem;text-align:center}`;

function page(title: string, content: string): string {
	return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${content}</main></body></html>`;
}

/** Approve or decline: two buttons, each posting its answer. */
export function choicePage(input: {
	message: string;
	approveLabel: string;
	disapproveLabel: string;
}): string {
	return page(
		input.approveLabel,
		`<p>${messageHtml(input.message)}</p>
<form method="post"><button class="primary" type="submit" name="approved" value="true">${escapeHtml(input.approveLabel)}</button>
<button type="submit" name="approved" value="false">${escapeHtml(input.disapproveLabel)}</button></form>`,
	);
}

export const REPLY_FIELD = 'response';

/** A free-text answer; shown again with `error` when it was sent empty. */
export function replyPage(input: { message: string; buttonLabel: string; error?: string }): string {
	const error = input.error ? `<p class="error">${escapeHtml(input.error)}</p>` : '';
	return page(
		input.buttonLabel,
		`<p>${messageHtml(input.message)}</p>${error}
<form method="post"><textarea name="${REPLY_FIELD}" required autofocus aria-label="Your answer"></textarea>
<button class="primary" type="submit">${escapeHtml(input.buttonLabel)}</button></form>`,
	);
}

/** What the person sees once the answer is in. */
export function recordedPage(text: string): string {
	return page(text, `<p class="done">${escapeHtml(text)}</p><p>You can close this page.</p>`);
}
