/**
 * n8n's webhook methods for the trigger: registering its URL with 360dialog without ever hijacking a
 * number, as the main webhook (mainWebhook.ts) or as an extra destination (extraDestination.ts), and
 * unregistering only what this workflow registered. "Test this trigger" calls the same methods for the
 * test URL (n8n's mode `manual`), with static data of its own that lives as long as the test.
 */
import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readCredential } from '../../shared/credentialRead';
import { checkWebhookUrl, isCloudBaseUrl } from '../../shared/whatsapp/webhookUrl';
import { hashSecret, migrateSecret } from '../webhookSecret';
import {
	addExtraDestination,
	extraDestinationExists,
	removeExtraDestination,
} from './extraDestination';
import {
	mainWebhookExists,
	releaseMainWebhook,
	sealLegacyHeaders,
	takeMainWebhook,
} from './mainWebhook';
import { roleOf, staticData, type WebhookRole } from './registration';
import { readMainWebhook, sameUrl } from './webhookConfig';
import { webhookOwner } from './webhookOwner';

async function refuseUndeliverableUrl(this: IHookFunctions, url: string): Promise<void> {
	const { baseUrl } = await readCredential(this);
	if (!isCloudBaseUrl(baseUrl)) return;
	const problem = checkWebhookUrl(url);
	if (!problem) return;
	throw new NodeOperationError(
		this.getNode(),
		`360dialog cannot deliver to this workflow: ${problem.problem}`,
		{ description: problem.fix },
	);
}

/**
 * Where this registration goes. A test on a number whose main webhook is a 360dialog Trigger of this n8n
 * (the same workflow published, or another) listens beside it as an extra destination: the published
 * workflow keeps receiving, and only the test's entry is removed when the test ends.
 */
async function registrationRole(this: IHookFunctions, url: string): Promise<WebhookRole> {
	const role = roleOf.call(this);
	if (role === 'extra' || this.getMode() !== 'manual') return role;
	const main = await readMainWebhook.call(this);
	if (!main.url || sameUrl(main.url, url)) return 'main';
	return webhookOwner(main.url, url) === 'elsewhere' ? 'main' : 'extra';
}

export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const data = staticData.call(this);
	migrateSecret(data);
	await sealLegacyHeaders.call(this, data);
	if (!data.webhookSecretSha256) return false;
	const url = this.getNodeWebhookUrl('default') as string;
	if (roleOf.call(this) === 'extra') return await extraDestinationExists.call(this, url, data);
	return await mainWebhookExists.call(this, url, data);
}

export async function create(this: IHookFunctions): Promise<boolean> {
	const url = this.getNodeWebhookUrl('default') as string;
	await refuseUndeliverableUrl.call(this, url);
	const data = staticData.call(this);
	const role = await registrationRole.call(this, url);
	let secret: string;
	if (role === 'extra') {
		const added = await addExtraDestination.call(this, url);
		secret = added.secret;
		if (added.switchedOn) data.switchedOnExtraDestinations = true;
	} else {
		secret = await takeMainWebhook.call(this, url, data);
	}
	delete data.webhookSecret;
	data.webhookSecretSha256 = hashSecret(secret);
	data.registeredUrl = url;
	data.registeredRole = role;
	return true;
}

export async function remove(this: IHookFunctions): Promise<boolean> {
	const data = staticData.call(this);
	const url = data.registeredUrl ?? (this.getNodeWebhookUrl('default') as string);
	if (data.registeredRole === 'extra') {
		await removeExtraDestination.call(this, url, data.switchedOnExtraDestinations === true);
	} else {
		await releaseMainWebhook.call(this, url, data);
	}
	delete data.webhookSecret;
	delete data.webhookSecretSha256;
	delete data.registeredUrl;
	delete data.registeredRole;
	delete data.switchedOnExtraDestinations;
	delete data.previousWebhook;
	return true;
}
