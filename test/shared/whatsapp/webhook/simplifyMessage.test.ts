import { parseWebhook, type InboundMessageItem } from '../../../../nodes/shared/whatsapp/webhook';
import { firstValue, webhookFixture, type JsonObject } from '../../../fixtures/webhooks';

function onlyMessage(fixture: string): InboundMessageItem {
	const { messages } = parseWebhook(webhookFixture(fixture));
	expect(messages).toHaveLength(1);
	return messages[0];
}

describe('inbound messages', () => {
	it('a text message becomes one flat item with sender, text, time and receiving number', () => {
		expect(onlyMessage('message-text')).toEqual({
			event: 'message',
			messageId: 'wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQUNBNjUzRjYyMDgxNUJEOTAz01QA=',
			type: 'text',
			from: '16315551181',
			contactName: 'Jane Doe',
			text: 'Hello, is my order on its way?',
			timestamp: '2024-05-29T16:26:40.000Z',
			timestampUnix: 1717000000,
			wabaId: '104996122399160',
			businessPhoneNumberId: '106540352242922',
			businessDisplayPhoneNumber: '15550783881',
		});
	});

	it('a reply names the quoted message in its context', () => {
		expect(onlyMessage('message-text-reply').context).toEqual({
			messageId: 'wamid.HBgLMTYzMTU1NTExODEVAgARGBI7QRDQ0RjE4OTc5MjA3QjdGQzEA',
			from: '15550783881',
			forwarded: false,
			frequentlyForwarded: false,
		});
	});

	it('a forwarded message says so in its context', () => {
		expect(onlyMessage('message-text-forwarded').context).toEqual({
			forwarded: true,
			frequentlyForwarded: true,
		});
	});

	it("an image's caption becomes the item's text and its media fields are camelCased", () => {
		const item = onlyMessage('message-image');
		expect(item.text).toBe('The broken part');
		expect(item.media).toEqual({
			id: '1003383421387256',
			mimeType: 'image/jpeg',
			sha256: 'pZsf/EHn+nwg+KOEg1vr5DJGfmPKCeB1OOQcjSxNTSk=',
			caption: 'The broken part',
		});
	});

	it('a voice note is audio marked voice, with no text', () => {
		const item = onlyMessage('message-audio-voice');
		expect(item.media).toMatchObject({
			id: '1197545961429310',
			mimeType: 'audio/ogg; codecs=opus',
			voice: true,
		});
		expect(item).not.toHaveProperty('text');
	});

	it('a video without caption carries its media and no text', () => {
		const item = onlyMessage('message-video');
		expect(item.media).toEqual({
			id: '2016546585510218',
			mimeType: 'video/mp4',
			sha256: 'BFyb4pZ3q9dJeXchEZxeP4sJQjnc+pl9d1OtRpHTEhk=',
		});
		expect(item).not.toHaveProperty('text');
	});

	it("a document keeps its filename and its caption becomes the item's text", () => {
		const item = onlyMessage('message-document');
		expect(item.media).toMatchObject({
			filename: 'invoice-2024-05.pdf',
			caption: 'Invoice for May',
			mimeType: 'application/pdf',
		});
		expect(item.text).toBe('Invoice for May');
	});

	it('an animated sticker is marked animated', () => {
		expect(onlyMessage('message-sticker').media).toMatchObject({
			id: '801356278734271',
			mimeType: 'image/webp',
			animated: true,
		});
	});

	it('a location gives coordinates, name, address and url, and no text', () => {
		const item = onlyMessage('message-location');
		expect(item.location).toEqual({
			latitude: 52.516275,
			longitude: 13.377704,
			name: 'Brandenburger Tor',
			address: 'Pariser Platz, 10117 Berlin',
			url: 'https://www.berlin.de/sehenswuerdigkeiten/3560266-3558930-brandenburger-tor.html',
		});
		expect(item).not.toHaveProperty('text');
	});

	it('shared contact cards are kept as sent', () => {
		const item = onlyMessage('message-contacts');
		expect(item.contacts).toHaveLength(1);
		expect(item.contacts?.[0]).toMatchObject({
			name: { formatted_name: 'Erika Musterfrau' },
			phones: [{ wa_id: '4915198765432' }],
		});
		expect(item.contactName).toBe('Jane Doe');
	});

	it("a reply button's title becomes the item's text and its id the reply id", () => {
		const item = onlyMessage('message-interactive-button-reply');
		expect(item.reply).toEqual({
			type: 'button_reply',
			id: 'confirm-order-4711',
			title: 'Confirm',
		});
		expect(item.text).toBe('Confirm');
	});

	it("a list reply's title becomes the item's text", () => {
		const item = onlyMessage('message-interactive-list-reply');
		expect(item.reply).toEqual({
			type: 'list_reply',
			id: 'slot-2024-06-01-10',
			title: 'Sat 10:00',
			description: 'Morning delivery, 10:00 to 12:00',
		});
		expect(item.text).toBe('Sat 10:00');
	});

	it("a flow's response_json string becomes a parsed flowResponse, its token the reply id", () => {
		const item = onlyMessage('message-interactive-nfm-reply');
		expect(item.flowResponse).toMatchObject({ delivery_date: '2024-06-01', notes: 'Ring twice' });
		expect(item.reply).toEqual({
			type: 'nfm_reply',
			id: 'order-4711-delivery',
			title: 'Sent',
			flowName: 'flow',
			body: 'Sent',
		});
		expect(item.text).toBe('Sent');
	});

	it('a flow response that is not JSON is kept as the string it was', () => {
		const body = webhookFixture('message-interactive-nfm-reply');
		const interactive = firstValue(body).messages[0].interactive as JsonObject;
		(interactive.nfm_reply as JsonObject).response_json = '{not json';
		const [item] = parseWebhook(body).messages;
		expect(item.flowResponse).toBe('{not json');
		expect(item.reply).not.toHaveProperty('id');
	});

	it("a template quick-reply tap gives its payload, and its text becomes the item's text", () => {
		const item = onlyMessage('message-button');
		expect(item.button).toEqual({ payload: 'RESCHEDULE_4711', text: 'Reschedule' });
		expect(item.text).toBe('Reschedule');
		expect(item.context?.messageId).toBe(
			'wamid.HBgLMTYzMTU1NTExODEVAgARGBIBTRDQ0RjE4OTc5MjA3QjdGQzEA',
		);
	});

	it('a reaction names the message and the emoji, and is not text', () => {
		const item = onlyMessage('message-reaction');
		expect(item.reaction).toEqual({
			messageId: 'wamid.HBgLMTYzMTU1NTExODEVAgARGBI7QRDQ0RjE4OTc5MjA3QjdGQzEA',
			emoji: '👍',
			removed: false,
		});
		expect(item).not.toHaveProperty('text');
	});

	it('a reaction with an empty emoji is a removed reaction', () => {
		expect(onlyMessage('message-reaction-removed').reaction).toMatchObject({
			emoji: '',
			removed: true,
		});
	});

	it("an order is kept as sent and its note becomes the item's text", () => {
		const item = onlyMessage('message-order');
		expect(item.order).toMatchObject({
			catalog_id: '1535853443922011',
			product_items: [{ product_retailer_id: 'SKU-1001' }, { product_retailer_id: 'SKU-2002' }],
		});
		expect(item.text).toBe('Please deliver after 6pm');
	});

	it('a changed number arrives as a system message with camelCased fields and no contact name', () => {
		const item = onlyMessage('message-system-changed-number');
		expect(item.system).toEqual({
			body: 'User Jane Doe changed from 16315551181 to 16315559999',
			newWaId: '16315559999',
			type: 'user_changed_number',
		});
		expect(item.from).toBe('16315551181');
		expect(item).not.toHaveProperty('contactName');
		expect(item).not.toHaveProperty('text');
	});

	it('an unsupported message carries its errors with a hint', () => {
		const item = onlyMessage('message-unsupported');
		expect(item.type).toBe('unsupported');
		expect(item.errors).toEqual([
			{
				code: 131051,
				title: 'Message type unknown',
				message: 'Message type unknown',
				details: 'Message type is currently not supported.',
				hint: 'The user sent a kind of message the API does not deliver (for example a poll or a view-once message). Ask them to send it again as text, a photo, a file or a location.',
			},
		]);
	});

	it("a click-to-WhatsApp ad's referral comes with camelCased keys beside the text", () => {
		const item = onlyMessage('message-referral');
		expect(item.text).toBe('Hi! I saw your ad, is the spring sale still on?');
		expect(item.referral).toMatchObject({
			sourceUrl: 'https://fb.me/2ZulEu42P',
			sourceId: '120214452432940523',
			sourceType: 'ad',
			headline: 'Spring sale: 20% off',
			mediaType: 'image',
			ctwaClid: expect.stringMatching(/^ARAk/),
			welcomeMessage: { text: 'Hi there! How can we help?' },
		});
	});

	it('a user who hides their number is known by the business-scoped user id and named from the matching contact', () => {
		const item = onlyMessage('message-user-without-phone');
		expect(item).not.toHaveProperty('from');
		expect(item.fromUserId).toBe('US.13491208655302741918');
		expect(item.contactName).toBe('Luca');
	});

	it('a message of a type not known here keeps its type and common fields', () => {
		const body = webhookFixture('message-text');
		Object.assign(firstValue(body).messages[0], {
			type: 'ephemeral',
			text: undefined,
			ephemeral: { x: 1 },
		});
		const [item] = parseWebhook(body).messages;
		expect(item).toMatchObject({ type: 'ephemeral', from: '16315551181', contactName: 'Jane Doe' });
		expect(item).not.toHaveProperty('text');
	});

	it('a message without a type is of type unknown', () => {
		const body = webhookFixture('message-text');
		delete firstValue(body).messages[0].type;
		expect(parseWebhook(body).messages[0].type).toBe('unknown');
	});
});
