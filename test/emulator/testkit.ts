/**
 * Small helpers shared by the emulator's own tests: API calls with a key, and a webhook receiver.
 */
import { startRecordingServer, type RecordingServer, type Reply } from '../helpers/recordingServer';
import { startEmulator, type Emulator, type StartEmulatorOptions } from '../../emulator/index';

export const KEY = 'test-key';
export const PHONE_NUMBER_ID = '100000000000001';
export const WABA_ID = '200000000000001';
export const CUSTOMER = '4915112345678';

export const TEST_NUMBER = {
	apiKey: KEY,
	phoneNumberId: PHONE_NUMBER_ID,
	displayPhoneNumber: '15550001111',
	wabaId: WABA_ID,
};

export interface ApiAnswer {
	status: number;
	headers: Headers;
	json: any;
}

export async function api(
	emu: Emulator,
	method: string,
	path: string,
	options: { body?: unknown; key?: string | null; rawBody?: string } = {},
): Promise<ApiAnswer> {
	const headers: Record<string, string> = {};
	if (options.key !== null) headers['D360-API-KEY'] = options.key ?? KEY;
	let body: string | undefined;
	if (options.rawBody !== undefined) body = options.rawBody;
	else if (options.body !== undefined) body = JSON.stringify(options.body);
	if (body !== undefined) headers['content-type'] = 'application/json';
	const response = await fetch(`${emu.url}${path}`, { method, headers, body });
	const text = await response.text();
	let json: any;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, json };
}

export const sendMessage = (emu: Emulator, body: Record<string, unknown>, key?: string) =>
	api(emu, 'POST', '/messages', {
		body: { messaging_product: 'whatsapp', recipient_type: 'individual', ...body },
		key,
	});

export const control = async (
	emu: Emulator,
	method: string,
	path: string,
	body?: unknown,
): Promise<ApiAnswer> => {
	const response = await fetch(`${emu.url}/_emulator${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, headers: response.headers, json: await response.json() };
};

/** A webhook receiver on 127.0.0.1 answering 200 unless replies are queued. */
export const startReceiver = (): Promise<RecordingServer> =>
	startRecordingServer((): Reply => ({ status: 200, body: {} }));

/** Registers `receiver` as the number's webhook through the Cloud API, with a custom header. */
export async function registerWebhook(
	emu: Emulator,
	receiver: RecordingServer,
	headers: Record<string, string> = { 'X-Webhook-Secret': 'hush' },
) {
	const answer = await api(emu, 'POST', '/v1/configs/webhook', {
		body: { url: `${receiver.url}/hook`, headers },
	});
	expect(answer.status).toBe(200);
}

/** An emulator with `receiver` registered as its first number's webhook: the start of most emulator tests. */
export async function startWithReceiver(
	options: StartEmulatorOptions,
): Promise<{ emu: Emulator; receiver: RecordingServer }> {
	const emu = await startEmulator(options);
	const receiver = await startReceiver();
	await registerWebhook(emu, receiver);
	return { emu, receiver };
}

/** Stops what startWithReceiver started. */
export async function stopWithReceiver(emu: Emulator, receiver: RecordingServer): Promise<void> {
	await emu.close();
	await receiver.close();
}

/**
 * The documented Cloud API envelope around one "messages" change value, written out here rather than built by the
 * emulator's own code, so tests compare the emulator against the documentation.
 */
export const documentedEnvelope = (value: Record<string, unknown>) => ({
	object: 'whatsapp_business_account',
	entry: [
		{
			id: WABA_ID,
			changes: [
				{
					field: 'messages',
					value: {
						messaging_product: 'whatsapp',
						metadata: { display_phone_number: '15550001111', phone_number_id: PHONE_NUMBER_ID },
						...value,
					},
				},
			],
		},
	],
});

/** The value of the first change of a webhook envelope. */
export const changeValue = (envelope: any) => envelope.entry[0].changes[0].value;

/** Status names the receiver got for one message id, in arrival order. */
export const statusesReceived = (receiver: RecordingServer, messageId: string): string[] =>
	receiver.requests
		.flatMap(
			(request) =>
				(changeValue(request.json).statuses ?? []) as Array<{ id: string; status: string }>,
		)
		.filter((status) => status.id === messageId)
		.map((status) => status.status);
