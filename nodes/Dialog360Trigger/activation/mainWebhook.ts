/**
 * This workflow as the number's main webhook (`/v1/configs/webhook`): a foreign webhook is refused unless
 * the user asks to replace it, the replaced one is kept (its headers sealed) and put back on deactivation,
 * and nothing is touched once someone else has taken the number over since.
 */
import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readCredential } from '../../shared/transport';
import { VERIFICATION_HEADER, type SecretRecord } from '../webhookSecret';
import type { PreviousWebhook, TriggerStaticData } from './registration';
import { openHeaders, sealHeaders } from './sealedHeaders';
import { carriesOurSecret, newSecret } from './secret';
import {
	headerValue,
	readMainWebhook,
	sameUrl,
	writeMainWebhook,
	type WebhookConfig,
} from './webhookConfig';

function isOurs(config: WebhookConfig, url: string, data: SecretRecord): boolean {
	return sameUrl(config.url, url) && carriesOurSecret(config.headers, data);
}

/** Seals the plain headers an earlier release kept of a replaced webhook. */
export async function sealLegacyHeaders(
	this: IHookFunctions,
	data: TriggerStaticData,
): Promise<void> {
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

export async function mainWebhookExists(
	this: IHookFunctions,
	url: string,
	data: SecretRecord,
): Promise<boolean> {
	const config = await readMainWebhook.call(this);
	return (
		sameUrl(config.url, url) &&
		headerValue(config.headers, VERIFICATION_HEADER) !== undefined &&
		carriesOurSecret(config.headers, data)
	);
}

/** Registers this workflow's URL as the main webhook and answers its new secret. */
export async function takeMainWebhook(
	this: IHookFunctions,
	url: string,
	data: TriggerStaticData,
): Promise<string> {
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

/** Puts back the webhook this workflow replaced (or none), unless someone else took the number since. */
export async function releaseMainWebhook(
	this: IHookFunctions,
	url: string,
	data: TriggerStaticData,
): Promise<void> {
	const current = await readMainWebhook.call(this);
	if (!isOurs(current, url, data)) return;
	const previous = data.previousWebhook;
	await writeMainWebhook.call(
		this,
		previous?.url ? await previousConfig.call(this, previous) : { url: '' },
	);
}
