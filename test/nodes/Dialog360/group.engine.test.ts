/**
 * The Group resource through n8n-core against the emulator: create, list, get, update (with a picture),
 * invite links, join requests, participants, delete, and sending a message to a group.
 */
import { ensureBinaryData, runActionNode } from '../../helpers/engine';
import { startEmulator, type Emulator } from '../../../emulator';
import { startRecordingServer, type RecordingServer } from '../../helpers/recordingServer';

const KEY = 'group-key';
const CUSTOMER = '4915112345678';
let emu: Emulator;
let receiver: RecordingServer;

beforeAll(async () => await ensureBinaryData());
beforeEach(async () => {
	emu = await startEmulator({ numbers: [{ apiKey: KEY }], statusGapMs: 5 });
	// Group events are webhooks: the number needs somewhere to post them.
	receiver = await startRecordingServer(() => ({ status: 200, body: {} }));
	emu.registerWebhook({ url: `${receiver.url}/hook` });
});
afterEach(async () => {
	await emu.close();
	await receiver.close();
});

const group = (
	operation: string,
	parameters: Record<string, unknown> = {},
	items: unknown[] = [{ json: {} }],
) =>
	runActionNode({ resource: 'group', operation, ...parameters }, items as never, {
		baseUrl: emu.url,
		apiKey: KEY,
		typeVersion: 1.1,
	});

async function control(path: string, body: unknown): Promise<Record<string, any>> {
	const answer = await fetch(`${emu.url}/_emulator${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	expect(answer.status).toBe(200);
	return (await answer.json()) as Record<string, any>;
}

async function createdGroupId(joinApprovalMode = 'approval_required'): Promise<string> {
	const { items, error } = await group('create', { subject: 'Linen club', joinApprovalMode });
	expect(error('360dialog')).toBeUndefined();
	expect(items[0].json).toEqual({
		requestId: expect.any(String),
		subject: 'Linen club',
		joinApprovalMode,
	});
	const listed = await group('list', { returnAll: true });
	return listed.items[0].json.groupId as string;
}

test('Create posts subject and approval mode; List Active Groups finds the group', async () => {
	const groupId = await createdGroupId();
	expect(emu.requests.find((r) => r.path === '/groups' && r.method === 'POST')?.body).toEqual({
		messaging_product: 'whatsapp',
		subject: 'Linen club',
		join_approval_mode: 'approval_required',
	});
	const { items } = await group('get', { groupId });
	expect(items[0].json).toEqual({
		groupId,
		subject: 'Linen club',
		joinApprovalMode: 'approval_required',
		suspended: false,
		createdAt: expect.any(Number),
		participantCount: 0,
		participants: [],
	});
});

test('a too long subject fails the item before any call, naming the field', async () => {
	const { error } = await group('create', { subject: 'x'.repeat(129) });
	expect(error('360dialog')?.message).toMatch(/at most 128/);
	expect(error('360dialog')?.description).toMatch(/\(parameter: subject\)/);
	expect(emu.requests).toHaveLength(0);
});

test('join requests are listed, approved (one output item each) and the user becomes a participant', async () => {
	const groupId = await createdGroupId();
	const asked = await control('/groups/join', { groupId, waId: CUSTOMER });
	const pending = await group('listJoinRequests', { groupId, returnAll: true });
	expect(pending.items.map((item) => item.json)).toEqual([
		{ groupId, joinRequestId: asked.joinRequestId, waId: CUSTOMER, createdAt: expect.any(Number) },
	]);
	const approved = await group('approveJoinRequests', {
		groupId,
		joinRequestIds: asked.joinRequestId,
	});
	expect(approved.items.map((item) => item.json)).toEqual([
		{ groupId, joinRequestId: asked.joinRequestId, approved: true },
	]);
	const info = await group('get', { groupId });
	expect(info.items[0].json.participants).toEqual([{ waId: CUSTOMER }]);
});

test('a join request that no longer exists fails the item and says which', async () => {
	const groupId = await createdGroupId();
	const { error } = await group('rejectJoinRequests', { groupId, joinRequestIds: '999' });
	expect(error('360dialog')?.message).toBe(
		'1 of 1 join requests could not be rejected: 999: Group join request does not exist.',
	);
});

test('a message goes to the group once someone has joined; an interactive one is refused by the node', async () => {
	const groupId = await createdGroupId('auto_approve');
	await control('/groups/join', { groupId, waId: CUSTOMER });
	const send = (parameters: Record<string, unknown>) =>
		runActionNode(
			{ resource: 'message', recipientType: 'group', groupId, ...parameters },
			[{ json: {} }],
			{
				baseUrl: emu.url,
				apiKey: KEY,
				typeVersion: 1.1,
			},
		);
	const { items, error } = await send({ operation: 'sendText', text: 'Hello, club' });
	expect(error('360dialog')).toBeUndefined();
	expect(emu.sent[0].request).toEqual({
		messaging_product: 'whatsapp',
		recipient_type: 'group',
		to: groupId,
		type: 'text',
		text: { body: 'Hello, club' },
	});
	expect(items[0].json).toMatchObject({ messageId: emu.sent[0].id, input: groupId });
	const refused = await send({
		operation: 'sendInteractive',
		interactiveType: 'button',
		bodyText: 'Pick',
		buttons: { button: [{ id: 'a', title: 'A' }] },
	});
	expect(refused.error('360dialog')?.message).toBe('A group cannot receive interactive messages');
	expect(emu.sent).toHaveLength(1);
});

test('Update changes the subject and sets a square picture as a form', async () => {
	const groupId = await createdGroupId();
	const png = Buffer.alloc(64);
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png, 0);
	png.write('IHDR', 12, 'latin1');
	png.writeUInt32BE(640, 16);
	png.writeUInt32BE(640, 20);
	const { items, error } = await group(
		'update',
		{ groupId, updateFields: { subject: 'Linen club 2', pictureBinaryPropertyName: 'data' } },
		[
			{
				json: {},
				binary: {
					data: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'club.png' },
				},
			},
		],
	);
	expect(error('360dialog')).toBeUndefined();
	expect(items[0].json).toEqual({ groupId, updated: true, subject: 'Linen club 2', picture: true });
	const request = emu.requests.find((r) => r.method === 'POST' && r.path === `/groups/${groupId}`);
	expect(request?.body).toMatchObject({
		multipart: { files: [{ field: 'profile_picture_file', contentType: 'image/png' }] },
	});
	expect((await group('get', { groupId })).items[0].json.subject).toBe('Linen club 2');
});

test('invite links: get, reset gives a new one', async () => {
	const groupId = await createdGroupId();
	const first = (await group('getInviteLink', { groupId })).items[0].json.inviteLink;
	const reset = (await group('resetInviteLink', { groupId })).items[0].json.inviteLink;
	expect(first).toMatch(/^https:\/\/chat\.whatsapp\.com\//);
	expect(reset).not.toBe(first);
	expect((await group('getInviteLink', { groupId })).items[0].json.inviteLink).toBe(reset);
});

test('Remove Participants takes the user out; removing them again fails the item with the reason', async () => {
	const groupId = await createdGroupId('auto_approve');
	await control('/groups/join', { groupId, waId: CUSTOMER });
	const removed = await group('removeParticipants', { groupId, participants: `+${CUSTOMER}` });
	expect(removed.items.map((item) => item.json)).toEqual([
		{ groupId, user: CUSTOMER, removed: true },
	]);
	const again = await group('removeParticipants', { groupId, participants: CUSTOMER });
	expect(again.error('360dialog')?.message).toBe(
		`1 of 1 participants could not be removed: ${CUSTOMER}: Participant is not a part of the group.`,
	);
});

test('Delete removes the group; a later call names the translated group error', async () => {
	const groupId = await createdGroupId();
	expect((await group('delete', { groupId })).items[0].json).toEqual({ groupId, deleted: true });
	const { error } = await group('get', { groupId });
	expect(error('360dialog')?.message).toBe(
		'The group was not found, or this number is not in it (#131041)',
	);
});
