/** What a trigger node's parameters ask for, read once per delivery, with each version's defaults. */
import type { IWebhookFunctions } from 'n8n-workflow';

import type { ItemVersion } from '../../shared/whatsapp/webhook';

import { DEFAULT_MAX_MEDIA_MB } from './mediaDownload';

export interface ReceiveSettings {
	version: number;
	verifySecret: boolean;
	includeRaw: boolean;
	messageTypes: string[];
	statuses: string[];
	/** Version 1: an empty status selection means none; version 2: every status. */
	emptyStatusesMeanAll: boolean;
	/** Version 2 with "Account and Template Events", and version 2.2 always: a third output. */
	events: boolean;
	/** Version 2.2: items that say what happened (itemType, calls, echoes, groups, ...); before: item shape 1. */
	itemVersion: ItemVersion;
	/** Version 2: AI agent fields on message items. */
	agentFields: boolean;
	/** Version 2: outputs with nothing connected get nothing, in production. */
	skipUnconnected: boolean;
	/** Bytes; 0 when "Download Media" is off. */
	downloadMaxBytes: number;
	/**
	 * Keep the keys of emitted messages, errors and events in the workflow's static data too (versions 1 and
	 * 2 always, and 2.1 with "Remember Deliveries Across Restarts").
	 */
	rememberAcrossRestarts: boolean;
}

interface Options {
	verifySecret?: boolean;
	includeRaw?: boolean;
	downloadMedia?: boolean;
	maxMediaSizeMb?: number;
	rememberAcrossRestarts?: boolean;
}

function asList(value: unknown): string[] {
	return Array.isArray(value)
		? value.filter((entry): entry is string => typeof entry === 'string')
		: [];
}

export function readSettings(this: IWebhookFunctions): ReceiveSettings {
	const version = this.getNode().typeVersion;
	const options = this.getNodeParameter('options', {}) as Options;
	const v2 = version >= 2;
	const maxMb = Number(options.maxMediaSizeMb ?? DEFAULT_MAX_MEDIA_MB);
	return {
		version,
		verifySecret: options.verifySecret !== false,
		includeRaw: options.includeRaw === true,
		messageTypes: asList(this.getNodeParameter('messageTypes', [])),
		statuses: asList(this.getNodeParameter('statuses', [])),
		emptyStatusesMeanAll: v2,
		events: version >= 2.2 || (v2 && this.getNodeParameter('accountEvents', false) === true),
		itemVersion: version >= 2.2 ? 2 : 1,
		agentFields: v2,
		skipUnconnected: v2 && this.getMode() === 'webhook',
		downloadMaxBytes:
			v2 && options.downloadMedia === true
				? Math.round(
						(Number.isFinite(maxMb) && maxMb > 0 ? maxMb : DEFAULT_MAX_MEDIA_MB) * 1024 * 1024,
					)
				: 0,
		rememberAcrossRestarts:
			version < 2 || (options.rememberAcrossRestarts ?? version < 2.1) === true,
	};
}

/** Whether a status (or, for `failed`, a change-level error) passes the Statuses filter. */
export function wantsStatus(settings: ReceiveSettings, status: string): boolean {
	if (settings.statuses.length === 0) return settings.emptyStatusesMeanAll;
	return settings.statuses.includes(status);
}

export function wantsMessage(settings: ReceiveSettings, type: string): boolean {
	return settings.messageTypes.length === 0 || settings.messageTypes.includes(type);
}
