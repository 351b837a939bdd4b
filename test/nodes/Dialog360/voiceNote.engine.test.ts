/**
 * Send Media's voice notes through n8n-core against the emulator: an OGG/Opus file goes out as
 * `audio.voice: true`, anything else is refused before it is uploaded or sent, and a voice note by media ID
 * has the stored file's type checked first.
 */
import { ensureBinaryData, runActionNode } from '../../helpers/engine';
import { startEmulator, type Emulator } from '../../../emulator';

const KEY = 'voice-key';
const CUSTOMER = '4915112345678';
let emu: Emulator;

beforeAll(async () => await ensureBinaryData());
beforeEach(async () => {
	emu = await startEmulator({ numbers: [{ apiKey: KEY }] });
	emu.setContactWindow({ waId: CUSTOMER, lastInboundHoursAgo: 1 });
});
afterEach(async () => await emu.close());

const OGG_OPUS = Buffer.concat([
	Buffer.from('OggS'),
	Buffer.alloc(22),
	Buffer.from([1, 19]),
	Buffer.from('OpusHead'),
	Buffer.alloc(200, 3),
]);
const MP3 = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(200, 5)]);

const voiceNote = (parameters: Record<string, unknown>, items = [{ json: {} }]) =>
	runActionNode(
		{
			resource: 'message',
			operation: 'sendMedia',
			phoneNumber: CUSTOMER,
			mediaType: 'audio',
			voiceNote: true,
			...parameters,
		},
		items as never,
		{ baseUrl: emu.url, apiKey: KEY, typeVersion: 1.1 },
	);

const fileItem = (bytes: Buffer, mimeType: string, fileName: string) => ({
	json: {},
	binary: { data: { data: bytes.toString('base64'), mimeType, fileName } },
});

async function upload(bytes: Buffer, mimeType: string): Promise<string> {
	const form = new FormData();
	form.append('messaging_product', 'whatsapp');
	form.append('file', new Blob([bytes], { type: mimeType }), 'file');
	const answer = await fetch(`${emu.url}/media`, {
		method: 'POST',
		headers: { 'D360-API-KEY': KEY },
		body: form,
	});
	return ((await answer.json()) as { id: string }).id;
}

test('an OGG/Opus file from binary data is uploaded and sent as a voice note', async () => {
	const { items, error } = await voiceNote({ mediaSource: 'binary', binaryPropertyName: 'data' }, [
		fileItem(OGG_OPUS, 'audio/ogg; codecs=opus', 'reply.ogg'),
	] as never);
	expect(error('360dialog')).toBeUndefined();
	const mediaId = items[0].json.mediaId as string;
	expect(emu.sent[0].request).toMatchObject({
		type: 'audio',
		audio: { id: mediaId, voice: true },
	});
});

test('an MP3 is refused as a voice note before anything is uploaded', async () => {
	const { error } = await voiceNote({ mediaSource: 'binary', binaryPropertyName: 'data' }, [
		fileItem(MP3, 'audio/mpeg', 'reply.mp3'),
	] as never);
	expect(error('360dialog')?.message).toBe(
		'"reply.mp3" is audio/mpeg; a voice note must be OGG with the Opus codec (audio/ogg)',
	);
	expect(error('360dialog')?.description).toMatch(/libopus.*\(parameter: binaryPropertyName\)/);
	expect(emu.requests).toHaveLength(0);
});

test('a file labelled OGG whose bytes are not Opus is refused too', async () => {
	const { error } = await voiceNote({ mediaSource: 'binary', binaryPropertyName: 'data' }, [
		fileItem(MP3, 'audio/ogg', 'fake.ogg'),
	] as never);
	expect(error('360dialog')?.message).toMatch(/not an Ogg stream with Opus audio/);
	expect(emu.requests).toHaveLength(0);
});

test('by media ID: the stored type is looked up, and only OGG goes out as a voice note', async () => {
	const ogg = await upload(OGG_OPUS, 'audio/ogg');
	const sent = await voiceNote({ mediaSource: 'id', mediaId: ogg });
	expect(sent.error('360dialog')).toBeUndefined();
	expect(emu.sent[0].request.audio).toEqual({ id: ogg, voice: true });

	const mp3 = await upload(MP3, 'audio/mpeg');
	const refused = await voiceNote({ mediaSource: 'id', mediaId: mp3 });
	expect(refused.error('360dialog')?.message).toBe(
		`The media ${mp3} is audio/mpeg; a voice note must be OGG with the Opus codec (audio/ogg)`,
	);
	expect(emu.sent).toHaveLength(1);
});

test('without Voice Note an audio file goes out as before, with no voice field', async () => {
	await voiceNote({
		voiceNote: false,
		mediaSource: 'link',
		mediaLink: 'https://example.com/a.mp3',
	});
	expect(emu.sent[0].request.audio).toEqual({ link: 'https://example.com/a.mp3' });
});
