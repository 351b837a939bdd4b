/**
 * What a decrypted endpoint request is: a health check, an error notification, or an exchange the workflow
 * answers (Meta, "Implementing your Flow endpoint": version, action, screen, data, flow_token).
 */
import { isJsonObject } from '../json';

export type FlowRequestKind =
	| { kind: 'ping'; version: string }
	| {
			kind: 'errorNotification';
			version: string;
			flowToken: string;
			screen: string;
			error: unknown;
	  }
	| {
			kind: 'exchange';
			version: string;
			action: string;
			screen: string;
			data: Record<string, unknown>;
			flowToken: string;
	  }
	| { kind: 'malformed'; reason: string };

const EXCHANGE_ACTIONS = ['INIT', 'BACK', 'data_exchange', 'navigate'];

export function classifyFlowRequest(payload: unknown): FlowRequestKind {
	if (!isJsonObject(payload)) return { kind: 'malformed', reason: 'the payload is not an object' };
	const version = typeof payload.version === 'string' ? payload.version : '';
	const action = payload.action;
	if (action === 'ping') return { kind: 'ping', version };
	if (typeof action !== 'string' || !EXCHANGE_ACTIONS.includes(action))
		return { kind: 'malformed', reason: 'the action is not one Meta sends' };
	if (typeof payload.flow_token !== 'string' || payload.flow_token === '')
		return { kind: 'malformed', reason: 'the request has no flow token' };
	const data = isJsonObject(payload.data) ? payload.data : {};
	const screen = typeof payload.screen === 'string' ? payload.screen : '';
	if (data.error !== undefined)
		return {
			kind: 'errorNotification',
			version,
			flowToken: payload.flow_token,
			screen,
			error: data.error,
		};
	return { kind: 'exchange', version, action, screen, data, flowToken: payload.flow_token };
}

/** The health-check answer Meta expects. */
export const PING_ANSWER = { data: { status: 'active' } };

/** The answer that acknowledges an error notification. */
export function acknowledgement(version: string): Record<string, unknown> {
	return { ...(version ? { version } : {}), data: { acknowledged: true } };
}

/** The body of a 427 answer: the message the phone shows when the flow cannot go on. */
export function tokenRefusal(message: string): Record<string, unknown> {
	return { error_msg: message };
}
