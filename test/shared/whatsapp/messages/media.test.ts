import {
	buildMediaMessage,
	checkMediaFile,
	checkVoiceNoteFile,
	checkVoiceNoteMimeType,
	extensionForMimeType,
	isOggOpus,
	isAnimatedWebp,
	mediaDetails,
	normalizeMimeType,
} from '../../../../nodes/shared/whatsapp/messages/media';
import { requireMediaId } from '../../../../nodes/shared/whatsapp/ids';
import { PayloadError } from '../../../../nodes/shared/whatsapp/validation';

const KB = 1024;
const MB = 1024 * KB;
const bytes = (length: number) => new Uint8Array(length).fill(7);

/** A WebP with the extended header; `animated` sets the animation flag. */
function webp(length: number, animated: boolean): Uint8Array {
	const file = bytes(length);
	file.set(Buffer.from('RIFF'), 0);
	file.set(Buffer.from('WEBPVP8X'), 8);
	file[20] = animated ? 0x02 : 0x00;
	return file;
}

function refusal(run: () => unknown): PayloadError {
	let caught: unknown;
	try {
		run();
	} catch (error) {
		caught = error;
	}
	if (caught instanceof PayloadError) return caught;
	throw new Error(`expected a PayloadError, got ${String(caught)}`);
}

describe('buildMediaMessage', () => {
	test('an image by link carries the link and the caption', () => {
		expect(
			buildMediaMessage({
				type: 'image',
				source: { link: 'https://example.com/a.jpg' },
				caption: 'Look',
			}),
		).toEqual({
			link: 'https://example.com/a.jpg',
			caption: 'Look',
		});
	});

	test('a document by media ID carries the ID, caption and file name', () => {
		expect(
			buildMediaMessage({
				type: 'document',
				source: { id: '123' },
				caption: 'Invoice',
				filename: 'invoice.pdf',
			}),
		).toEqual({ id: '123', caption: 'Invoice', filename: 'invoice.pdf' });
	});

	test('audio, sticker and video carry the source alone when nothing else is given', () => {
		expect(buildMediaMessage({ type: 'audio', source: { id: '1' } })).toEqual({ id: '1' });
		expect(
			buildMediaMessage({ type: 'sticker', source: { id: '2' }, caption: '', filename: '' }),
		).toEqual({ id: '2' });
		expect(
			buildMediaMessage({ type: 'video', source: { link: 'https://example.com/v.mp4' } }),
		).toEqual({ link: 'https://example.com/v.mp4' });
	});

	test('a media ID with anything but digits is refused', () => {
		expect(refusal(() => buildMediaMessage({ type: 'image', source: { id: 'abc' } })).field).toBe(
			'mediaId',
		);
	});

	test('a link that is not a web address is refused', () => {
		expect(
			refusal(() =>
				buildMediaMessage({ type: 'image', source: { link: 'ftp://example.com/a.jpg' } }),
			).field,
		).toBe('mediaLink');
		expect(refusal(() => buildMediaMessage({ type: 'image', source: { link: '' } })).field).toBe(
			'mediaLink',
		);
	});

	test('an unknown media type is refused', () => {
		expect(
			refusal(() => buildMediaMessage({ type: 'gif' as never, source: { id: '1' } })).field,
		).toBe('mediaType');
	});
});

describe('mediaDetails', () => {
	test('a caption on an audio message is refused', () => {
		const error = refusal(() => mediaDetails('audio', { caption: 'Listen' }));
		expect(error.message).toBe('WhatsApp shows no caption on an audio file');
		expect(error.field).toBe('caption');
	});

	test('a caption on a sticker is refused', () => {
		expect(refusal(() => mediaDetails('sticker', { caption: 'Hi' })).message).toBe(
			'WhatsApp shows no caption on a sticker',
		);
	});

	test('a caption longer than 1024 characters is refused', () => {
		expect(refusal(() => mediaDetails('image', { caption: 'x'.repeat(1025) })).message).toMatch(
			/at most 1024/,
		);
		expect(mediaDetails('image', { caption: 'x'.repeat(1024) }).caption).toHaveLength(1024);
	});

	test('a file name on anything but a document is refused', () => {
		expect(refusal(() => mediaDetails('image', { filename: 'a.jpg' })).field).toBe('filename');
		expect(mediaDetails('document', { filename: 'a.pdf' })).toEqual({ filename: 'a.pdf' });
	});
});

describe('checkMediaFile', () => {
	test('an image must be JPEG or PNG', () => {
		expect(checkMediaFile('image', { mimeType: 'image/png', bytes: bytes(10) })).toBe('image/png');
		expect(checkMediaFile('image', { mimeType: 'image/jpg', bytes: bytes(10) })).toBe('image/jpeg');
		const error = refusal(() =>
			checkMediaFile('image', { mimeType: 'image/gif', fileName: 'a.gif', bytes: bytes(10) }),
		);
		expect(error.message).toBe(
			'"a.gif" is image/gif, which WhatsApp does not accept as an image (accepted: image/jpeg, image/png)',
		);
		expect(error.fix).toMatch(/send it as a document/);
	});

	test('a video must be MP4 or 3GPP, audio AAC, AMR, MP3, M4A or OGG', () => {
		expect(checkMediaFile('video', { mimeType: 'video/3gp', bytes: bytes(10) })).toBe('video/3gpp');
		expect(() =>
			checkMediaFile('video', { mimeType: 'video/quicktime', bytes: bytes(10) }),
		).toThrow(PayloadError);
		expect(checkMediaFile('audio', { mimeType: 'audio/ogg; codecs=opus', bytes: bytes(10) })).toBe(
			'audio/ogg',
		);
		expect(checkMediaFile('audio', { mimeType: 'audio/mp3', bytes: bytes(10) })).toBe('audio/mpeg');
		expect(
			refusal(() => checkMediaFile('audio', { mimeType: 'audio/wav', bytes: bytes(10) })).fix,
		).toMatch(/OGG with the Opus codec/);
	});

	test('a document may be any type', () => {
		expect(checkMediaFile('document', { mimeType: 'application/zip', bytes: bytes(10) })).toBe(
			'application/zip',
		);
	});

	test('an image over 5 MB is refused with what to do', () => {
		expect(checkMediaFile('image', { mimeType: 'image/png', bytes: bytes(5 * MB) })).toBe(
			'image/png',
		);
		const error = refusal(() =>
			checkMediaFile('image', { mimeType: 'image/png', bytes: bytes(5 * MB + 1) }),
		);
		expect(error.message).toMatch(/is 5\.0 MB; WhatsApp accepts images up to 5\.0 MB/);
		expect(error.fix).toMatch(/Compress/);
	});

	test('video and audio over 16 MB are refused', () => {
		expect(() =>
			checkMediaFile('video', { mimeType: 'video/mp4', bytes: bytes(16 * MB + 1) }),
		).toThrow(/up to 16\.0 MB/);
		expect(() =>
			checkMediaFile('audio', { mimeType: 'audio/aac', bytes: bytes(16 * MB + 1) }),
		).toThrow(/up to 16\.0 MB/);
	});

	test('a document over 100 MB is refused', () => {
		expect(() =>
			checkMediaFile('document', { mimeType: 'application/pdf', bytes: bytes(100 * MB + 1) }),
		).toThrow(/up to 100\.0 MB/);
	});

	test('a static sticker may be 100 KB, an animated one 500 KB', () => {
		expect(
			checkMediaFile('sticker', { mimeType: 'image/webp', bytes: webp(100 * KB, false) }),
		).toBe('image/webp');
		expect(() =>
			checkMediaFile('sticker', { mimeType: 'image/webp', bytes: webp(100 * KB + 1, false) }),
		).toThrow(/static stickers up to 100\.0 KB/);
		expect(checkMediaFile('sticker', { mimeType: 'image/webp', bytes: webp(500 * KB, true) })).toBe(
			'image/webp',
		);
		expect(() =>
			checkMediaFile('sticker', { mimeType: 'image/webp', bytes: webp(500 * KB + 1, true) }),
		).toThrow(/animated stickers up to 500\.0 KB/);
	});

	test('an empty file is refused', () => {
		expect(() => checkMediaFile('document', { mimeType: 'text/plain', bytes: bytes(0) })).toThrow(
			/is empty/,
		);
	});
});

describe('file types', () => {
	test('a WebP is animated when its extended header has the animation flag', () => {
		expect(isAnimatedWebp(webp(64, true))).toBe(true);
		expect(isAnimatedWebp(webp(64, false))).toBe(false);
		expect(isAnimatedWebp(bytes(64))).toBe(false);
	});

	test('MIME types are compared without case, parameters or aliases', () => {
		expect(normalizeMimeType('Audio/OGG; codecs=opus')).toBe('audio/ogg');
		expect(normalizeMimeType('audio/x-m4a')).toBe('audio/mp4');
		expect(normalizeMimeType(undefined)).toBe('');
	});

	test('a downloaded file gets the extension of its MIME type', () => {
		expect(extensionForMimeType('image/jpeg')).toBe('jpg');
		expect(extensionForMimeType('audio/ogg; codecs=opus')).toBe('ogg');
		expect(
			extensionForMimeType(
				'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			),
		).toBe('docx');
		expect(extensionForMimeType('image/gif')).toBe('gif');
		expect(extensionForMimeType('application/x-weird-thing')).toBe('bin');
	});
});

describe('requireMediaId', () => {
	test('a media ID from an expression may be a number', () => {
		expect(requireMediaId(1234567890)).toBe('1234567890');
		expect(requireMediaId(' 42 ')).toBe('42');
	});

	test('a malformed media ID is refused with a warning about the look-up block', () => {
		const error = refusal(() => requireMediaId('12ab'));
		expect(error.message).toBe('"12ab" is not a media ID: WhatsApp media IDs are digits only');
		expect(error.fix).toMatch(/blocks media look-ups for 30 minutes/);
	});
});

/** The start of an Ogg stream whose first packet is the Opus identification header. */
const oggOpus = () => {
	const file = bytes(200);
	file.set(Buffer.from('OggS'), 0);
	file[26] = 1;
	file.set(Buffer.from('OpusHead'), 28);
	return file;
};

describe('voice notes', () => {
	test('an audio message marked as a voice note carries voice: true', () => {
		expect(buildMediaMessage({ type: 'audio', source: { id: '123' }, voice: true })).toEqual({
			id: '123',
			voice: true,
		});
		expect(buildMediaMessage({ type: 'audio', source: { id: '123' }, voice: false })).toEqual({
			id: '123',
		});
	});

	test('only audio can be a voice note', () => {
		const error = refusal(() =>
			buildMediaMessage({ type: 'video', source: { id: '1' }, voice: true }),
		);
		expect(error.field).toBe('voiceNote');
		expect(error.message).toBe('Only audio can be sent as a voice note, not a video');
	});

	test('a voice note link ending in another audio extension is refused, one without an extension passes', () => {
		const error = refusal(() =>
			buildMediaMessage({
				type: 'audio',
				source: { link: 'https://example.com/reply.mp3' },
				voice: true,
			}),
		);
		expect(error.field).toBe('mediaLink');
		expect(error.fix).toMatch(/libopus/);
		expect(
			buildMediaMessage({
				type: 'audio',
				source: { link: 'https://example.com/tts?id=7' },
				voice: true,
			}),
		).toEqual({ link: 'https://example.com/tts?id=7', voice: true });
	});

	test('an OGG file with an Opus header passes; MP3 or OGG without Opus is refused', () => {
		expect(isOggOpus(oggOpus())).toBe(true);
		expect(() =>
			checkVoiceNoteFile({ mimeType: 'audio/ogg; codecs=opus', bytes: oggOpus() }),
		).not.toThrow();
		const mp3 = refusal(() =>
			checkVoiceNoteFile({ mimeType: 'audio/mpeg', fileName: 'a.mp3', bytes: oggOpus() }),
		);
		expect(mp3.message).toBe(
			'"a.mp3" is audio/mpeg; a voice note must be OGG with the Opus codec (audio/ogg)',
		);
		const vorbis = bytes(200);
		vorbis.set(Buffer.from('OggS'), 0);
		vorbis.set(Buffer.from('\u0001vorbis'), 28);
		expect(
			refusal(() => checkVoiceNoteFile({ mimeType: 'audio/ogg', bytes: vorbis })).message,
		).toMatch(/not an Ogg stream with Opus audio/);
	});

	test("a stored file's MIME type is checked the same way", () => {
		expect(() => checkVoiceNoteMimeType('audio/ogg', 'mediaId', 'The media 1')).not.toThrow();
		expect(refusal(() => checkVoiceNoteMimeType('audio/aac', 'mediaId', 'The media 1')).field).toBe(
			'mediaId',
		);
	});
});
