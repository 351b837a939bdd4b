/**
 * The answers a workflow gives a flow (Meta, "Implementing your Flow endpoint"): the next screen with its
 * data, or closing the flow, which sends the user's chat an `nfm_reply` carrying the params.
 */
import { isJsonObject } from '../json';
import type { JsonRecord } from '../json';
import { parseJsonField, PayloadError, requireText } from '../validation';

/** The screen name Meta reserves for closing the flow. */
export const CLOSING_SCREEN = 'SUCCESS';

function jsonObject(value: unknown, field: string, label: string): JsonRecord {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
		return {};
	const parsed = parseJsonField(value, field, label, '{"slots": []}');
	if (!isJsonObject(parsed))
		throw new PayloadError(`${label} must be a JSON object`, field, `Wrap it in { }.`);
	return parsed;
}

export function buildNextScreen(screen: unknown, data: unknown, errorMessage?: string): JsonRecord {
	const name = requireText(screen, 'screen', 'Screen').trim();
	if (name === CLOSING_SCREEN)
		throw new PayloadError(
			`"${CLOSING_SCREEN}" is the name Meta reserves for closing the flow`,
			'screen',
			'Choose "Close Flow" under Respond With to end the flow, or name a screen of the flow.',
		);
	const screenData = jsonObject(data, 'screenData', 'Screen Data');
	if (errorMessage) screenData.error_message = errorMessage;
	return { screen: name, data: screenData };
}

/** The flow token goes back among the params, so that the chat's `nfm_reply` can be matched to the session. */
export function buildClosingAnswer(params: unknown, flowToken: string): JsonRecord {
	const given = jsonObject(params, 'closeParams', 'Response Parameters');
	return {
		screen: CLOSING_SCREEN,
		data: { extension_message_response: { params: { flow_token: flowToken, ...given } } },
	};
}
