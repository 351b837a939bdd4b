/**
 * Registering the trigger's URL with 360dialog without ever hijacking a number. As the main webhook: a
 * foreign webhook is refused unless the user asks to replace it, the replaced one is kept and put back on
 * deactivation, and nothing is touched once someone else has taken the number over since. As an extra
 * destination: only this workflow's own entry is added and removed.
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readCredential } from '../shared/credentialRead';
import { checkWebhookUrl, isCloudBaseUrl } from '../shared/whatsapp/webhookUrl';
import {
	addExtraDestination,
	extraDestinationExists,
	removeExtraDestination,
} from './extraDestination';
import { openHeaders, sealHeaders } from './sealedHeaders';
import {
	carriesOurSecret,
	hashSecret,
	migrateSecret,
	newSecret,
	type SecretRecord,
} from './secret';
import {
	headerValue,
	readMainWebhook,
	sameUrl,
	VERIFICATION_HEADER,
	writeMainWebhook,
	type WebhookConfig,
} from './webhookConfig';

export { VERIFICATION_HEADER } from './webhookConfig';

export type WebhookRole = 'main' | 'extra';

export interface TriggerStaticData extends IDataObject, SecretRecord {
	registeredUrl?: string;
	/** Where this workflow registered itself; absent for registrations of earlier releases (main). */
	registeredRole?: WebhookRole;
	/** The webhook that was registered before this workflow replaced it, to put back on deactivation. */
	previousWebhook?: PreviousWebhook | null;
}

interface PreviousWebhook {
	url: string;
	/** Its headers, sealed (sealedHeaders.ts). */
	sealedHeaders?: string;
	/** Its headers in plain text, as earlier releases kept them; sealed at the next activation check. */
	headers?: Record<string, string>;
}

export function staticData(this: IHookFunctions): TriggerStaticData {
	return this.getWorkflowStaticData('node') as TriggerStaticData;
}

function roleOf(this: IHookFunctions): WebhookRole {
	if (this.getNode().typeVersion < 2) return 'main';
	return this.getNodeParameter('webhookRole', 'main') === 'extra' ? 'extra' : 'main';
}

function isOurs(config: WebhookConfig, url: string, data: SecretRecord): boolean {
	return sameUrl(config.url, url) && carriesOurSecret(config.headers, data);
}

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

/** Seals the plain headers an earlier release kept of a replaced webhook. */
async function sealLegacyHeaders(this: IHookFunctions, data: TriggerStaticData): Promise<void> {
	const previous = data.previousWebhook;
	if (!previous?.headers) return;
	const { apiKey } = await readCredential(this);
	const { headers, ...rest } = previous;
	data.previousWebhook = { ...rest, sealedHeaders: sealHeaders(headers, apiKey ?? '') };
}

/** The replaced webhook as it was registered: its URL and, unsealed, its headers. */
async function previousConfig(
	this: IHookFunctions,
	previous: PreviousWebhook,
): Promise<{ url: string; headers?: Record<string, string> }> {
	if (previous.headers) return { url: previous.url, headers: previous.headers };
	if (!previous.sealedHeaders) return { url: previous.url };
	const { apiKey } = await readCredential(this);
	const headers = openHeaders(previous.sealedHeaders, apiKey ?? '');
	if (headers) return { url: previous.url, headers };
	throw new NodeOperationError(
		this.getNode(),
		`The webhook this workflow replaced (${previous.url}) cannot be put back with its headers`,
		{
			description:
				"Its headers were sealed with the credential's API key at activation, and the credential now holds another key. Put the previous API key back in the credential and deactivate again, or register that URL and its headers with 360dialog yourself.",
		},
	);
}

export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const data = staticData.call(this);
	migrateSecret(data);
	await sealLegacyHeaders.call(this, data);
	if (!data.webhookSecretSha256) return false;
	const url = this.getNodeWebhookUrl('default') as string;
	if (roleOf.call(this) === 'extra') return await extraDestinationExists.call(this, url, data);
	const config = await readMainWebhook.call(this);
	return (
		sameUrl(config.url, url) &&
		headerValue(config.headers, VERIFICATION_HEADER) !== undefined &&
		carriesOurSecret(config.headers, data)
	);
}

async function takeMainWebhook(this: IHookFunctions, url: string, data: TriggerStaticData) {
	const options = this.getNodeParameter('options', {}) as { replaceExistingWebhook?: boolean };
	const current = await readMainWebhook.call(this);
	if (current.url && !sameUrl(current.url, url)) {
		if (!options.replaceExistingWebhook) {
			const extra =
				this.getNode().typeVersion >= 2
					? ' Or set "Webhook Role" to "Extra Destination" to receive beside it.'
					: '';
			throw new NodeOperationError(
				this.getNode(),
				`This WhatsApp number already sends its webhooks to ${current.url}`,
				{
					description: `360dialog keeps one main webhook URL per number. To let this workflow take over, open the trigger's options and turn on "Replace Existing Webhook": the current URL is kept and put back when this workflow is deactivated.${extra}`,
				},
			);
		}
		const { apiKey } = await readCredential(this);
		data.previousWebhook = {
			url: current.url,
			...(current.headers ? { sealedHeaders: sealHeaders(current.headers, apiKey ?? '') } : {}),
		};
	}
	const secret = newSecret();
	await writeMainWebhook.call(this, { url, headers: { [VERIFICATION_HEADER]: secret } });
	return secret;
}

export async function create(this: IHookFunctions): Promise<boolean> {
	const url = this.getNodeWebhookUrl('default') as string;
	await refuseUndeliverableUrl.call(this, url);
	const data = staticData.call(this);
	const role = roleOf.call(this);
	const secret =
		role === 'extra'
			? await addExtraDestination.call(this, url)
			: await takeMainWebhook.call(this, url, data);
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
		await removeExtraDestination.call(this, url);
	} else {
		const current = await readMainWebhook.call(this);
		if (isOurs(current, url, data)) {
			const previous = data.previousWebhook;
			await writeMainWebhook.call(
				this,
				previous?.url ? await previousConfig.call(this, previous) : { url: '' },
			);
		}
	}
	delete data.webhookSecret;
	delete data.webhookSecretSha256;
	delete data.registeredUrl;
	delete data.registeredRole;
	delete data.previousWebhook;
	return true;
}
