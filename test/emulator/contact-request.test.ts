/**
 * A user who hides their number answers a request_contact_info message: the emulator sends their number back
 * as Meta documents it, a contacts message with origin "contact_request", from the business-scoped user id.
 */
import {
	changeValue,
	control,
	sendMessage,
	startWithReceiver,
	stopWithReceiver,
	TEST_NUMBER,
} from './testkit';
import type { Emulator } from '../../emulator/index';
import type { RecordingServer } from '../helpers/recordingServer';

let emu: Emulator;
let receiver: RecordingServer;
beforeEach(async () => {
	({ emu, receiver } = await startWithReceiver({ numbers: [TEST_NUMBER] }));
});
afterEach(async () => await stopWithReceiver(emu, receiver));

const USER_ID = 'DE.13491208655302741918';

test('the request goes to the user id and the reply carries the shared number', async () => {
	emu.setContactWindow({ userId: USER_ID, lastInboundHoursAgo: 1 });
	const sent = await sendMessage(emu, {
		recipient: USER_ID,
		type: 'interactive',
		interactive: {
			type: 'request_contact_info',
			body: { text: 'Share your number so that we can call you back.' },
			action: { name: 'request_contact_info' },
		},
	});
	expect(sent.status).toBe(200);
	const reply = await control(emu, 'POST', '/inbound', {
		hidePhone: true,
		fromUserId: USER_ID,
		type: 'contacts',
		context: { id: sent.json.messages[0].id },
		contacts: [
			{
				origin: 'contact_request',
				name: { formatted_name: 'Jane Doe', first_name: 'Jane' },
				phones: [{ phone: '+49 151 12345678', wa_id: '4915112345678', type: 'CELL' }],
			},
		],
	});
	const message = changeValue(reply.json.envelope).messages[0];
	expect(message).toMatchObject({
		from_user_id: USER_ID,
		type: 'contacts',
		context: { id: sent.json.messages[0].id },
		contacts: [{ origin: 'contact_request', phones: [{ wa_id: '4915112345678' }] }],
	});
	expect(message.from).toBeUndefined();
	await emu.waitFor(() => receiver.requests.length > 0 || undefined);
});

test('a request_contact_info without its fixed action is refused', async () => {
	emu.setContactWindow({ userId: USER_ID, lastInboundHoursAgo: 1 });
	const refused = await sendMessage(emu, {
		recipient: USER_ID,
		type: 'interactive',
		interactive: {
			type: 'request_contact_info',
			body: { text: 'Share?' },
			action: { name: 'send_location' },
		},
	});
	expect(refused.status).toBe(400);
});
