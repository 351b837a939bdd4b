import {
	buildCreateGroupBody,
	buildUpdateGroupFields,
	groupPath,
	readGroupDetails,
	readGroupsPage,
	readJoinRequestOutcome,
	readJoinRequestsPage,
	readParticipants,
	requireGroupId,
} from '../../../../nodes/shared/whatsapp/groups/groups';
import {
	checkGroupPicture,
	imageSize,
} from '../../../../nodes/shared/whatsapp/groups/groupPicture';
import { buildEnvelope } from '../../../../nodes/shared/whatsapp/messages/envelope';
import { PayloadError } from '../../../../nodes/shared/whatsapp/validation';

const GROUP = 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD';

function refusal(run: () => unknown): PayloadError {
	try {
		run();
	} catch (error) {
		if (error instanceof PayloadError) return error;
		throw error;
	}
	throw new Error('expected a PayloadError');
}

/** A PNG header of the given size. */
function png(width: number, height: number): Buffer {
	const bytes = Buffer.alloc(40);
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0);
	bytes.write('IHDR', 12, 'latin1');
	bytes.writeUInt32BE(width, 16);
	bytes.writeUInt32BE(height, 20);
	return bytes;
}

/** A JPEG with an APP0 segment before its baseline start-of-frame. */
function jpeg(width: number, height: number): Buffer {
	return Buffer.from([
		0xff,
		0xd8,
		0xff,
		0xe0,
		0x00,
		0x04,
		0x00,
		0x00,
		0xff,
		0xc0,
		0x00,
		0x11,
		0x08,
		height >> 8,
		height & 0xff,
		width >> 8,
		width & 0xff,
		0x03,
		0,
		0,
		0,
		0,
		0,
		0,
	]);
}

describe('group ids and paths', () => {
	test('a group id is used as given, under /groups/', () => {
		expect(requireGroupId(` ${GROUP} `)).toBe(GROUP);
		expect(groupPath(GROUP, 'invite_link')).toBe(`/groups/${GROUP}/invite_link`);
	});

	test('a group id that could change the path is refused', () => {
		const error = refusal(() => groupPath('abc/../media'));
		expect(error.field).toBe('groupId');
		expect(error.fix).toMatch(/List Active Groups/);
		expect(refusal(() => requireGroupId('')).message).toBe('Group ID is empty');
	});
});

describe('create and update', () => {
	test('create trims the subject and leaves out what is empty', () => {
		expect(
			buildCreateGroupBody({ subject: ' Linen club ', description: ' ', joinApprovalMode: '' }),
		).toEqual({
			messaging_product: 'whatsapp',
			subject: 'Linen club',
		});
		expect(
			buildCreateGroupBody({
				subject: 'A',
				description: 'About',
				joinApprovalMode: 'approval_required',
			}),
		).toEqual({
			messaging_product: 'whatsapp',
			subject: 'A',
			description: 'About',
			join_approval_mode: 'approval_required',
		});
	});

	test('create refuses a subject over 128 characters and an unknown approval mode', () => {
		expect(refusal(() => buildCreateGroupBody({ subject: 'x'.repeat(129) })).message).toMatch(
			/at most 128/,
		);
		expect(
			refusal(() => buildCreateGroupBody({ subject: 'A', joinApprovalMode: 'open' })).field,
		).toBe('joinApprovalMode');
		expect(refusal(() => buildCreateGroupBody({ subject: ' ' })).field).toBe('subject');
	});

	test('an update needs something to change', () => {
		expect(refusal(() => buildUpdateGroupFields({})).field).toBe('updateFields');
		expect(buildUpdateGroupFields({ picture: true })).toEqual({ messaging_product: 'whatsapp' });
		expect(
			buildUpdateGroupFields({ subject: 'New', description: 'x'.repeat(2048) }).description,
		).toHaveLength(2048);
		expect(refusal(() => buildUpdateGroupFields({ description: 'x'.repeat(2049) })).field).toBe(
			'description',
		);
	});
});

describe('participants', () => {
	test('phone numbers become { user }, business-scoped ids { user_id }', () => {
		expect(readParticipants('+49 151 12345678, US.13491208655302741918')).toEqual([
			{ user: '4915112345678' },
			{ user_id: 'US.13491208655302741918' },
		]);
	});

	test('more than eight, none, or one twice is refused', () => {
		const nine = Array.from({ length: 9 }, (_, n) => `+4915100000${n}0`);
		expect(refusal(() => readParticipants(nine)).message).toBe(
			'9 participants were given; a group has at most 8',
		);
		expect(refusal(() => readParticipants('')).field).toBe('participants');
		expect(refusal(() => readParticipants('+4915112345678, 004915112345678')).message).toBe(
			'Participant 4915112345678 is listed twice',
		);
	});
});

describe('answers', () => {
	test('a page of groups is read from data.groups[], with the next cursor only when there is a next page', () => {
		expect(
			readGroupsPage({
				data: { groups: [{ id: GROUP, subject: 'Linen club', created_at: 1750100000 }] },
				paging: { cursors: { after: 'MQ', before: 'MA' }, next: '?after=MQ' },
			}),
		).toEqual({
			entries: [{ groupId: GROUP, subject: 'Linen club', createdAt: 1750100000 }],
			after: 'MQ',
		});
		expect(
			readGroupsPage({ data: { groups: [] }, paging: { cursors: { after: 'MQ' }, next: 'x' } }),
		).toEqual({ entries: [] });
	});

	test('join requests and group details in the node field names', () => {
		expect(
			readJoinRequestsPage({
				data: [{ join_request_id: '7', wa_id: '4915112345678', creation_timestamp: '1750100000' }],
			}),
		).toEqual({ entries: [{ joinRequestId: '7', waId: '4915112345678', createdAt: 1750100000 }] });
		expect(
			readGroupDetails(
				{
					id: GROUP,
					subject: 'S',
					total_participant_count: 1,
					participants: [{ wa_id: '4915112345678' }],
					suspended: false,
				},
				GROUP,
			),
		).toEqual({
			groupId: GROUP,
			subject: 'S',
			suspended: false,
			participantCount: 1,
			participants: [{ waId: '4915112345678' }],
		});
	});

	test('approve answers name what went through and what failed, with the reason', () => {
		expect(
			readJoinRequestOutcome(
				{
					approved_join_requests: ['1'],
					failed_join_requests: [
						{
							join_request_id: '2',
							errors: [{ code: 131213, message: 'Group join request does not exist.' }],
						},
					],
				},
				'approved_join_requests',
			),
		).toEqual({
			done: ['1'],
			failed: [{ joinRequestId: '2', message: 'Group join request does not exist.' }],
		});
	});
});

describe('group pictures', () => {
	test('the size is read from PNG and JPEG headers', () => {
		expect(imageSize(png(640, 480))).toEqual({ width: 640, height: 480 });
		expect(imageSize(jpeg(300, 300))).toEqual({ width: 300, height: 300 });
		expect(imageSize(Buffer.from('GIF89a'))).toBeUndefined();
	});

	test('a picture must be a square JPEG or PNG larger than 192 pixels', () => {
		expect(checkGroupPicture({ mimeType: 'image/png', bytes: png(640, 640) })).toBe('image/png');
		expect(
			refusal(() => checkGroupPicture({ mimeType: 'image/png', bytes: png(640, 480) })).message,
		).toBe('The picture is 640 × 480 pixels; a group picture must be square');
		expect(
			refusal(() => checkGroupPicture({ mimeType: 'image/jpeg', bytes: jpeg(192, 192) })).message,
		).toMatch(/larger than 192 × 192/);
		expect(
			refusal(() => checkGroupPicture({ mimeType: 'image/gif', bytes: png(640, 640) })).message,
		).toMatch(/must be JPEG or PNG/);
	});
});

describe('sending to a group', () => {
	test('the envelope names the group in "to" with recipient_type group', () => {
		expect(buildEnvelope({ groupId: GROUP }, 'text', { body: 'Hi all' })).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'group',
			to: GROUP,
			type: 'text',
			text: { body: 'Hi all' },
		});
	});

	test('types a group cannot take are refused before sending', () => {
		const error = refusal(() => buildEnvelope({ groupId: GROUP }, 'interactive', {}));
		expect(error.message).toBe('A group cannot receive interactive messages');
		expect(error.field).toBe('recipientType');
	});
});
