/**
 * Media messages (image, video, audio, document, sticker) and the file rules WhatsApp applies to each type:
 * which MIME types it accepts and how large a file may be. Pure: the node checks a file here before uploading it.
 */
import { requireMediaId } from '../ids';
import { LIMITS, optionalLength, PayloadError, requireHttpUrl } from '../validation';

export const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

const KB = 1024;
const MB = 1024 * KB;

interface MediaRule {
	/** The word a person uses for it, with its article. */
	noun: string;
	/** Accepted MIME types; none listed means any type. */
	mimeTypes?: string[];
	maxBytes: number;
	caption: boolean;
	filename: boolean;
	/** What to do when the file type is refused. */
	typeFix?: string;
	/** What to do when the file is too large. */
	sizeFix: string;
}

export const MEDIA_RULES: Record<MediaType, MediaRule> = {
	image: {
		noun: 'an image',
		mimeTypes: ['image/jpeg', 'image/png'],
		maxBytes: 5 * MB,
		caption: true,
		filename: false,
		typeFix:
			'Convert it to JPEG or PNG (8-bit, RGB or RGBA), or send it as a document, which accepts any file type.',
		sizeFix: 'Compress or scale it down below 5 MB, or send it as a document (up to 100 MB).',
	},
	video: {
		noun: 'a video',
		mimeTypes: ['video/mp4', 'video/3gpp'],
		maxBytes: 16 * MB,
		caption: true,
		filename: false,
		typeFix: 'Convert it to MP4 or 3GPP (H.264 video, AAC audio), or send it as a document.',
		sizeFix: 'Compress or shorten it below 16 MB, or send it as a document (up to 100 MB).',
	},
	audio: {
		noun: 'an audio file',
		mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
		maxBytes: 16 * MB,
		caption: false,
		filename: false,
		typeFix:
			'Convert it to AAC, AMR, MP3, M4A or OGG with the Opus codec, or send it as a document.',
		sizeFix: 'Compress or shorten it below 16 MB, or send it as a document (up to 100 MB).',
	},
	document: {
		noun: 'a document',
		maxBytes: 100 * MB,
		caption: true,
		filename: true,
		sizeFix: 'Split or compress the file: WhatsApp accepts no media larger than 100 MB.',
	},
	sticker: {
		noun: 'a sticker',
		mimeTypes: ['image/webp'],
		maxBytes: 500 * KB,
		caption: false,
		filename: false,
		typeFix:
			'Convert it to WebP, 512×512 pixels with a transparent background, or send it as an image.',
		sizeFix:
			'Reduce it: static stickers may be at most 100 KB, animated ones 500 KB (WebP, 512×512 pixels).',
	},
};

const STATIC_STICKER_MAX_BYTES = 100 * KB;

/** Names systems use for the types WhatsApp knows by another name. */
const MIME_ALIASES: Record<string, string> = {
	'image/jpg': 'image/jpeg',
	'image/pjpeg': 'image/jpeg',
	'video/3gp': 'video/3gpp',
	'audio/mp3': 'audio/mpeg',
	'audio/m4a': 'audio/mp4',
	'audio/x-m4a': 'audio/mp4',
	'audio/aacp': 'audio/aac',
	'audio/x-aac': 'audio/aac',
	'audio/opus': 'audio/ogg',
};

const EXTENSIONS: Record<string, string> = {
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/webp': 'webp',
	'video/mp4': 'mp4',
	'video/3gpp': '3gp',
	'audio/aac': 'aac',
	'audio/amr': 'amr',
	'audio/mpeg': 'mp3',
	'audio/mp4': 'm4a',
	'audio/ogg': 'ogg',
	'application/pdf': 'pdf',
	'text/plain': 'txt',
	'application/msword': 'doc',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
	'application/vnd.ms-excel': 'xls',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
	'application/vnd.ms-powerpoint': 'ppt',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
};

/** `Audio/OGG; codecs=opus` → `audio/ogg`: lower case, no parameters, common aliases folded. */
export function normalizeMimeType(mimeType: string | undefined): string {
	const bare = (mimeType ?? '').split(';')[0].trim().toLowerCase();
	return MIME_ALIASES[bare] ?? bare;
}

/** The file extension for a MIME type, for naming downloaded files. */
export function extensionForMimeType(mimeType: string | undefined): string {
	const mime = normalizeMimeType(mimeType);
	const known = EXTENSIONS[mime];
	if (known) return known;
	const subtype = mime.split('/')[1] ?? '';
	return /^[a-z0-9]{1,5}$/.test(subtype) ? subtype : 'bin';
}

export function requireMediaType(value: unknown): MediaType {
	if (typeof value === 'string' && (MEDIA_TYPES as readonly string[]).includes(value))
		return value as MediaType;
	throw new PayloadError(
		`"${String(value)}" is not a media type`,
		'mediaType',
		`Use one of: ${MEDIA_TYPES.join(', ')}.`,
	);
}

/** A WebP whose extended header (VP8X) has the animation flag set. */
export function isAnimatedWebp(bytes: Uint8Array): boolean {
	const ascii = (start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));
	if (
		bytes.length < 21 ||
		ascii(0, 4) !== 'RIFF' ||
		ascii(8, 12) !== 'WEBP' ||
		ascii(12, 16) !== 'VP8X'
	)
		return false;
	return (bytes[20] & 0x02) !== 0;
}

function formatSize(bytes: number): string {
	if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
	if (bytes >= KB) return `${(bytes / KB).toFixed(1)} KB`;
	return `${bytes} bytes`;
}

export interface MediaFile {
	mimeType?: string;
	fileName?: string;
	bytes: Uint8Array;
}

/**
 * Checks that WhatsApp accepts the file as `type`, before it is uploaded; answers the MIME type to upload it with.
 */
export function checkMediaFile(
	type: MediaType,
	file: MediaFile,
	field = 'binaryPropertyName',
): string {
	const rule = MEDIA_RULES[type];
	const mimeType = normalizeMimeType(file.mimeType);
	const name = file.fileName ? `"${file.fileName}"` : 'The file';
	if (rule.mimeTypes && !rule.mimeTypes.includes(mimeType)) {
		throw new PayloadError(
			`${name} is ${mimeType || 'of unknown type'}, which WhatsApp does not accept as ${rule.noun} (accepted: ${rule.mimeTypes.join(', ')})`,
			field,
			rule.typeFix ?? 'Choose another media type.',
		);
	}
	const size = file.bytes.length;
	if (size === 0) {
		throw new PayloadError(
			`${name} is empty`,
			field,
			'Check the node before this one: it passed a file with no content.',
		);
	}
	const maxBytes =
		type === 'sticker' && !isAnimatedWebp(file.bytes) ? STATIC_STICKER_MAX_BYTES : rule.maxBytes;
	if (size > maxBytes) {
		const kind =
			type === 'sticker'
				? maxBytes === STATIC_STICKER_MAX_BYTES
					? 'static stickers'
					: 'animated stickers'
				: `${type}s`;
		throw new PayloadError(
			`${name} is ${formatSize(size)}; WhatsApp accepts ${kind} up to ${formatSize(maxBytes)}`,
			field,
			rule.sizeFix,
		);
	}
	return mimeType;
}

export interface MediaOptions {
	caption?: string;
	filename?: string;
}

/** Caption and file name, where the media type takes them; refused where it does not. */
export function mediaDetails(
	type: MediaType,
	options: MediaOptions,
): { caption?: string; filename?: string } {
	const rule = MEDIA_RULES[type];
	const details: { caption?: string; filename?: string } = {};
	const caption = optionalLength(options.caption, LIMITS.caption, 'caption', 'Caption');
	if (caption !== undefined) {
		if (!rule.caption) {
			throw new PayloadError(
				`WhatsApp shows no caption on ${rule.noun}`,
				'caption',
				'Remove the caption, or send the text as a separate message; captions work on images, videos and documents.',
			);
		}
		details.caption = caption;
	}
	const filename = optionalLength(options.filename, LIMITS.filename, 'filename', 'File Name');
	if (filename !== undefined) {
		if (!rule.filename) {
			throw new PayloadError(
				`WhatsApp shows no file name on ${rule.noun}`,
				'filename',
				'Remove the file name; only documents have one.',
			);
		}
		details.filename = filename;
	}
	return details;
}

export type MediaSource = { id: string } | { link: string };

export interface MediaInput extends MediaOptions {
	type: MediaType;
	source: MediaSource;
	/** Send audio as a voice note (`audio.voice`). */
	voice?: boolean;
}

export interface MediaObject {
	id?: string;
	link?: string;
	caption?: string;
	filename?: string;
	voice?: true;
}

/**
 * Voice notes: WhatsApp plays them in line with a waveform and transcribes them only when the file is OGG
 * with the Opus codec (Meta, "Audio messages" › Voice messages; 360dialog docs messaging/message-types/audio).
 */
const VOICE_NOTE_MIME_TYPE = 'audio/ogg';
const VOICE_NOTE_FIX =
	'Convert the file to OGG with the Opus codec (for example ffmpeg -i in.mp3 -c:a libopus -ac 1 out.ogg), or turn off "Voice Note" to send it as an audio file.';
/** How far into the file the Opus identification header may start: the first Ogg page is small. */
const OPUS_HEAD_WINDOW = 512;

/** An Ogg stream (`OggS` capture pattern) whose first packet is an Opus identification header (`OpusHead`). */
export function isOggOpus(bytes: Uint8Array): boolean {
	const head = Buffer.from(bytes.subarray(0, OPUS_HEAD_WINDOW));
	return (
		head.subarray(0, 4).toString('latin1') === 'OggS' && head.includes('OpusHead', 0, 'latin1')
	);
}

/** Refuses a MIME type other than OGG for a voice note; `source` says where the type was read. */
export function checkVoiceNoteMimeType(
	mimeType: string | undefined,
	field: string,
	source: string,
): void {
	const normalized = normalizeMimeType(mimeType);
	if (normalized === VOICE_NOTE_MIME_TYPE) return;
	throw new PayloadError(
		`${source} is ${normalized || 'of unknown type'}; a voice note must be OGG with the Opus codec (audio/ogg)`,
		field,
		VOICE_NOTE_FIX,
	);
}

/** Checks a file before it is uploaded as a voice note: its MIME type, then its bytes. */
export function checkVoiceNoteFile(file: MediaFile, field = 'binaryPropertyName'): void {
	const name = file.fileName ? `"${file.fileName}"` : 'The file';
	checkVoiceNoteMimeType(file.mimeType, field, name);
	if (!isOggOpus(file.bytes)) {
		throw new PayloadError(
			`${name} is labelled audio/ogg but is not an Ogg stream with Opus audio (no OggS / OpusHead header)`,
			field,
			VOICE_NOTE_FIX,
		);
	}
}

/** A link whose path ends in a file extension other than OGG's cannot be a voice note. */
function checkVoiceNoteLink(link: string): void {
	const path = URL.canParse(link) ? new URL(link).pathname : '';
	const extension = /\.([A-Za-z0-9]{1,5})$/.exec(path)?.[1]?.toLowerCase();
	if (extension === undefined || ['ogg', 'opus', 'oga'].includes(extension)) return;
	throw new PayloadError(
		`The link ends in .${extension}; a voice note must be OGG with the Opus codec`,
		'mediaLink',
		VOICE_NOTE_FIX,
	);
}

function voiceField(type: MediaType, voice: boolean | undefined): { voice?: true } {
	if (!voice) return {};
	if (type !== 'audio') {
		throw new PayloadError(
			`Only audio can be sent as a voice note, not ${MEDIA_RULES[type].noun}`,
			'voiceNote',
			'Choose the media type "Audio", or turn off "Voice Note".',
		);
	}
	return { voice: true };
}

/** The `image` / `video` / `audio` / `document` / `sticker` object of a media message. */
export function buildMediaMessage(input: MediaInput): MediaObject {
	const type = requireMediaType(input.type);
	const source: MediaObject =
		'id' in input.source
			? { id: requireMediaId(input.source.id) }
			: { link: requireHttpUrl(input.source.link, 'mediaLink', 'Link') };
	const voice = voiceField(type, input.voice);
	if (voice.voice && source.link) checkVoiceNoteLink(source.link);
	return { ...source, ...mediaDetails(type, input), ...voice };
}
