/**
 * Activating webhook workflows in a running n8n and waiting until they really take deliveries: the 360dialog
 * Trigger registers its URL and secret with the emulator, n8n's Webhook node answers 404 until it is live.
 */
import type { Emulator } from '../../../emulator';
import { envelope, contact, inboundText } from '../../helpers/envelopes';
import { eventually } from '../../../dev/wait';

interface Activator {
	activate(id: string): Promise<unknown>;
}

/** Activates a trigger workflow; answers its webhook URL and the secret header, once n8n accepts that secret. */
export async function activateTrigger(
	rest: Activator,
	emulator: Emulator,
	workflowId: string,
	webhookId: string,
) {
	await rest.activate(workflowId);
	const registered = await emulator.waitFor(
		() => {
			const current = emulator.webhooks().find((hook) => hook.url?.includes(webhookId));
			return current?.headers['X-N8n-Webhook-Secret'] ? current : undefined;
		},
		{ timeoutMs: 60_000, description: `${workflowId} registering its webhook` },
	);
	const url = registered.url!;
	const headers = { 'x-n8n-webhook-secret': registered.headers['X-N8n-Webhook-Secret'] };
	// n8n stores the secret after registration: until then a signed post still gets 401. An empty signed post is
	// answered 200 without starting an execution once it has.
	await eventually(
		async () =>
			(
				await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json', ...headers },
					body: '{}',
				})
			).status === 200
				? true
				: undefined,
		{ timeoutMs: 60_000, description: `${workflowId} accepting its secret` },
	);
	return { url, headers };
}

/** Activates a workflow with n8n's Webhook node and waits until its production URL stops answering 404. */
export async function activateCoreWebhook(
	rest: Activator,
	webhookBase: string,
	workflowId: string,
	path: string,
) {
	await rest.activate(workflowId);
	const url = `${webhookBase}/webhook/${path}`;
	await eventually(
		async () => {
			const answer = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}',
			});
			return answer.status === 404 ? undefined : true;
		},
		{ timeoutMs: 60_000, description: `the Webhook node at ${path} going live` },
	);
	return url;
}

/** A one-text inbound webhook post, its message id unique to `tag`. */
export function oneTextBody(tag: string): string {
	const from = '4915112345678';
	return JSON.stringify(
		envelope({
			contacts: [contact('Jane', from)],
			messages: [inboundText(`wamid.${tag}`, from, `bench ${tag}`)],
		}),
	);
}
