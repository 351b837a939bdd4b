/**
 * This workflow as one of the number's extra webhook destinations (`/multi_webhook`). 360dialog sends an
 * extra destination only what the main webhook answered with 200, so the main webhook must exist; the
 * number has at most 3 webhooks in all. Only this workflow's own entry (its URL) is ever added or removed.
 */
import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { VERIFICATION_HEADER, type SecretRecord } from '../webhookSecret';
import { carriesOurSecret, newSecret } from './secret';
import {
	MAX_WEBHOOKS_PER_NUMBER,
	readExtraDestinations,
	readMainWebhook,
	sameUrl,
	writeExtraDestinations,
} from './webhookConfig';
import { describeWebhookUrl } from './webhookOwner';

/** A name 360dialog shows for the entry: n8n, the workflow and whether it is a test, never the secret. */
function destinationName(this: IHookFunctions): string {
	const workflow = this.getWorkflow();
	const test = this.getMode() === 'manual' ? ' (test)' : '';
	return `n8n ${workflow.name ?? workflow.id ?? ''}`.trim().slice(0, 60 - test.length) + test;
}

export async function extraDestinationExists(
	this: IHookFunctions,
	url: string,
	data: SecretRecord,
): Promise<boolean> {
	const config = await readExtraDestinations.call(this);
	const entry = config.destinations.find((destination) => sameUrl(destination.url, url));
	return config.enabled && entry !== undefined && carriesOurSecret(entry.headers, data);
}

export interface AddedDestination {
	secret: string;
	/** Extra destinations that were switched off are on while this entry is registered. */
	switchedOn: boolean;
}

/** Adds this workflow's entry and answers its new secret. */
export async function addExtraDestination(
	this: IHookFunctions,
	url: string,
): Promise<AddedDestination> {
	const main = await readMainWebhook.call(this);
	if (!main.url) {
		throw new NodeOperationError(this.getNode(), 'This WhatsApp number has no main webhook', {
			description:
				'360dialog sends extra destinations only what the main webhook answered with 200, so an extra destination alone would receive nothing. Publish a workflow whose trigger has "Webhook Role" set to "Main Webhook of the Number" (or set the webhook in the 360dialog Hub), then publish this one.',
		});
	}
	if (sameUrl(main.url, url)) {
		throw new NodeOperationError(
			this.getNode(),
			"This workflow's URL is already the number's main webhook",
			{
				description: 'Set "Webhook Role" to "Main Webhook of the Number", or unpublish it first.',
			},
		);
	}
	const config = await readExtraDestinations.call(this);
	// An entry with this workflow's URL is a registration that was never removed (n8n stopped meanwhile).
	const others = config.destinations.filter((destination) => !sameUrl(destination.url, url));
	if (1 + others.length >= MAX_WEBHOOKS_PER_NUMBER) {
		const inUse = [main.url, ...others.map((destination) => destination.url)]
			.map((registered) => describeWebhookUrl(registered, url))
			.join(', ');
		throw new NodeOperationError(
			this.getNode(),
			`All ${MAX_WEBHOOKS_PER_NUMBER} webhooks of this WhatsApp number are in use (${inUse}): unpublish a workflow that uses one, or remove one in the 360dialog Hub, then try again`,
			{
				description: `360dialog allows ${MAX_WEBHOOKS_PER_NUMBER} webhooks per number: the main one (${main.url}) and extra destinations (${others.map((d) => d.url).join(', ')}). "Test this trigger" on a published workflow needs one of them free while the test listens.`,
			},
		);
	}
	const secret = newSecret();
	await writeExtraDestinations.call(this, {
		enabled: true,
		destinations: [
			...others,
			{ name: destinationName.call(this), url, headers: { [VERIFICATION_HEADER]: secret } },
		],
	});
	return { secret, switchedOn: !config.enabled && others.length > 0 };
}

/** Removes this workflow's entry; destinations it switched on are switched off again. */
export async function removeExtraDestination(
	this: IHookFunctions,
	url: string,
	switchedOn: boolean,
): Promise<void> {
	const config = await readExtraDestinations.call(this);
	const remaining = config.destinations.filter((destination) => !sameUrl(destination.url, url));
	if (remaining.length === config.destinations.length) return;
	await writeExtraDestinations.call(this, {
		enabled: remaining.length > 0 && config.enabled && !switchedOn,
		destinations: remaining,
	});
}
