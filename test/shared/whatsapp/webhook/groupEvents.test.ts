import { GROUP_ID, NUMBER, parseKind } from './kinds';

describe('item shape 2: group events', () => {
	it('a group creation is one item with the group id, subject, invite link and approval mode', () => {
		expect(parseKind('group-lifecycle-update').events).toEqual([
			{
				itemType: 'event',
				field: 'group_lifecycle_update',
				kind: 'groupLifecycleUpdate',
				groupId: GROUP_ID,
				type: 'group_create',
				requestId: 'req-0001',
				subject: 'Tour group',
				inviteLink: 'https://chat.whatsapp.com/EXAMPLE0001',
				joinApprovalMode: 'approval_required',
				timestamp: '2025-12-06T06:03:20.000Z',
				timestampUnix: 1765001000,
				...NUMBER,
			},
		]);
	});

	it('a join request and an added participant are one item each', () => {
		const { events } = parseKind('group-participants-update');
		expect(events).toEqual([
			{
				itemType: 'event',
				field: 'group_participants_update',
				kind: 'groupParticipantsUpdate',
				groupId: GROUP_ID,
				type: 'group_join_request_created',
				joinRequestId: 'jr-0001',
				waId: '4915112345678',
				userId: 'DE.13491208655302741918',
				timestamp: '2025-12-06T06:05:00.000Z',
				timestampUnix: 1765001100,
				...NUMBER,
			},
			expect.objectContaining({
				type: 'group_participants_add',
				reason: 'invite_link',
				addedParticipants: [{ waId: '4915187654321', userId: 'DE.24817305912873645029' }],
			}),
		]);
	});

	it('a settings update keeps what changed and whether it took', () => {
		const [event] = parseKind('group-settings-update').events;
		expect(event).toMatchObject({
			kind: 'groupSettingsUpdate',
			groupId: GROUP_ID,
			groupSubject: { text: 'Tour group (Sunday)', updateSuccessful: true },
			groupDescription: { text: 'Meeting point: the station', updateSuccessful: true },
		});
	});

	it('a status update (suspension) is one item', () => {
		const [event] = parseKind('group-status-update').events;
		expect(event).toMatchObject({
			kind: 'groupStatusUpdate',
			groupId: GROUP_ID,
			type: 'group_suspend',
		});
	});
});
