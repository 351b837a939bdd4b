/**
 * 360dialog's cloud only delivers to webhook URLs that are https, have no port and no underscore in the host.
 * The trigger checks the URL n8n gives it before registering, so that a user learns why at activation,
 * not days later from missing messages.
 */

export interface WebhookUrlProblem {
	problem: string;
	fix: string;
}

const FIX =
	"Expose n8n on a public https address without a port (for example behind a reverse proxy or a tunnel) and set n8n's WEBHOOK_URL environment variable to it.";

/** Whether a base URL is 360dialog's own cloud or sandbox (where the URL rules apply), not an emulator. */
export function isCloudBaseUrl(baseUrl: string): boolean {
	try {
		const host = new URL(baseUrl).hostname.toLowerCase();
		return host === '360dialog.io' || host.endsWith('.360dialog.io');
	} catch {
		return false;
	}
}

/** The first rule the URL breaks, or undefined when 360dialog will accept it. */
export function checkWebhookUrl(url: string): WebhookUrlProblem | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return { problem: `"${url}" is not a URL`, fix: FIX };
	}
	if (parsed.protocol !== 'https:') {
		return {
			problem: `360dialog only delivers to https URLs, and n8n's webhook URL is "${url}"`,
			fix: FIX,
		};
	}
	if (parsed.port !== '') {
		return {
			problem: `360dialog does not deliver to URLs with a port (":${parsed.port}" in "${url}")`,
			fix: FIX,
		};
	}
	if (parsed.hostname.includes('_')) {
		return {
			problem: `360dialog does not deliver to host names with an underscore ("${parsed.hostname}")`,
			fix: 'Use a host name without "_" for n8n, and set n8n\'s WEBHOOK_URL environment variable to it.',
		};
	}
	if (/^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(parsed.hostname)) {
		return {
			problem: `"${parsed.hostname}" is not reachable from the internet, so 360dialog cannot deliver to it`,
			fix: FIX,
		};
	}
	return undefined;
}
