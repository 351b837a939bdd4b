import { NUMBER, parseKind } from './kinds';

describe('item shape 2: coexistence (Business App and API on one number)', () => {
	it('a Business App echo is an Event item read like a message, sent by the business, never a message', () => {
		const { events, messages } = parseKind('smb-message-echoes');
		expect(messages).toEqual([]);
		expect(events).toHaveLength(2);
		expect(events[0]).toEqual({
			itemType: 'event',
			field: 'smb_message_echoes',
			kind: 'messageEcho',
			sentBy: 'business',
			messageId: 'wamid.ECHO0001',
			type: 'text',
			text: "Hi Jane, this is Tom from the shop. I'll take it from here.",
			from: '15550001111',
			to: '4915112345678',
			toUserId: 'DE.13491208655302741918',
			contactName: 'Jane',
			sessionId: 'DE.13491208655302741918',
			timestamp: '2025-12-06T05:56:40.000Z',
			timestampUnix: 1765000600,
			...NUMBER,
		});
		expect(events[1]).toMatchObject({
			type: 'image',
			text: 'Your order',
			media: { id: '1480000000000002', caption: 'Your order', mimeType: 'image/jpeg' },
			toUserId: 'DE.13491208655302741918',
		});
	});

	it("an echo's session is the customer's, the same key as the customer's own messages", () => {
		const [echo] = parseKind('smb-message-echoes').events;
		const [message] = parseKind('message-revoke').messages;
		expect(echo.sessionId).toBe(message.sessionId);
	});

	it('history is one item per message, with its thread, who sent it, and the chunk', () => {
		const { events, ignored } = parseKind('history');
		expect(ignored).toBe(0);
		expect(events.map((e) => [e.kind, e.messageId, e.threadId, e.sentBy, e.text])).toEqual([
			['historyMessage', 'wamid.HIST0001', '4915112345678', 'user', 'Do you deliver on Sundays?'],
			['historyMessage', 'wamid.HIST0002', '4915112345678', 'business', 'Yes, until 6 pm.'],
			['historyMessage', 'wamid.HIST0003', '4915187654321', 'user', 'This one'],
		]);
		expect(events[1]).toMatchObject({
			field: 'history',
			from: '15550001111',
			to: '4915112345678',
			historyStatus: 'DELIVERED',
			phase: 0,
			chunkOrder: 1,
			progress: 100,
			timestamp: '2025-12-05T02:01:00.000Z',
		});
		expect(events[2]).toMatchObject({ type: 'image', media: { id: '1480000000000003' } });
	});

	it('declined history sharing is one item with its error', () => {
		expect(parseKind('history-declined').events).toEqual([
			{
				itemType: 'event',
				field: 'history',
				kind: 'historyError',
				errors: [
					{
						code: 2593109,
						title: 'History sharing is turned off by the business',
						message: 'History sharing is turned off by the business',
						details: 'The business declined to share its chat history',
					},
				],
				timestamp: '2025-12-06T05:58:20.000Z',
				timestampUnix: 1765000700,
				...NUMBER,
			},
		]);
	});

	it('a contact sync is one item per contact change', () => {
		const { events } = parseKind('smb-app-state-sync');
		expect(events).toEqual([
			{
				itemType: 'event',
				field: 'smb_app_state_sync',
				kind: 'contactSync',
				syncType: 'contact',
				action: 'add',
				fullName: 'Jane Doe',
				firstName: 'Jane',
				phoneNumber: '4915112345678',
				timestamp: '2025-12-06T06:00:00.000Z',
				timestampUnix: 1765000800,
				...NUMBER,
			},
			expect.objectContaining({ action: 'remove', phoneNumber: '4915187654321' }),
		]);
	});
});
