/**
 * "Download Media": the file of an inbound image, audio or voice note, video, document or sticker as n8n
 * binary data, checked against its SHA-256. A failed download never fails the delivery: the message goes on
 * with `mediaError`. Requests answered 4xx are never repeated (360dialog blocks numbers whose media requests
 * keep failing); a server error or a dropped connection is tried once more.
 */
import type { IBinaryData, IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { readCredential } from '../../shared/credentialRead';
import { dialog360Request } from '../../shared/transport';
import type { RetryPolicy } from '../../shared/transport';
import { sha256Matches, toDownloadUrl } from '../../shared/whatsapp/mediaUrl';
import { extensionForMimeType, normalizeMimeType } from '../../shared/whatsapp/messages/media';
import type { InboundMessageItem } from '../../shared/whatsapp/webhook';
import { MediaFailureGuard } from './mediaGuard';

export const DEFAULT_MAX_MEDIA_MB = 16;
export const MEDIA_BINARY_FIELD = 'data';

const DOWNLOADABLE = new Set(['image', 'audio', 'video', 'document', 'sticker']);
const MEDIA_RETRY: RetryPolicy = { retries: 1, baseDelayMs: 300, maxDelayMs: 2000 };

const guard = new MediaFailureGuard();

/** A download that could not be done, with what the user can do about it. */
class MediaProblem extends Error {
	constructor(
		message: string,
		readonly hint: string,
		readonly countsAsFailure = false,
	) {
		super(message);
	}
}

interface MediaInfo {
	url?: string;
	mime_type?: string;
	sha256?: string;
	file_size?: number | string;
}

export function hasDownloadableMedia(item: INodeExecutionData): boolean {
	const message = item.json as unknown as InboundMessageItem;
	return DOWNLOADABLE.has(message.type) && typeof message.media?.id === 'string';
}

function asBuffer(body: unknown): Buffer | undefined {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	return undefined;
}

function fileNameOf(message: InboundMessageItem, mimeType: string): string {
	const given = message.media?.filename?.replace(/[\\/]/g, '_').trim();
	if (given) return given;
	const label = message.type === 'audio' && message.media?.voice ? 'voice' : message.type;
	return `${label}-${message.media?.id ?? message.messageId}.${extensionForMimeType(mimeType)}`;
}

function tooLarge(size: number, maxBytes: number): MediaProblem {
	const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
	return new MediaProblem(
		`The file is ${mb(size)} MB, over the trigger's limit of ${mb(maxBytes)} MB`,
		'Raise "Max Media Size (MB)" in the trigger\'s options, or download it later with the 360dialog node (Media → Download) and the "media.id" field.',
	);
}

async function fetchInfo(this: IWebhookFunctions, mediaId: string): Promise<MediaInfo> {
	const { body } = await dialog360Request.call(this, {
		method: 'GET',
		path: `/${mediaId}`,
		retry: MEDIA_RETRY,
	});
	return (body ?? {}) as MediaInfo;
}

async function download(
	this: IWebhookFunctions,
	message: InboundMessageItem,
	maxBytes: number,
): Promise<IBinaryData> {
	const mediaId = message.media?.id ?? '';
	if (!/^\d{1,32}$/.test(mediaId)) {
		throw new MediaProblem(
			`"${mediaId.slice(0, 40)}" is not a WhatsApp media ID`,
			'Nothing was requested: WhatsApp media IDs are digits only.',
		);
	}
	const info = await fetchInfo.call(this, mediaId);
	const announced = Number(info.file_size);
	if (Number.isFinite(announced) && announced > maxBytes) throw tooLarge(announced, maxBytes);
	if (typeof info.url !== 'string') {
		throw new MediaProblem(
			`360dialog answered no download URL for media ${mediaId}`,
			'Media is kept for 30 days; download it with the 360dialog node (Media → Download) if it is still there.',
			true,
		);
	}
	const { baseUrl } = await readCredential(this);
	const response = await dialog360Request.call(this, {
		method: 'GET',
		path: toDownloadUrl(info.url, baseUrl),
		binary: true,
		retry: MEDIA_RETRY,
	});
	const bytes = asBuffer(response.body);
	if (!bytes) throw new MediaProblem('The download answered no file', 'Try it again later.', true);
	if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
	const expected = info.sha256 ?? message.media?.sha256;
	if (expected && !sha256Matches(bytes, expected)) {
		throw new MediaProblem(
			`The downloaded file of media ${mediaId} does not match its SHA-256 checksum`,
			`WhatsApp gave ${expected}; the ${bytes.length} bytes received hash differently. Download it again with the 360dialog node (Media → Download).`,
			true,
		);
	}
	const mimeType = normalizeMimeType(message.media?.mimeType ?? info.mime_type);
	return await this.helpers.prepareBinaryData(bytes, fileNameOf(message, mimeType), mimeType);
}

function describeFailure(error: unknown): IDataObject {
	if (error instanceof MediaProblem) return { message: error.message, hint: error.hint };
	const record = error as { message?: unknown; description?: unknown; httpCode?: unknown };
	return {
		message: typeof record.message === 'string' ? record.message : String(error),
		...(typeof record.description === 'string' ? { hint: record.description } : {}),
		...(record.httpCode !== undefined ? { httpCode: String(record.httpCode) } : {}),
	};
}

/**
 * Adds each downloadable message's file under `binary.data`, one download at a time (one number's media
 * limits are shared by all its messages). Never throws: a message whose file could not be had carries
 * `mediaError` instead.
 */
export async function attachMedia(
	this: IWebhookFunctions,
	items: INodeExecutionData[],
	maxBytes: number,
): Promise<void> {
	for (const item of items) {
		if (!hasDownloadableMedia(item)) continue;
		const message = item.json as unknown as InboundMessageItem;
		const number = message.businessPhoneNumberId ?? '';
		if (guard.isPaused(number)) {
			item.json.mediaError = {
				message: 'Not downloaded: media requests for this number failed repeatedly within the hour',
				hint: '360dialog blocks a number whose media requests keep failing. Downloads resume on their own within the hour; check the credential and that the number may download media.',
			};
			continue;
		}
		try {
			item.binary = { [MEDIA_BINARY_FIELD]: await download.call(this, message, maxBytes) };
		} catch (error) {
			if (!(error instanceof MediaProblem) || error.countsAsFailure) guard.recordFailure(number);
			item.json.mediaError = describeFailure(error);
		}
	}
}
