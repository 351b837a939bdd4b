/**
 * The emulator's Groups API: 360dialog's paths under /groups with Meta's bodies and webhooks, the Official
 * Business Account rules (at most eight participants, invite-only) and the join-request control route.
 */
import {
	api,
	control,
	CUSTOMER,
	PHONE_NUMBER_ID,
	sendMessage,
	startWithReceiver,
	stopWithReceiver,
	TEST_NUMBER,
	WABA_ID,
} from './testkit';
import type { Emulator } from '../../emulator/index';
import type { RecordingServer } from '../helpers/recordingServer';

let emu: Emulator;
let receiver: RecordingServer;
beforeEach(async () => {
	({ emu, receiver } = await startWithReceiver({ numbers: [TEST_NUMBER], statusGapMs: 5 }));
});
afterEach(async () => await stopWithReceiver(emu, receiver));

const groupChanges = (field: string) =>
	receiver.requests
		.map((request) => request.json as any)
		.flatMap((body) => body.entry[0].changes)
		.filter((change: any) => change.field === field)
		.map((change: any) => change.value.groups[0]);

async function createGroup(mode = 'approval_required'): Promise<string> {
	const answer = await api(emu, 'POST', '/groups', {
		body: { messaging_product: 'whatsapp', subject: ' Linen club ', join_approval_mode: mode },
	});
	expect(answer.status).toBe(200);
	expect(answer.json).toEqual({ messaging_product: 'whatsapp', request_id: expect.any(String) });
	const created = await emu.waitFor(() =>
		groupChanges('group_lifecycle_update').find(
			(g: any) => g.request_id === answer.json.request_id,
		),
	);
	return created.group_id;
}

test('create answers a request id; the group id and invite link come in group_lifecycle_update', async () => {
	await createGroup();
	const [created] = groupChanges('group_lifecycle_update');
	expect(created).toEqual({
		timestamp: expect.stringMatching(/^\d+$/),
		group_id: expect.stringMatching(/^Y2FwaV9ncm91cD/),
		type: 'group_create',
		request_id: expect.any(String),
		subject: 'Linen club',
		invite_link: expect.stringMatching(/^https:\/\/chat\.whatsapp\.com\//),
		join_approval_mode: 'approval_required',
	});
	const [delivery] = receiver.requests;
	expect((delivery.json as any).entry[0]).toMatchObject({
		id: WABA_ID,
		changes: [
			{
				field: 'group_lifecycle_update',
				value: { metadata: { phone_number_id: PHONE_NUMBER_ID } },
			},
		],
	});
});

test('create refuses a missing or too long subject and an unknown approval mode', async () => {
	const post = (body: Record<string, unknown>) =>
		api(emu, 'POST', '/groups', { body: { messaging_product: 'whatsapp', ...body } });
	expect((await post({})).json.error.error_data.details).toBe("Parameter 'subject' is required");
	expect((await post({ subject: 'x'.repeat(129) })).status).toBe(400);
	expect((await post({ subject: 'a', join_approval_mode: 'open' })).status).toBe(400);
});

test('list gives data.groups[] with cursors; get gives the asked fields only', async () => {
	const groupId = await createGroup('auto_approve');
	const list = await api(emu, 'GET', '/groups?limit=10');
	expect(list.json.data.groups).toEqual([
		{ id: groupId, subject: 'Linen club', created_at: expect.any(Number) },
	]);
	const info = await api(emu, 'GET', `/groups/${groupId}?fields=subject,total_participant_count`);
	expect(info.json).toEqual({
		messaging_product: 'whatsapp',
		id: groupId,
		subject: 'Linen club',
		total_participant_count: 0,
	});
	expect((await api(emu, 'GET', '/groups/Y2FwaV9ncm91cDpub25l')).json.error.code).toBe(131041);
});

test('a join request posts group_participants_update; approving it adds the participant', async () => {
	const groupId = await createGroup();
	const asked = await control(emu, 'POST', '/groups/join', { groupId, waId: CUSTOMER });
	expect(asked.status).toBe(200);
	const request = await emu.waitFor(() =>
		groupChanges('group_participants_update').find(
			(g: any) => g.type === 'group_join_request_created',
		),
	);
	expect(request).toEqual({
		timestamp: expect.any(String),
		group_id: groupId,
		type: 'group_join_request_created',
		join_request_id: asked.json.joinRequestId,
		wa_id: CUSTOMER,
	});
	const pending = await api(emu, 'GET', `/groups/${groupId}/join_requests`);
	expect(pending.json.data).toEqual([
		{
			join_request_id: asked.json.joinRequestId,
			wa_id: CUSTOMER,
			creation_timestamp: expect.any(Number),
		},
	]);
	const approved = await api(emu, 'POST', `/groups/${groupId}/join_requests`, {
		body: { messaging_product: 'whatsapp', join_requests: [asked.json.joinRequestId, 'nope'] },
	});
	expect(approved.json).toEqual({
		messaging_product: 'whatsapp',
		approved_join_requests: [asked.json.joinRequestId],
		failed_join_requests: [
			{
				join_request_id: 'nope',
				errors: [{ code: 131213, message: 'Group join request does not exist.' }],
			},
		],
	});
	const info = await api(emu, 'GET', `/groups/${groupId}?fields=participants`);
	expect(info.json.participants).toEqual([{ wa_id: CUSTOMER }]);
});

test('a group takes at most eight participants', async () => {
	const groupId = await createGroup();
	const ids: string[] = [];
	for (let n = 0; n < 9; n++)
		ids.push(
			(await control(emu, 'POST', '/groups/join', { groupId, waId: `49151000000${n}` })).json
				.joinRequestId,
		);
	const answer = await api(emu, 'POST', `/groups/${groupId}/join_requests`, {
		body: { messaging_product: 'whatsapp', join_requests: ids },
	});
	expect(answer.json.approved_join_requests).toHaveLength(8);
	expect(answer.json.failed_join_requests).toEqual([
		{
			join_request_id: ids[8],
			errors: [{ code: 131204, message: 'Group participant size exceeds limit.' }],
		},
	]);
});

test('group sends need a participant and a type groups take', async () => {
	const groupId = await createGroup('auto_approve');
	const text = { recipient_type: 'group', to: groupId, type: 'text', text: { body: 'Hi all' } };
	expect((await sendMessage(emu, text)).json.error.code).toBe(131020);
	await control(emu, 'POST', '/groups/join', { groupId, waId: CUSTOMER });
	const sent = await sendMessage(emu, text);
	expect(sent.status).toBe(200);
	expect(sent.json.contacts).toEqual([{ input: groupId }]);
	const interactive = await sendMessage(emu, {
		recipient_type: 'group',
		to: groupId,
		type: 'interactive',
		interactive: {
			type: 'button',
			body: { text: 'Pick' },
			action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] },
		},
	});
	expect(interactive.json.error.code).toBe(130501);
	expect((await sendMessage(emu, { ...text, to: 'Y2FwaV9ncm91cDpub25l' })).json.error.code).toBe(
		131041,
	);
});

test('invite links are read and reset; update, remove and delete report by webhook', async () => {
	const groupId = await createGroup('auto_approve');
	const link = (await api(emu, 'GET', `/groups/${groupId}/invite_link`)).json.invite_link;
	const reset = await api(emu, 'POST', `/groups/${groupId}/invite_link`, {
		body: { messaging_product: 'whatsapp' },
	});
	expect(reset.json.invite_link).toMatch(/^https:\/\/chat\.whatsapp\.com\//);
	expect(reset.json.invite_link).not.toBe(link);

	const updated = await api(emu, 'POST', `/groups/${groupId}`, {
		body: { messaging_product: 'whatsapp', subject: 'Linen club 2' },
	});
	expect(updated.json).toEqual({ success: true });
	expect(await emu.waitFor(() => groupChanges('group_settings_update')[0])).toMatchObject({
		group_id: groupId,
		group_subject: { text: 'Linen club 2', update_successful: true },
	});

	await control(emu, 'POST', '/groups/join', { groupId, waId: CUSTOMER });
	const participants = (users: unknown[]) =>
		api(emu, 'DELETE', `/groups/${groupId}/participants`, {
			body: { messaging_product: 'whatsapp', participants: users },
		});
	expect((await participants([{ user: CUSTOMER }, { user: `+${CUSTOMER}` }])).json.error.code).toBe(
		131202,
	);
	expect((await participants([{ user: CUSTOMER }])).json).toEqual({
		messaging_product: 'whatsapp',
		success: true,
	});
	expect(
		(await participants([{ user: CUSTOMER }])).json.failed_participants[0].errors[0].code,
	).toBe(131212);

	expect((await api(emu, 'DELETE', `/groups/${groupId}`)).json).toEqual({ success: true });
	expect(
		await emu.waitFor(() =>
			groupChanges('group_lifecycle_update').find((g: any) => g.type === 'group_delete'),
		),
	).toMatchObject({ group_id: groupId });
	expect((await api(emu, 'GET', `/groups/${groupId}/invite_link`)).json.error.code).toBe(131041);
});

test("another number's key cannot see the group", async () => {
	await emu.close();
	await receiver.close();
	({ emu, receiver } = await startWithReceiver({
		numbers: [TEST_NUMBER, { apiKey: 'other', phoneNumberId: '100000000000002' }],
		statusGapMs: 5,
	}));
	const groupId = await createGroup();
	expect(
		(await api(emu, 'GET', `/groups/${groupId}/invite_link`, { key: 'other' })).json.error.code,
	).toBe(131041);
});
