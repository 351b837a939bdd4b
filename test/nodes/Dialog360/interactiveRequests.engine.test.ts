/**
 * Send Interactive's call permission request and request for contact info through n8n-core against the
 * emulator, which refuses either without its fixed action.
 */
import { runActionNode } from '../../helpers/engine';
import { startEmulator, type Emulator } from '../../../emulator';

const KEY = 'interactive-key';
const CUSTOMER = '4915112345678';
const USER_ID = 'DE.13491208655302741918';
let emu: Emulator;

beforeEach(async () => {
	emu = await startEmulator({ numbers: [{ apiKey: KEY }] });
	emu.setContactWindow({ waId: CUSTOMER, lastInboundHoursAgo: 1 });
	emu.setContactWindow({ userId: USER_ID, lastInboundHoursAgo: 1 });
});
afterEach(async () => await emu.close());

const send = (parameters: Record<string, unknown>) =>
	runActionNode(
		{ resource: 'message', operation: 'sendInteractive', ...parameters },
		[{ json: {} }],
		{ baseUrl: emu.url, apiKey: KEY, typeVersion: 1.1 },
	);

test('a call permission request goes out with its body and fixed action', async () => {
	const { error } = await send({
		phoneNumber: CUSTOMER,
		interactiveType: 'call_permission_request',
		bodyText: 'May we call you about your order?',
	});
	expect(error('360dialog')).toBeUndefined();
	expect(emu.sent[0].request).toMatchObject({
		to: CUSTOMER,
		type: 'interactive',
		interactive: {
			type: 'call_permission_request',
			body: { text: 'May we call you about your order?' },
			action: { name: 'call_permission_request' },
		},
	});
});

test('a request for contact info goes to a user known only by their user ID', async () => {
	const { error, items } = await send({
		recipientType: 'userId',
		userId: USER_ID,
		interactiveType: 'request_contact_info',
		bodyText: 'Share your number so that we can call you back.',
	});
	expect(error('360dialog')).toBeUndefined();
	expect(emu.sent[0].request).toMatchObject({
		recipient: USER_ID,
		interactive: { type: 'request_contact_info', action: { name: 'request_contact_info' } },
	});
	expect(items[0].json).toMatchObject({ messageId: emu.sent[0].id, userId: USER_ID });
});

test('a blank body fails the item before anything is sent', async () => {
	const { error } = await send({
		phoneNumber: CUSTOMER,
		interactiveType: 'request_contact_info',
		bodyText: '={{ "  " }}',
	});
	expect(error('360dialog')?.description).toMatch(/\(parameter: bodyText\)/);
	expect(emu.sent).toHaveLength(0);
});
