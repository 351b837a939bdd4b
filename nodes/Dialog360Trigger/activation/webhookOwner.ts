/**
 * Whose URL a webhook registered at 360dialog is, seen from this trigger's own URL. n8n builds every
 * webhook URL as `<webhook base>/<endpoint>/<webhook id>/<path>`, the endpoints being `webhook` for
 * production and `webhook-test` for "Test this trigger": a URL with this trigger's base and path is a
 * 360dialog Trigger of this n8n, and with its webhook id too, this very trigger.
 */

export type WebhookOwner = 'thisTrigger' | 'thisN8n' | 'elsewhere';

interface N8nWebhookUrl {
	base: string;
	endpoint: string;
	webhookId: string;
	path: string;
}

function splitN8nUrl(url: string): N8nWebhookUrl | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return undefined;
	}
	const segments = parsed.pathname.split('/').filter((segment) => segment !== '');
	if (segments.length < 3) return undefined;
	const [endpoint, webhookId, path] = segments.slice(-3);
	return { base: `${parsed.origin}/${segments.slice(0, -3).join('/')}`, endpoint, webhookId, path };
}

export function webhookOwner(registered: string, ours: string): WebhookOwner {
	const theirs = splitN8nUrl(registered);
	const own = splitN8nUrl(ours);
	if (!theirs || !own || theirs.base !== own.base || theirs.path !== own.path) return 'elsewhere';
	return theirs.webhookId === own.webhookId ? 'thisTrigger' : 'thisN8n';
}

/** Whether the URL is one of n8n's test URLs (its endpoint `webhook-test`, or another ending so). */
export function isTestUrl(url: string): boolean {
	return splitN8nUrl(url)?.endpoint.endsWith('-test') === true;
}

/** The URL with the words that say whose it is, for messages that name it. */
export function describeWebhookUrl(registered: string, ours: string): string {
	const owner = webhookOwner(registered, ours);
	if (owner === 'elsewhere') return registered;
	if (owner === 'thisN8n')
		return isTestUrl(registered)
			? `${registered} (another workflow's test on this n8n)`
			: `${registered} (another workflow of this n8n)`;
	return isTestUrl(registered)
		? `${registered} (this workflow's test URL)`
		: `${registered} (this workflow's production URL)`;
}
