import { parseWebhook } from '../../../../nodes/shared/whatsapp/webhook';
import {
	firstValue,
	junkBodies,
	webhookFixture,
	webhookFixtureNames,
} from '../../../fixtures/webhooks';

const ONE_MESSAGE = { messages: 1, statuses: 0, errors: 0, ignored: 0 };
const ONE_STATUS = { messages: 0, statuses: 1, errors: 0, ignored: 0 };

/** What each fixture yields; every fixture file must be listed here. */
const EXPECTED_COUNTS: Record<
	string,
	{ messages: number; statuses: number; errors: number; ignored: number }
> = {
	// without `events`, the account, template and user changes are skipped
	'account-events': { messages: 0, statuses: 0, errors: 0, ignored: 7 },
	'batch-two-entries': { messages: 3, statuses: 2, errors: 0, ignored: 0 },
	'change-errors': { messages: 0, statuses: 0, errors: 2, ignored: 0 },
	// a list of bodies, itself not an envelope
	'junk-bodies': { messages: 0, statuses: 0, errors: 0, ignored: 1 },
	'message-audio-voice': ONE_MESSAGE,
	'message-button': ONE_MESSAGE,
	'message-contacts': ONE_MESSAGE,
	'message-document': ONE_MESSAGE,
	'message-image': ONE_MESSAGE,
	'message-interactive-button-reply': ONE_MESSAGE,
	'message-interactive-list-reply': ONE_MESSAGE,
	'message-interactive-nfm-reply': ONE_MESSAGE,
	'message-location': ONE_MESSAGE,
	'message-order': ONE_MESSAGE,
	'message-reaction': ONE_MESSAGE,
	'message-reaction-removed': ONE_MESSAGE,
	'message-referral': ONE_MESSAGE,
	'message-sticker': ONE_MESSAGE,
	'message-system-changed-number': ONE_MESSAGE,
	'message-text': ONE_MESSAGE,
	'message-text-forwarded': ONE_MESSAGE,
	'message-text-reply': ONE_MESSAGE,
	'message-unsupported': ONE_MESSAGE,
	'message-user-without-phone': ONE_MESSAGE,
	'message-video': ONE_MESSAGE,
	'status-deleted': ONE_STATUS,
	'status-delivered': ONE_STATUS,
	'status-failed-131026': ONE_STATUS,
	'status-failed-131047': ONE_STATUS,
	'status-played': ONE_STATUS,
	'status-read': ONE_STATUS,
	'status-sent': ONE_STATUS,
	'unknown-field-account-update': { messages: 0, statuses: 0, errors: 0, ignored: 2 },
};

function counts(body: unknown) {
	const { messages, statuses, errors, ignored } = parseWebhook(body);
	return { messages: messages.length, statuses: statuses.length, errors: errors.length, ignored };
}

describe('parseWebhook', () => {
	it('every fixture yields the items it holds', () => {
		const names = webhookFixtureNames();
		expect(names).toEqual(Object.keys(EXPECTED_COUNTS).sort());
		for (const name of names)
			expect([name, counts(webhookFixture(name))]).toEqual([name, EXPECTED_COUNTS[name]]);
	});

	it('a batched body gives one item per message and status, each with the number and account of its own entry', () => {
		const { messages, statuses } = parseWebhook(webhookFixture('batch-two-entries'));
		expect(
			messages.map((m) => [
				m.messageId.slice(-5),
				m.wabaId,
				m.businessPhoneNumberId,
				m.businessDisplayPhoneNumber,
			]),
		).toEqual([
			['11QA=', '104996122399160', '106540352242922', '15550783881'],
			['12QA=', '104996122399160', '106540352242922', '15550783881'],
			['13QA=', '215589313241560', '109876543210987', '4930609859535'],
		]);
		expect(
			statuses.map((s) => [
				s.status,
				s.wabaId,
				s.businessPhoneNumberId,
				s.businessDisplayPhoneNumber,
			]),
		).toEqual([
			['delivered', '104996122399160', '113269274970227', '15550199001'],
			['read', '215589313241560', '109876543210987', '4930609859535'],
		]);
	});

	it('in a change with two contacts, each message is named after its own sender', () => {
		const { messages } = parseWebhook(webhookFixture('batch-two-entries'));
		expect(messages.map((m) => [m.from, m.contactName])).toEqual([
			['4915112345678', 'Max Mustermann'],
			['16315551181', 'Jane Doe'],
			['5511987654321', 'Ana Souza'],
		]);
	});

	it("a lone contact whose number differs from the sender's does not name the sender", () => {
		const body = webhookFixture('message-text');
		firstValue(body).contacts[0].wa_id = '4915112345678';
		expect(parseWebhook(body).messages[0]).not.toHaveProperty('contactName');
	});

	it('change-level errors become error items with hint and receiving number', () => {
		const { errors } = parseWebhook(webhookFixture('change-errors'));
		expect(errors[0]).toEqual({
			event: 'error',
			code: 131000,
			title: 'Something went wrong',
			message: 'Something went wrong',
			details: 'Message failed to send due to an unknown error.',
			hint: expect.stringContaining('internal error'),
			wabaId: '104996122399160',
			businessPhoneNumberId: '106540352242922',
			businessDisplayPhoneNumber: '15550783881',
		});
		expect(errors[1].code).toBe(130472);
	});

	it('changes of other fields are ignored, even when they carry statuses', () => {
		expect(counts(webhookFixture('unknown-field-account-update'))).toEqual({
			messages: 0,
			statuses: 0,
			errors: 0,
			ignored: 2,
		});
	});

	it('a change that names no field is read as a messages change', () => {
		const body = webhookFixture('message-text');
		delete body.entry[0].changes[0].field;
		expect(counts(body)).toEqual(ONE_MESSAGE);
	});

	it.each(junkBodies().map(({ name, body }) => [name, body]))(
		'junk (%s) gives no items',
		(_name, body) => {
			const result = parseWebhook(body);
			expect([result.messages, result.statuses, result.errors]).toEqual([[], [], []]);
		},
	);

	it('blank bodies count nothing as ignored; anything else that is not an envelope counts as one', () => {
		expect([null, undefined, '', '  \n'].map((body) => parseWebhook(body).ignored)).toEqual([
			0, 0, 0, 0,
		]);
		expect(
			[[], 'not json', {}, { object: 'page' }, { entry: 'x' }, 42].map(
				(body) => parseWebhook(body).ignored,
			),
		).toEqual([1, 1, 1, 1, 1, 1]);
	});

	it('malformed entries, changes and items are skipped one by one, and counted', () => {
		const byName = new Map(junkBodies().map(({ name, body }) => [name, body]));
		expect(counts(byName.get('entries without changes'))).toMatchObject({ ignored: 2 });
		expect(counts(byName.get('changes without values'))).toMatchObject({ ignored: 4 });
		// 5 messages, 3 statuses and 3 errors, none usable
		expect(counts(byName.get('lists of the wrong things'))).toMatchObject({ ignored: 11 });
	});

	it('good items are kept beside malformed ones in the same change', () => {
		const body = webhookFixture('message-text');
		(firstValue(body).messages as unknown[]).unshift(null, {
			type: 'text',
			text: { body: 'no id' },
		});
		expect(counts(body)).toEqual({ ...ONE_MESSAGE, ignored: 2 });
	});

	it('a body given as JSON text is parsed', () => {
		expect(counts(JSON.stringify(webhookFixture('message-text')))).toEqual(ONE_MESSAGE);
	});

	it('a body given as JSON encoded twice is parsed', () => {
		expect(counts(JSON.stringify(JSON.stringify(webhookFixture('message-text'))))).toEqual(
			ONE_MESSAGE,
		);
	});

	it('a body given as a Buffer is decoded as UTF-8', () => {
		const { messages } = parseWebhook(
			Buffer.from(JSON.stringify(webhookFixture('message-reaction'))),
		);
		expect(messages[0].reaction?.emoji).toBe('👍');
	});

	it('a serialised Buffer ({ type: "Buffer", data }) is decoded too', () => {
		const serialised = JSON.parse(
			JSON.stringify(Buffer.from(JSON.stringify(webhookFixture('message-text')))),
		);
		expect(counts(serialised)).toEqual(ONE_MESSAGE);
	});

	it('a bare change value (the On-Premise shape) is read as one change without receiving number', () => {
		const value: Record<string, unknown> = { ...firstValue(webhookFixture('message-text')) };
		delete value.metadata;
		const { messages } = parseWebhook(value);
		expect(messages[0]).toMatchObject({
			from: '16315551181',
			contactName: 'Jane Doe',
			text: 'Hello, is my order on its way?',
		});
		expect(messages[0]).not.toHaveProperty('businessPhoneNumberId');
	});

	it('numbers sent as numbers instead of strings are read as the same strings', () => {
		const body = webhookFixture('message-text');
		const value = firstValue(body);
		body.entry[0].id = 104996122399160;
		value.metadata.phone_number_id = 106540352242922;
		value.contacts[0].wa_id = 16315551181;
		value.messages[0].from = 16315551181;
		value.messages[0].timestamp = 1717000000;
		expect(parseWebhook(body).messages[0]).toMatchObject({
			wabaId: '104996122399160',
			businessPhoneNumberId: '106540352242922',
			from: '16315551181',
			contactName: 'Jane Doe',
			timestamp: '2024-05-29T16:26:40.000Z',
			timestampUnix: 1717000000,
		});
	});

	it('a missing or unreadable timestamp is left out', () => {
		const body = webhookFixture('message-text');
		const value = firstValue(body);
		value.messages.push({ ...value.messages[0], id: 'wamid.second', timestamp: 'yesterday' });
		delete value.messages[0].timestamp;
		for (const item of parseWebhook(body).messages) {
			expect(item).not.toHaveProperty('timestamp');
			expect(item).not.toHaveProperty('timestampUnix');
		}
	});

	it('items carry no raw data unless asked', () => {
		const { messages, statuses, errors } = parseWebhook(webhookFixture('batch-two-entries'));
		for (const item of [...messages, ...statuses, ...errors])
			expect(item).not.toHaveProperty('raw');
	});

	it('includeRaw adds the received message with its change contacts and metadata', () => {
		const body = webhookFixture('message-text');
		const value = firstValue(body);
		const [item] = parseWebhook(body, { includeRaw: true }).messages;
		expect(item.raw).toEqual({
			message: value.messages[0],
			contacts: value.contacts,
			metadata: value.metadata,
		});
		expect(item.raw?.message).not.toBe(value.messages[0]);
	});

	it('includeRaw adds the received status and change error with their metadata', () => {
		const statusBody = webhookFixture('status-failed-131047');
		const [status] = parseWebhook(statusBody, { includeRaw: true }).statuses;
		expect(status.raw).toEqual({
			status: firstValue(statusBody).statuses[0],
			metadata: firstValue(statusBody).metadata,
		});
		const errorBody = webhookFixture('change-errors');
		const [error] = parseWebhook(errorBody, { includeRaw: true }).errors;
		expect(error.raw).toMatchObject({
			error: { code: 131000 },
			metadata: { phone_number_id: '106540352242922' },
		});
	});

	it('items of the same change never share their raw data', () => {
		const { messages } = parseWebhook(webhookFixture('batch-two-entries'), { includeRaw: true });
		expect(messages[0].raw?.metadata).toEqual(messages[1].raw?.metadata);
		expect(messages[0].raw?.metadata).not.toBe(messages[1].raw?.metadata);
	});

	it('an object whose getters throw gives what was read before, never an exception', () => {
		const body = webhookFixture('batch-two-entries');
		Object.defineProperty(body.entry[1], 'changes', {
			get() {
				throw new Error('hostile');
			},
		});
		expect(counts(body)).toEqual({ messages: 2, statuses: 1, errors: 0, ignored: 1 });
	});
});
