/**
 * The block list (POST, DELETE and GET /block_users): the users of a call, read from what a person typed or an
 * expression gave, and the answers read back per user.
 */
import { asRecord } from '../json';
import type { JsonRecord } from '../json';
import { normalizePhoneNumber } from '../phone';
import { PayloadError } from '../validation';

/** Users per call, as the platform allows. */
export const MAX_USERS_PER_CALL = 1000;

export interface BlockedUser {
	input?: string;
	waId?: string;
}

export interface FailedUser extends BlockedUser {
	code?: number;
	message: string;
}

/** Phone numbers given as a list, or as text separated by commas, semicolons or new lines. */
export function readUserList(value: unknown): string[] {
	const entries = Array.isArray(value) ? value : String(value ?? '').split(/[,;\n]/);
	const users = entries.map((entry) => String(entry ?? '').trim()).filter(Boolean);
	if (users.length === 0) {
		throw new PayloadError(
			'No user was given',
			'users',
			'Fill in one or more WhatsApp numbers with country code, separated by commas; from the 360dialog Trigger: {{ $json.from }}.',
		);
	}
	if (users.length > MAX_USERS_PER_CALL) {
		throw new PayloadError(
			`${users.length} users were given; one call takes at most ${MAX_USERS_PER_CALL}`,
			'users',
			'Split the list over several items.',
		);
	}
	return [...new Set(users.map((user) => normalizePhoneNumber(user, 'users')))];
}

export function buildBlockUsersBody(users: string[]): JsonRecord {
	return { messaging_product: 'whatsapp', block_users: users.map((user) => ({ user })) };
}

function userOf(raw: unknown): BlockedUser {
	const record = asRecord(raw) ?? {};
	return {
		...(record.input !== undefined ? { input: String(record.input) } : {}),
		...(record.wa_id !== undefined ? { waId: String(record.wa_id) } : {}),
	};
}

function failedOf(raw: unknown): FailedUser {
	const error = asRecord((asRecord(raw)?.errors as unknown[] | undefined)?.[0]) ?? {};
	const details = asRecord(error.error_data)?.details;
	const code = Number(error.code);
	return {
		...userOf(raw),
		...(Number.isFinite(code) ? { code } : {}),
		message: [error.message, details].filter(Boolean).join(': ') || 'No reason given',
	};
}

/** The users a block or unblock went through for (`added_users` / `removed_users`) and those it failed for. */
export function readBlockUsersAnswer(
	answer: unknown,
	list: 'added_users' | 'removed_users',
): { done: BlockedUser[]; failed: FailedUser[] } {
	const lists = asRecord(asRecord(answer)?.block_users) ?? {};
	const done = Array.isArray(lists[list]) ? (lists[list] as unknown[]) : [];
	const failed = Array.isArray(lists.failed_users) ? lists.failed_users : [];
	return { done: done.map(userOf), failed: failed.map(failedOf) };
}

/** What a user gets told when some users of a call were not blocked, and why. */
export function describeFailedUsers(failed: FailedUser[]): string {
	return failed
		.map((user) => {
			const hint =
				user.code === 131047
					? ' (only users who wrote to this number in the last 24 hours can be blocked)'
					: '';
			return `${user.input ?? user.waId}: ${user.message}${hint}`;
		})
		.join('; ');
}

export interface BlockedUsersPage {
	users: BlockedUser[];
	/** The cursor of the next page, when there is one. */
	after?: string;
}

/** A page of GET /block_users: `data[].block_users[]` (also `data[]` of users), and the next cursor. */
export function readBlockedUsersPage(answer: unknown): BlockedUsersPage {
	const root = asRecord(answer) ?? {};
	const data = Array.isArray(root.data) ? root.data : [];
	const users = data.flatMap((entry) => {
		const nested = asRecord(entry)?.block_users;
		return Array.isArray(nested) ? nested.map(userOf) : [userOf(entry)];
	});
	const paging = asRecord(root.paging);
	const after = asRecord(paging?.cursors)?.after;
	return {
		users: users.filter((user) => user.waId !== undefined || user.input !== undefined),
		...(paging?.next && typeof after === 'string' ? { after } : {}),
	};
}
