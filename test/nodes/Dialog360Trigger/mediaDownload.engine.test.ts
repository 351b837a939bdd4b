/**
 * "Download Media": inbound files as n8n binary data, fetched from the emulator after 360dialog got its
 * answer, and what happens when a download cannot be done.
 */
import { startEmulator, type Emulator } from '../../../emulator';
import { ensureBinaryData } from '../../helpers/engine';
import { createTriggerHarness, type TriggerHarness } from '../../helpers/trigger';

const KEY = 'media-key';
const VERIFICATION_HEADER = 'X-N8n-Webhook-Secret';
const JANE = '4915112345678';
/** A small PNG: the emulator serves exactly these bytes. */
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64',
);
let sequence = 0;

describe('360dialog Trigger: Download Media', () => {
	let emu: Emulator;

	beforeAll(async () => await ensureBinaryData());
	// Each test its own number: the pause after repeated failures is per number and per process.
	let numberSequence = 0;
	beforeEach(async () => {
		const phoneNumberId = String(100000000000100 + ++numberSequence);
		emu = await startEmulator({ numbers: [{ apiKey: KEY, phoneNumberId }] });
	});
	afterEach(async () => await emu.close());

	async function trigger(options: Record<string, unknown> = {}): Promise<TriggerHarness> {
		const harness = await createTriggerHarness({
			baseUrl: emu.url,
			apiKey: KEY,
			typeVersion: 2,
			nodeId: `media-${++sequence}`,
			parameters: { options: { downloadMedia: true, ...options } },
		});
		await harness.create();
		return harness;
	}
	const secret = () => emu.webhooks()[0].headers[VERIFICATION_HEADER];
	/** An inbound message the emulator built (its media stored) but left for the test to post. */
	const inbound = (input: Record<string, unknown>) =>
		emu.injectInbound({ from: JANE, name: 'Jane', deliver: false, ...input });
	const mediaRequests = () =>
		emu.requests.filter((r) => /^\/(\d+|whatsapp_business\/attachments\/?)$/.test(r.path));

	test('an inbound image arrives as binary data byte-identical to what was served, with its mime type and a file name', async () => {
		const harness = await trigger();
		const image = inbound({
			type: 'image',
			image: { caption: 'my cat' },
			media: { base64: PNG.toString('base64'), mimeType: 'image/png' },
		});
		const result = await harness.deliver({
			headers: { [VERIFICATION_HEADER]: secret() },
			body: image.envelope,
		});
		const [item] = result.outputs![0];
		expect(item.json).toMatchObject({ type: 'image', text: 'my cat', chatInput: 'my cat' });
		expect(item.json.mediaError).toBeUndefined();
		const binary = item.binary!.data;
		expect(Buffer.from(binary.data, 'base64').equals(PNG)).toBe(true);
		expect(binary.mimeType).toBe('image/png');
		expect(binary.fileName).toMatch(/^image-\d+\.png$/);
	});

	test('360dialog gets its answer before the download starts, even from a slow media server', async () => {
		const harness = await trigger();
		const voice = inbound({ type: 'audio', audio: { voice: true } });
		emu.setOptions({ latencyMs: 700 });
		let mediaCallsAtAnswer = -1;
		const result = await harness.deliver({
			headers: { [VERIFICATION_HEADER]: secret() },
			body: voice.envelope,
			onAnswer: () => (mediaCallsAtAnswer = mediaRequests().length),
		});
		expect(result.responseBody).toEqual({ received: true });
		expect(result.response.noWebhookResponse).toBe(true);
		expect(mediaCallsAtAnswer).toBe(0);
		// Two media calls at 700 ms each came after the answer.
		expect(mediaRequests()).toHaveLength(2);
		expect(result.returnedAt - result.answeredAt!).toBeGreaterThanOrEqual(1300);
		const [item] = result.outputs![0];
		expect(item.binary!.data.fileName).toMatch(/^voice-\d+\.ogg$/);
		expect(item.binary!.data.mimeType).toBe('audio/ogg');
	});

	test('a document keeps the file name the user sent', async () => {
		const harness = await trigger();
		const document = inbound({
			type: 'document',
			document: { filename: 'invoice-42.pdf' },
			media: { mimeType: 'application/pdf' },
		});
		const result = await harness.deliver({
			headers: { [VERIFICATION_HEADER]: secret() },
			body: document.envelope,
		});
		expect(result.outputs![0][0].binary!.data.fileName).toBe('invoice-42.pdf');
	});

	test('a failed download still delivers the message, with the error on it, and a 4xx is not asked again', async () => {
		const harness = await trigger();
		const image = inbound({ type: 'image' });
		const mediaId = (image.envelope as any).entry[0].changes[0].value.messages[0].image.id;
		await fetch(`${emu.url}/${mediaId}`, { method: 'DELETE', headers: { 'D360-API-KEY': KEY } });
		const before = mediaRequests().length;
		const result = await harness.deliver({
			headers: { [VERIFICATION_HEADER]: secret() },
			body: image.envelope,
		});
		const [item] = result.outputs![0];
		expect(item.binary).toBeUndefined();
		expect(item.json.messageId).toBe(image.messageId);
		expect(item.json.mediaError).toMatchObject({ message: expect.any(String) });
		expect(mediaRequests().length - before).toBe(1);
		expect(JSON.stringify(item.json.mediaError)).not.toContain(KEY);
	});

	test('a file over "Max Media Size (MB)" is not downloaded; the message says why', async () => {
		const harness = await trigger({ maxMediaSizeMb: 1 });
		const video = inbound({
			type: 'video',
			media: { base64: Buffer.alloc(1_200_000, 7).toString('base64'), mimeType: 'video/mp4' },
		});
		const result = await harness.deliver({
			headers: { [VERIFICATION_HEADER]: secret() },
			body: video.envelope,
		});
		expect(result.outputs![0][0].json.mediaError).toMatchObject({
			message: expect.stringContaining("over the trigger's limit of 1.0 MB"),
		});
		expect(emu.requests.some((r) => r.path.startsWith('/whatsapp_business/attachments'))).toBe(
			false,
		);
	});

	test('after repeated failures for a number, downloads pause instead of risking a block of its media requests', async () => {
		const harness = await trigger();
		const failing = Array.from({ length: 6 }, () => inbound({ type: 'sticker' }));
		for (const message of failing) {
			const id = (message.envelope as any).entry[0].changes[0].value.messages[0].sticker.id;
			await fetch(`${emu.url}/${id}`, { method: 'DELETE', headers: { 'D360-API-KEY': KEY } });
		}
		const before = mediaRequests().length;
		const errors = [];
		for (const message of failing) {
			const result = await harness.deliver({
				headers: { [VERIFICATION_HEADER]: secret() },
				body: message.envelope,
			});
			errors.push(String((result.outputs![0][0].json.mediaError as { message: string }).message));
		}
		expect(mediaRequests().length - before).toBe(4);
		expect(errors.slice(4).every((message) => /failed repeatedly/.test(message))).toBe(true);
	});

	test('without "Download Media" no media request is made and no binary is attached', async () => {
		const harness = await trigger({ downloadMedia: false });
		const image = inbound({ type: 'image' });
		const result = await harness.deliver({
			headers: { [VERIFICATION_HEADER]: secret() },
			body: image.envelope,
		});
		expect(result.outputs![0][0].binary).toBeUndefined();
		expect(mediaRequests()).toEqual([]);
	});
});
