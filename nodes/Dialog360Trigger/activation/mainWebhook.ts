/**
 * This workflow as the number's main webhook (`/v1/configs/webhook`): a foreign webhook is refused unless
 * the user asks to replace it, the replaced one is kept (its headers sealed) and put back on deactivation,
 * and nothing is touched once someone else has taken the number over since.
 */
import type { IHookFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readCredential } from '../../shared/credentialRead';
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
import { webhookOwner } from './webhookOwner';

/**
 * The number's main webhook is someone else's. The first line says whose it is and what to do: n8n
 * shows only that line in its publish and test popups.
 */
function numberTaken(node: INode, registered: string, url: string): NodeOperationError {
	const hasRoles = node.typeVersion >= 2;
	const owner = webhookOwner(registered, url);
	if (owner === 'thisTrigger') {
		return new NodeOperationError(
			node,
			`This workflow's test URL holds this WhatsApp number's main webhook while "Test this trigger" listens (${registered}): stop the test, then publish again`,
			{ description: 'The test puts the number back as it was when it ends.' },
		);
	}
	if (owner === 'thisN8n') {
		const fix = hasRoles
			? 'set "Webhook Role" to "Extra Destination" to publish this workflow beside it'
			: 'unpublish that workflow first, or turn on "Replace Existing Webhook"';
		return new NodeOperationError(
			node,
			`Another workflow of this n8n holds this WhatsApp number's main webhook (${registered}): ${fix}`,
			{
				description: `360dialog keeps one main webhook per number, and that URL is another 360dialog Trigger's production URL on this n8n.${hasRoles ? ' As an extra destination this workflow receives every delivery the main webhook answers (360dialog allows 3 webhooks per number, the main one included). Or unpublish the workflow that holds it.' : ''}`,
			},
		);
	}
	const fix = hasRoles
		? 'turn on "Replace Existing Webhook" to take it over, or set "Webhook Role" to "Extra Destination" to receive beside it'
		: 'turn on "Replace Existing Webhook" to take it over';
	return new NodeOperationError(
		node,
		`This WhatsApp number already sends its webhooks to ${registered}, which is not a workflow of this n8n: ${fix}`,
		{
			description:
				'360dialog keeps one main webhook URL per number. With "Replace Existing Webhook" on, the current URL is kept and put back when this workflow is unpublished or its test ends.',
		},
	);
}

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
				"Its headers were sealed with the credential's API key when this workflow was published, and the credential now holds another key. Put the previous API key back in the credential and unpublish again, or register that URL and its headers with 360dialog yourself.",
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
			throw numberTaken(this.getNode(), current.url, url);
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
