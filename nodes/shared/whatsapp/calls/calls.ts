/**
 * The Calling API's signalling as 360dialog serves it (360dialog docs messaging-api/api-reference/calling:
 * /calling/settings, /calling/calls, /calling/permissions/{wa_id}; Meta, "Calling API reference" and "Call
 * settings"; pywa api.py initiate_call … terminate_call): bodies checked first, answers read back. The media
 * flows through a SIP or WebRTC bridge elsewhere; these calls carry the SDP offer and answer only.
 */
import { asRecord } from '../json';
import type { JsonRecord } from '../json';
import { normalizePhoneNumber } from '../phone';
import { optionalLength, LIMITS, parseJsonField, PayloadError, requireText } from '../validation';

export const CALL_ACTIONS = ['connect', 'pre_accept', 'accept', 'reject', 'terminate'] as const;
export type CallAction = (typeof CALL_ACTIONS)[number];

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** An SDP as RFC 8866 starts it (`v=0`), with the line breaks the platform expects. */
export function requireSdp(value: unknown, field: string, label: string): string {
	const sdp = requireText(value, field, label).trim().replace(/\r?\n/g, '\r\n');
	if (!sdp.startsWith('v=0')) {
		throw new PayloadError(
			`${label} is not an SDP (it must start with "v=0")`,
			field,
			'Pass the session description your WebRTC or SIP bridge produced, unchanged (RFC 8866).',
		);
	}
	return `${sdp}\r\n`;
}

/** A call id as the calls webhook gives it (`wacid.…`). */
export function requireCallId(value: unknown, field = 'callId'): string {
	const id = requireText(value, field, 'Call ID').trim();
	if (/\s/.test(id)) {
		throw new PayloadError(
			`"${id}" is not a call ID`,
			field,
			'Map the call ID of the calls webhook (it starts with wacid.).',
		);
	}
	return id;
}

function callbackField(value: string | undefined): { biz_opaque_callback_data?: string } {
	const data = optionalLength(
		value,
		LIMITS.bizOpaqueCallbackData,
		'bizOpaqueCallbackData',
		'Callback Data',
	);
	return data === undefined ? {} : { biz_opaque_callback_data: data };
}

/** POST /calling/calls with `connect`: a business-initiated call to a user, with the bridge's SDP offer. */
export function buildConnectBody(input: {
	phoneNumber: string;
	sdpOffer: unknown;
	bizOpaqueCallbackData?: string;
}): JsonRecord {
	return {
		messaging_product: 'whatsapp',
		to: normalizePhoneNumber(input.phoneNumber, 'userPhoneNumber'),
		action: 'connect',
		session: { sdp_type: 'offer', sdp: requireSdp(input.sdpOffer, 'sdpOffer', 'SDP Offer') },
		...callbackField(input.bizOpaqueCallbackData),
	};
}

/**
 * POST /calling/calls for a call that exists: pre-accept and accept carry the bridge's SDP answer, reject and
 * terminate only the call id.
 */
export function buildCallActionBody(input: {
	callId: unknown;
	action: Exclude<CallAction, 'connect'>;
	sdpAnswer?: unknown;
	bizOpaqueCallbackData?: string;
}): JsonRecord {
	const body: JsonRecord = {
		messaging_product: 'whatsapp',
		call_id: requireCallId(input.callId),
		action: input.action,
	};
	if (input.action === 'pre_accept' || input.action === 'accept')
		body.session = {
			sdp_type: 'answer',
			sdp: requireSdp(input.sdpAnswer, 'sdpAnswer', 'SDP Answer'),
		};
	if (input.action === 'accept') Object.assign(body, callbackField(input.bizOpaqueCallbackData));
	return body;
}

export interface CallSettingsInput {
	status?: string;
	callIconVisibility?: string;
	callbackPermissionStatus?: string;
	/** Meta's call_hours object, as JSON text or data. */
	callHours?: unknown;
	sipStatus?: string;
	/** `host:port` entries separated by commas or new lines. */
	sipServers?: string;
}

function checkOneOf(value: string, allowed: string[], field: string, label: string): string {
	if (allowed.includes(value)) return value;
	throw new PayloadError(
		`"${value}" is not a value of ${label}`,
		field,
		`Use one of: ${allowed.join(', ')}.`,
	);
}

const HHMM = /^([01]\d|2[0-3])[0-5]\d$/;

/** Meta's call_hours: a time zone, opening hours per weekday (HHMM, open before close) and holidays. */
export function checkCallHours(raw: unknown): JsonRecord {
	const example =
		'{"status":"ENABLED","timezone_id":"Europe/Berlin","weekly_operating_hours":[{"day_of_week":"MONDAY","open_time":"0900","close_time":"1700"}]}';
	const hours = asRecord(parseJsonField(raw, 'callHours', 'Call Hours', example));
	const fail = (problem: string) => {
		throw new PayloadError(
			`Call Hours: ${problem}`,
			'callHours',
			`Give an object such as ${example}.`,
		);
	};
	if (!hours) return fail('must be a JSON object');
	checkOneOf(String(hours.status ?? ''), ['ENABLED', 'DISABLED'], 'callHours', 'Call Hours status');
	if (hours.status === 'DISABLED') return hours;
	if (typeof hours.timezone_id !== 'string' || hours.timezone_id === '')
		fail('"timezone_id" is required');
	const weekly = hours.weekly_operating_hours;
	if (!Array.isArray(weekly) || weekly.length === 0)
		fail('"weekly_operating_hours" needs at least one day');
	(weekly as unknown[]).forEach((entry, index) => {
		const day = asRecord(entry) ?? {};
		if (!DAYS.includes(String(day.day_of_week)))
			fail(`weekly_operating_hours[${index}].day_of_week must be one of ${DAYS.join(', ')}`);
		const open = String(day.open_time ?? '');
		const close = String(day.close_time ?? '');
		if (!HHMM.test(open) || !HHMM.test(close))
			fail(`weekly_operating_hours[${index}] needs open_time and close_time as HHMM, e.g. "0900"`);
		if (open >= close)
			fail(`weekly_operating_hours[${index}] opens at ${open}, not before it closes at ${close}`);
	});
	return hours;
}

/** `sip.example.com:5061` entries as Meta's sip.servers[]. */
export function readSipServers(value: string): Array<{ hostname: string; port: number }> {
	return value
		.split(/[,\n]/)
		.map((entry) => entry.trim())
		.filter(Boolean)
		.map((entry) => {
			const match = /^([A-Za-z0-9.-]+):(\d{1,5})$/.exec(entry);
			const port = Number(match?.[2]);
			if (!match || port < 1 || port > 65535) {
				throw new PayloadError(
					`"${entry}" is not a SIP server`,
					'sipServers',
					'Give each server as hostname:port, e.g. sip.example.com:5061, separated by commas.',
				);
			}
			return { hostname: match[1], port };
		});
}

/** POST /calling/settings: only the settings given change; `calling` must not be empty. */
export function buildCallSettingsBody(input: CallSettingsInput): JsonRecord {
	const calling: JsonRecord = {};
	const onOff = ['ENABLED', 'DISABLED'];
	if (input.status) calling.status = checkOneOf(input.status, onOff, 'status', 'Status');
	if (input.callIconVisibility)
		calling.call_icon_visibility = checkOneOf(
			input.callIconVisibility,
			['DEFAULT', 'DISABLE_ALL'],
			'callIconVisibility',
			'Call Icon',
		);
	if (input.callbackPermissionStatus)
		calling.callback_permission_status = checkOneOf(
			input.callbackPermissionStatus,
			onOff,
			'callbackPermissionStatus',
			'Callback Permission',
		);
	if (input.callHours !== undefined && input.callHours !== '')
		calling.call_hours = checkCallHours(input.callHours);
	const servers = input.sipServers ? readSipServers(input.sipServers) : [];
	if (input.sipStatus || servers.length > 0) {
		const status = checkOneOf(input.sipStatus || 'ENABLED', onOff, 'sipStatus', 'SIP');
		if (status === 'ENABLED' && servers.length === 0) {
			throw new PayloadError(
				'SIP is turned on without a server',
				'sipServers',
				'Add the SIP server calls go to, as hostname:port.',
			);
		}
		calling.sip = { status, ...(servers.length > 0 ? { servers } : {}) };
	}
	if (Object.keys(calling).length === 0) {
		throw new PayloadError(
			'No calling setting was given',
			'settings',
			'Add at least one setting to change under "Settings".',
		);
	}
	return { calling };
}

/** GET /calling/permissions/{wa_id}: whether the business may call the user, until when, and what it may do. */
export function readCallPermission(answer: unknown): JsonRecord {
	const root = asRecord(answer) ?? {};
	const permission = asRecord(root.permission) ?? {};
	const expires = Number(permission.expiration_time);
	const actions = Array.isArray(root.actions) ? root.actions : [];
	return {
		status: permission.status,
		canCall:
			actions.some((action) => {
				const record = asRecord(action);
				return record?.action_name === 'start_call' && record.can_perform_action === true;
			}) || undefined,
		...(Number.isFinite(expires) ? { expiresAt: new Date(expires * 1000).toISOString() } : {}),
		actions,
	};
}
