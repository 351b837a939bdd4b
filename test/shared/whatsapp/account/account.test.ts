import {
	buildBlockUsersBody,
	describeFailedUsers,
	readBlockedUsersPage,
	readBlockUsersAnswer,
	readUserList,
} from '../../../../nodes/shared/whatsapp/account/blockedUsers';
import {
	buildBusinessProfileUpdate,
	checkProfilePhoto,
	toBusinessProfileItem,
} from '../../../../nodes/shared/whatsapp/account/businessProfile';
import { summarizeHealthStatus } from '../../../../nodes/shared/whatsapp/account/healthStatus';
import { toPhoneNumberItem } from '../../../../nodes/shared/whatsapp/account/phoneNumber';
import {
	readUploadHandle,
	readUploadSession,
} from '../../../../nodes/shared/whatsapp/resumableUpload';
import { PayloadError } from '../../../../nodes/shared/whatsapp/validation';

describe('summarizeHealthStatus', () => {
	test('says per entity whether it can send, with the reasons as lines', () => {
		const summary = summarizeHealthStatus({
			health_status: {
				can_send_message: 'BLOCKED',
				entities: [
					{
						entity_type: 'PHONE_NUMBER',
						id: '1',
						can_send_message: 'LIMITED',
						additional_info: ['Messaging limit of 250 reached'],
					},
					{
						entity_type: 'WABA',
						id: '2',
						can_send_message: 'BLOCKED',
						errors: [
							{
								error_code: 141006,
								error_description: 'There is an error with the payment method.',
								possible_solution: 'Add a new payment method.',
							},
						],
					},
					{ entity_type: 'BUSINESS', id: '3', can_send_message: 'AVAILABLE' },
				],
			},
			id: '1',
		});
		expect(summary).toMatchObject({
			canSendMessage: 'BLOCKED',
			canSend: false,
			phoneNumberId: '1',
			phoneNumber: { canSendMessage: 'LIMITED', canSend: true },
			waba: {
				canSend: false,
				errors: [
					{
						code: 141006,
						description: 'There is an error with the payment method.',
						solution: 'Add a new payment method.',
					},
				],
			},
			business: { canSend: true, errors: [], additionalInfo: [] },
		});
		expect(summary.reasons).toEqual([
			'PHONE_NUMBER LIMITED: Messaging limit of 250 reached',
			'WABA BLOCKED (#141006): There is an error with the payment method. — Add a new payment method.',
		]);
	});

	test('an answer without health is UNKNOWN and cannot send', () => {
		expect(summarizeHealthStatus({})).toEqual({
			canSendMessage: 'UNKNOWN',
			canSend: false,
			reasons: [],
		});
	});
});

describe('business profile', () => {
	test('an update holds only the fields given', () => {
		expect(
			buildBusinessProfileUpdate({ about: 'Open 9-5', websites: [' https://e.com ', ''] }),
		).toEqual({ messaging_product: 'whatsapp', about: 'Open 9-5', websites: ['https://e.com'] });
		expect(buildBusinessProfileUpdate({ email: '', profilePictureHandle: '4:h' })).toEqual({
			messaging_product: 'whatsapp',
			email: '',
			profile_picture_handle: '4:h',
		});
	});

	test.each([
		['an empty about', { about: ' ' }, 'about'],
		['an about of 140 characters', { about: 'a'.repeat(140) }, 'about'],
		['an email that is not one', { email: 'info at example' }, 'email'],
		['three websites', { websites: ['https://a.io', 'https://b.io', 'https://c.io'] }, 'websites'],
		['a website without scheme', { websites: ['example.com'] }, 'websites'],
		['an unknown industry', { vertical: 'BIKES' }, 'vertical'],
		['nothing at all', {}, 'updateFields'],
	])('refuses %s', (_label, update, field) => {
		expect(() => buildBusinessProfileUpdate(update)).toThrow(
			expect.objectContaining({ field, name: 'PayloadError' }),
		);
	});

	test('a profile photo is a JPEG or PNG up to 5 MB', () => {
		expect(checkProfilePhoto({ bytes: Buffer.alloc(10), mimeType: 'image/jpg' })).toBe(
			'image/jpeg',
		);
		expect(() => checkProfilePhoto({ bytes: Buffer.alloc(10), mimeType: 'image/gif' })).toThrow(
			PayloadError,
		);
		expect(() =>
			checkProfilePhoto({ bytes: Buffer.alloc(5 * 1024 * 1024 + 1), mimeType: 'image/png' }),
		).toThrow(/5 MB/);
	});

	test('the profile item renames the photo URL and always has a websites list', () => {
		expect(
			toBusinessProfileItem({
				data: [{ about: 'Hi', profile_picture_url: 'https://p', messaging_product: 'whatsapp' }],
			}),
		).toEqual({ about: 'Hi', websites: [], profilePictureUrl: 'https://p' });
	});
});

describe('block list', () => {
	test('users come from text or a list, normalised and once each', () => {
		expect(readUserList('+49 151 1234567, 4915112345678\n+49 (151) 1234567')).toEqual([
			'491511234567',
			'4915112345678',
		]);
		expect(readUserList(['+49 151 1234567'])).toEqual(['491511234567']);
		expect(() => readUserList(' , ')).toThrow(expect.objectContaining({ field: 'users' }));
		expect(() => readUserList('call me')).toThrow(PayloadError);
		expect(buildBlockUsersBody(['1'])).toEqual({
			messaging_product: 'whatsapp',
			block_users: [{ user: '1' }],
		});
	});

	test('an answer is read per user, failures with their reason', () => {
		const result = readBlockUsersAnswer(
			{
				block_users: {
					added_users: [{ input: '1', wa_id: '1' }],
					failed_users: [
						{
							input: '2',
							wa_id: '2',
							errors: [
								{
									message: 'Re-engagement required',
									code: 131047,
									error_data: { details: 'User has not messaged in the last 24 hours' },
								},
							],
						},
					],
				},
			},
			'added_users',
		);
		expect(result).toEqual({
			done: [{ input: '1', waId: '1' }],
			failed: [
				{
					input: '2',
					waId: '2',
					code: 131047,
					message: 'Re-engagement required: User has not messaged in the last 24 hours',
				},
			],
		});
		expect(describeFailedUsers(result.failed)).toContain('last 24 hours can be blocked');
	});

	test('a page gives its users and the cursor of the next page only when there is one', () => {
		expect(
			readBlockedUsersPage({
				data: [{ block_users: [{ input: '1', wa_id: '1' }] }],
				paging: { cursors: { after: 'QQ' }, next: '/block_users?after=QQ' },
			}),
		).toEqual({ users: [{ input: '1', waId: '1' }], after: 'QQ' });
		expect(
			readBlockedUsersPage({ data: [{ wa_id: '2' }], paging: { cursors: { after: 'QQ' } } }),
		).toEqual({ users: [{ waId: '2' }] });
	});
});

describe('phone number and uploads', () => {
	test('the phone number item names the fields for n8n and keeps the rest', () => {
		expect(
			toPhoneNumberItem({
				id: '100',
				display_phone_number: '+1 555-000-1111',
				verified_name: 'Shop',
				quality_rating: 'GREEN',
				platform_type: 'CLOUD_API',
			}),
		).toEqual({
			phoneNumber: '15550001111',
			displayPhoneNumber: '+1 555-000-1111',
			phoneNumberId: '100',
			verifiedName: 'Shop',
			qualityRating: 'GREEN',
			platform_type: 'CLOUD_API',
		});
		expect(toPhoneNumberItem({ phone_number: '4930123' })).toEqual({
			phoneNumber: '4930123',
			displayPhoneNumber: '4930123',
		});
	});

	test('upload answers are read from JSON, text or bytes', () => {
		expect(readUploadSession({ id: 'upload:abc' })).toBe('upload:abc');
		expect(readUploadSession('{"id":"upload:abc"}')).toBe('upload:abc');
		expect(readUploadSession({ id: 'abc' })).toBeUndefined();
		expect(readUploadHandle(Buffer.from('{"h":"4:x"}'))).toBe('4:x');
		expect(readUploadHandle({})).toBeUndefined();
	});
});
