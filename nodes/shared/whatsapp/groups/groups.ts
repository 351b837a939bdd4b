/**
 * The Groups API (360dialog docs messaging-api/api-reference/groups and waba-messaging/groups/group-management;
 * Meta, "Groups API" › Group management): the bodies of its calls, checked against WhatsApp's rules first,
 * and its answers read back. Groups belong to Official Business Accounts, are invite-only and hold at most
 * eight participants besides the business.
 */
import { asRecord } from '../json';
import type { JsonRecord } from '../json';
import { normalizePhoneNumber } from '../phone';
import {
	checkLength,
	findDuplicate,
	optionalLength,
	PayloadError,
	requireText,
} from '../validation';

export const GROUP_LIMITS = {
	subject: 128,
	description: 2048,
	participants: 8,
} as const;

export const JOIN_APPROVAL_MODES = ['approval_required', 'auto_approve'] as const;
export type JoinApprovalMode = (typeof JOIN_APPROVAL_MODES)[number];

/**
 * A group id as a webhook or List Active Groups gave it: opaque, base64-like, and put into the path of
 * every group call, so anything that could change the path is refused.
 */
export function requireGroupId(value: unknown, field = 'groupId'): string {
	const id = requireText(
		typeof value === 'number' ? String(value) : value,
		field,
		'Group ID',
	).trim();
	if (!/^[A-Za-z0-9_=-]+$/.test(id)) {
		throw new PayloadError(
			`"${id}" is not a group ID`,
			field,
			'Use the group ID exactly as a group webhook or Group → List Active Groups gave it (letters and digits, such as Y2FwaV9ncm91cDox…).',
		);
	}
	return id;
}

/** The path of a group, or of one of its parts (`invite_link`, `join_requests`, `participants`). */
export function groupPath(groupId: string, part?: string): string {
	const base = `/groups/${encodeURIComponent(requireGroupId(groupId))}`;
	return part ? `${base}/${part}` : base;
}

function requireSubject(value: unknown): string {
	const subject = requireText(value, 'subject', 'Subject').trim();
	return checkLength(subject, GROUP_LIMITS.subject, 'subject', 'Subject');
}

export interface NewGroup {
	subject: unknown;
	description?: string;
	joinApprovalMode?: string;
}

/** POST /groups: subject, optional description, and whether joining needs the business's approval. */
export function buildCreateGroupBody(group: NewGroup): JsonRecord {
	const body: JsonRecord = {
		messaging_product: 'whatsapp',
		subject: requireSubject(group.subject),
	};
	const description = optionalLength(
		group.description,
		GROUP_LIMITS.description,
		'description',
		'Description',
	);
	if (description !== undefined) body.description = description;
	const mode = group.joinApprovalMode;
	if (mode) {
		if (!(JOIN_APPROVAL_MODES as readonly string[]).includes(mode)) {
			throw new PayloadError(
				`"${mode}" is not a join approval mode`,
				'joinApprovalMode',
				`Use one of: ${JOIN_APPROVAL_MODES.join(', ')}.`,
			);
		}
		body.join_approval_mode = mode;
	}
	return body;
}

export interface GroupChanges {
	subject?: string;
	description?: string;
	/** Whether a new picture goes with the change. */
	picture?: boolean;
}

/** POST /groups/{id}: the fields that change; at least one must. */
export function buildUpdateGroupFields(changes: GroupChanges): Record<string, string> {
	const fields: Record<string, string> = { messaging_product: 'whatsapp' };
	if (changes.subject !== undefined && changes.subject.trim() !== '')
		fields.subject = requireSubject(changes.subject);
	const description = optionalLength(
		changes.description,
		GROUP_LIMITS.description,
		'description',
		'Description',
	);
	if (description !== undefined) fields.description = description;
	if (Object.keys(fields).length === 1 && !changes.picture) {
		throw new PayloadError(
			'Nothing to update',
			'updateFields',
			'Add a new subject, a description or a picture under "Update Fields".',
		);
	}
	return fields;
}

/** A participant as the platform names one: a phone number (`user`) or a business-scoped user id (`user_id`). */
export type Participant = { user: string } | { user_id: string };

const BUSINESS_SCOPED_ID = /^[A-Z]{2}\.[A-Za-z0-9.]+$/;

/** Participants given as a list or as text separated by commas, semicolons or new lines; at most eight. */
export function readParticipants(value: unknown, field = 'participants'): Participant[] {
	const entries = Array.isArray(value) ? value : String(value ?? '').split(/[,;\n]/);
	const given = entries.map((entry) => String(entry ?? '').trim()).filter(Boolean);
	if (given.length === 0) {
		throw new PayloadError(
			'No participant was given',
			field,
			'Fill in the phone numbers (with country code) or user IDs of the participants, separated by commas.',
		);
	}
	if (given.length > GROUP_LIMITS.participants) {
		throw new PayloadError(
			`${given.length} participants were given; a group has at most ${GROUP_LIMITS.participants}`,
			field,
			'Split the list over several items.',
		);
	}
	const participants = given.map(
		(entry): Participant =>
			BUSINESS_SCOPED_ID.test(entry)
				? { user_id: entry }
				: { user: normalizePhoneNumber(entry, field) },
	);
	const keys = participants.map((participant) => Object.values(participant)[0]);
	const twice = findDuplicate(keys);
	if (twice) {
		throw new PayloadError(
			`Participant ${keys[twice[0]]} is listed twice`,
			field,
			'Remove the duplicate from the list.',
		);
	}
	return participants;
}

export function buildParticipantsBody(participants: Participant[]): JsonRecord {
	return { messaging_product: 'whatsapp', participants };
}

/** Join request ids given as a list or as text separated by commas; the platform names them in its webhooks. */
export function readJoinRequestIds(value: unknown, field = 'joinRequestIds'): string[] {
	const entries = Array.isArray(value) ? value : String(value ?? '').split(/[,;\n]/);
	const ids = [...new Set(entries.map((entry) => String(entry ?? '').trim()).filter(Boolean))];
	if (ids.length === 0) {
		throw new PayloadError(
			'No join request was given',
			field,
			'Fill in one or more join request IDs, from Group → List Join Requests or a join request webhook.',
		);
	}
	return ids;
}

export function buildJoinRequestsBody(ids: string[]): JsonRecord {
	return { messaging_product: 'whatsapp', join_requests: ids };
}

export interface GroupSummary {
	groupId: string;
	subject?: string;
	createdAt?: number;
}

export interface Page<T> {
	entries: T[];
	/** The cursor of the next page, when there is one. */
	after?: string;
}

function nextCursor(root: JsonRecord): string | undefined {
	const paging = asRecord(root.paging);
	const after = asRecord(paging?.cursors)?.after;
	return paging?.next && typeof after === 'string' ? after : undefined;
}

function optionalNumber(value: unknown): number | undefined {
	const number = Number(value);
	return value !== undefined && value !== null && Number.isFinite(number) ? number : undefined;
}

/** A page of GET /groups: `data.groups[]` (an object around the list, unlike most Graph lists). */
export function readGroupsPage(answer: unknown): Page<GroupSummary> {
	const root = asRecord(answer) ?? {};
	const data = asRecord(root.data);
	const groups = Array.isArray(data?.groups)
		? data.groups
		: Array.isArray(root.data)
			? root.data
			: [];
	const entries = groups.flatMap((raw): GroupSummary[] => {
		const group = asRecord(raw);
		if (!group || typeof group.id !== 'string') return [];
		return [
			{
				groupId: group.id,
				...(typeof group.subject === 'string' ? { subject: group.subject } : {}),
				...(optionalNumber(group.created_at) !== undefined
					? { createdAt: optionalNumber(group.created_at) }
					: {}),
			},
		];
	});
	const after = entries.length > 0 ? nextCursor(root) : undefined;
	return { entries, ...(after ? { after } : {}) };
}

export interface JoinRequest {
	joinRequestId: string;
	waId?: string;
	userId?: string;
	createdAt?: number;
}

/** A page of GET /groups/{id}/join_requests: `data[]` of `{ join_request_id, wa_id, creation_timestamp }`. */
export function readJoinRequestsPage(answer: unknown): Page<JoinRequest> {
	const root = asRecord(answer) ?? {};
	const data = Array.isArray(root.data) ? root.data : [];
	const entries = data.flatMap((raw): JoinRequest[] => {
		const request = asRecord(raw);
		if (!request || request.join_request_id === undefined) return [];
		return [
			{
				joinRequestId: String(request.join_request_id),
				...(request.wa_id !== undefined ? { waId: String(request.wa_id) } : {}),
				...(typeof request.user_id === 'string' ? { userId: request.user_id } : {}),
				...(optionalNumber(request.creation_timestamp) !== undefined
					? { createdAt: optionalNumber(request.creation_timestamp) }
					: {}),
			},
		];
	});
	const after = entries.length > 0 ? nextCursor(root) : undefined;
	return { entries, ...(after ? { after } : {}) };
}

export interface GroupDetails {
	groupId: string;
	subject?: string;
	description?: string;
	joinApprovalMode?: string;
	suspended?: boolean;
	createdAt?: number;
	participantCount?: number;
	participants: Array<{ waId?: string; userId?: string }>;
}

/** GET /groups/{id}: the group's settings and participants, in the node's field names. */
export function readGroupDetails(answer: unknown, groupId: string): GroupDetails {
	const group = asRecord(answer) ?? {};
	const participants = Array.isArray(group.participants) ? group.participants : [];
	return {
		groupId: typeof group.id === 'string' ? group.id : groupId,
		...(typeof group.subject === 'string' ? { subject: group.subject } : {}),
		...(typeof group.description === 'string' ? { description: group.description } : {}),
		...(typeof group.join_approval_mode === 'string'
			? { joinApprovalMode: group.join_approval_mode }
			: {}),
		...(typeof group.suspended === 'boolean' ? { suspended: group.suspended } : {}),
		...(optionalNumber(group.creation_timestamp) !== undefined
			? { createdAt: optionalNumber(group.creation_timestamp) }
			: {}),
		...(optionalNumber(group.total_participant_count) !== undefined
			? { participantCount: optionalNumber(group.total_participant_count) }
			: {}),
		participants: participants.flatMap((raw) => {
			const participant = asRecord(raw);
			if (!participant) return [];
			return [
				{
					...(participant.wa_id !== undefined ? { waId: String(participant.wa_id) } : {}),
					...(typeof participant.user_id === 'string' ? { userId: participant.user_id } : {}),
				},
			];
		}),
	};
}

/** `{ invite_link }` of GET and POST /groups/{id}/invite_link. */
export function readInviteLink(answer: unknown): string | undefined {
	const link = asRecord(answer)?.invite_link;
	return typeof link === 'string' ? link : undefined;
}

export interface JoinRequestOutcome {
	done: string[];
	failed: Array<{ joinRequestId: string; message: string }>;
}

/** The answer to approving (`approved_join_requests`) or rejecting (`rejected_join_requests`) join requests. */
export function readJoinRequestOutcome(
	answer: unknown,
	list: 'approved_join_requests' | 'rejected_join_requests',
): JoinRequestOutcome {
	const root = asRecord(answer) ?? {};
	const done = Array.isArray(root[list]) ? (root[list] as unknown[]) : [];
	const failed = Array.isArray(root.failed_join_requests) ? root.failed_join_requests : [];
	return {
		done: done.map((entry) => String(asRecord(entry)?.join_request_id ?? entry)),
		failed: failed.map((entry) => {
			const record = asRecord(entry) ?? {};
			const error = asRecord((record.errors as unknown[] | undefined)?.[0]) ?? {};
			return {
				joinRequestId: String(record.join_request_id ?? entry),
				message: String(error.message ?? record.message ?? 'No reason given'),
			};
		}),
	};
}

/** The participants a removal failed for, with the platform's reason: `failed_participants[]`. */
export function readFailedParticipants(answer: unknown): Array<{ user: string; message: string }> {
	const failed = asRecord(answer)?.failed_participants;
	if (!Array.isArray(failed)) return [];
	return failed.map((entry) => {
		const record = asRecord(entry) ?? {};
		const error = asRecord((record.errors as unknown[] | undefined)?.[0]) ?? {};
		return {
			user: String(record.user ?? record.user_id ?? record.wa_id ?? record.input ?? '?'),
			message: String(error.message ?? 'No reason given'),
		};
	});
}
