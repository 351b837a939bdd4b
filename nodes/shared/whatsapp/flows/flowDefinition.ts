/**
 * Flows as the Flows API answers them, as items: id, name, status, categories, validation errors, and the
 * preview link when asked for; and the flow JSON a user typed, checked before it is sent.
 */
import { asRecord, isJsonObject } from '../json';
import { parseJsonField, PayloadError } from '../validation';

export interface FlowItem {
	id: string | null;
	name: string | null;
	status: string | null;
	categories: string[];
	validationErrors: unknown[];
	previewUrl?: string;
	previewExpiresAt?: string;
	endpointUri?: string;
}

export function toFlowItem(raw: unknown): FlowItem {
	const flow = asRecord(raw) ?? {};
	const preview = asRecord(flow.preview);
	const text = (value: unknown) => (typeof value === 'string' ? value : null);
	return {
		id: text(flow.id),
		name: text(flow.name),
		status: text(flow.status),
		categories: Array.isArray(flow.categories) ? flow.categories.map(String) : [],
		validationErrors: Array.isArray(flow.validation_errors) ? flow.validation_errors : [],
		...(typeof preview?.preview_url === 'string' ? { previewUrl: preview.preview_url } : {}),
		...(typeof preview?.expires_at === 'string' ? { previewExpiresAt: preview.expires_at } : {}),
		...(typeof flow.endpoint_uri === 'string' ? { endpointUri: flow.endpoint_uri } : {}),
	};
}

/** The flow JSON as text for the API, or undefined when empty and optional. */
export function flowJsonText(value: unknown, required: boolean): string | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		if (!required) return undefined;
		throw new PayloadError('Flow JSON is empty', 'flowJson', 'Paste the flow JSON.');
	}
	const parsed = parseJsonField(
		value,
		'flowJson',
		'Flow JSON',
		'{"version": "6.0", "screens": [...]}',
	);
	if (!isJsonObject(parsed) || !Array.isArray(parsed.screens))
		throw new PayloadError(
			'Flow JSON has no "screens" list',
			'flowJson',
			'Paste the whole flow JSON: an object with "version" and "screens".',
		);
	return JSON.stringify(parsed);
}
