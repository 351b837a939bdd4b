/**
 * GET /health_status as a workflow reads it: whether the number, its WhatsApp Business Account, the business
 * portfolio and the app can send, and for each that cannot fully, the platform's reasons and what to do.
 */
import { asRecord } from '../json';
import type { JsonRecord } from '../json';

export type MessagingHealth = 'AVAILABLE' | 'LIMITED' | 'BLOCKED' | string;

export interface HealthReason {
	code?: number;
	description: string;
	solution?: string;
}

export interface EntityHealth {
	id?: string;
	canSendMessage: MessagingHealth;
	canSend: boolean;
	/** BLOCKED: why, with what to do. */
	errors: HealthReason[];
	/** LIMITED: what limits it. */
	additionalInfo: string[];
}

export interface HealthSummary {
	canSendMessage: MessagingHealth;
	/** Messages go out (AVAILABLE or LIMITED). */
	canSend: boolean;
	phoneNumberId?: string;
	phoneNumber?: EntityHealth;
	waba?: EntityHealth;
	business?: EntityHealth;
	app?: EntityHealth;
	/** Every reason of every entity, one line each, e.g. "WABA BLOCKED: … — Add a payment method". */
	reasons: string[];
}

const ENTITY_KEYS: Record<string, 'phoneNumber' | 'waba' | 'business' | 'app'> = {
	PHONE_NUMBER: 'phoneNumber',
	WABA: 'waba',
	BUSINESS: 'business',
	APP: 'app',
};

const canSendWith = (health: unknown) => {
	const level = String(health ?? '').toUpperCase();
	return level === 'AVAILABLE' || level === 'LIMITED';
};

function reasonOf(raw: unknown): HealthReason | undefined {
	const record = asRecord(raw);
	if (!record) return typeof raw === 'string' ? { description: raw } : undefined;
	const code = Number(record.error_code ?? record.code);
	const description = String(
		record.error_description ?? record.description ?? record.message ?? 'No description given',
	);
	const solution = record.possible_solution ?? record.solution;
	return {
		...(Number.isFinite(code) ? { code } : {}),
		description,
		...(typeof solution === 'string' && solution !== '' ? { solution } : {}),
	};
}

function entityOf(record: JsonRecord): EntityHealth {
	const canSendMessage = String(record.can_send_message ?? 'UNKNOWN').toUpperCase();
	return {
		...(record.id !== undefined ? { id: String(record.id) } : {}),
		canSendMessage,
		canSend: canSendWith(canSendMessage),
		errors: (Array.isArray(record.errors) ? record.errors : [])
			.map(reasonOf)
			.filter((reason): reason is HealthReason => reason !== undefined),
		additionalInfo: (Array.isArray(record.additional_info) ? record.additional_info : []).map(
			String,
		),
	};
}

export function summarizeHealthStatus(answer: unknown): HealthSummary {
	const root = asRecord(answer);
	const health = asRecord(root?.health_status) ?? {};
	const summary: HealthSummary = {
		canSendMessage: String(health.can_send_message ?? 'UNKNOWN').toUpperCase(),
		canSend: canSendWith(health.can_send_message),
		...(root?.id !== undefined ? { phoneNumberId: String(root.id) } : {}),
		reasons: [],
	};
	for (const raw of Array.isArray(health.entities) ? health.entities : []) {
		const record = asRecord(raw);
		if (!record) continue;
		const type = String(record.entity_type ?? '').toUpperCase();
		const entity = entityOf(record);
		const key = ENTITY_KEYS[type];
		if (key) summary[key] = entity;
		for (const info of entity.additionalInfo)
			summary.reasons.push(`${type} ${entity.canSendMessage}: ${info}`);
		for (const error of entity.errors) {
			const code = error.code !== undefined ? ` (#${error.code})` : '';
			const solution = error.solution ? ` — ${error.solution}` : '';
			summary.reasons.push(
				`${type} ${entity.canSendMessage}${code}: ${error.description}${solution}`,
			);
		}
	}
	return summary;
}
