import {
	describeApiError,
	errorHint,
	extractApiError,
	extractWebhookError,
} from '../../../nodes/shared/whatsapp/errors';

const metaError = (code: number, message: string, details?: string) => ({
	error: {
		message,
		type: 'OAuthException',
		code,
		error_data: { messaging_product: 'whatsapp', details },
		fbtrace_id: 'AbCdEf123',
	},
});

describe('extractApiError', () => {
	test("Meta's error inside the Marketing Messages API's detail wrapper", () => {
		expect(
			extractApiError(400, {
				detail: {
					error: {
						message: '(#200) You must accept the Marketing Messages Lite API terms to use the API.',
						type: 'OAuthException',
						code: 131055,
						fbtrace_id: 'AbC',
					},
				},
			}),
		).toMatchObject({
			httpStatus: 400,
			code: 131055,
			message: '(#200) You must accept the Marketing Messages Lite API terms to use the API.',
			traceId: 'AbC',
		});
	});

	test("Meta's error shape gives code, message, details and trace id", () => {
		expect(
			extractApiError(
				400,
				metaError(100, '(#100) Invalid parameter', "Parameter 'text.body' is required"),
			),
		).toEqual({
			httpStatus: 400,
			code: 100,
			subcode: undefined,
			title: 'OAuthException',
			message: '(#100) Invalid parameter',
			details: "Parameter 'text.body' is required",
			traceId: 'AbCdEf123',
		});
	});

	test("360dialog's own meta shape gives its developer message and http code", () => {
		expect(
			extractApiError(undefined, {
				meta: { success: false, http_code: 401, developer_message: 'Invalid api_key' },
			}),
		).toEqual({ httpStatus: 401, message: 'Invalid api_key' });
	});

	test('the older camelCase meta shape is read too', () => {
		expect(
			extractApiError(401, { meta: { httpCode: 401, developerMessage: 'Invalid api_key' } })
				.message,
		).toBe('Invalid api_key');
	});

	test('a plain {error: "..."} shape gives its text', () => {
		expect(extractApiError(400, { error: 'destinations must be an array' })).toEqual({
			httpStatus: 400,
			message: 'destinations must be an array',
		});
	});

	test('a JSON body that arrives as a string is parsed', () => {
		expect(
			extractApiError(400, JSON.stringify(metaError(131047, 'Re-engagement message'))).code,
		).toBe(131047);
	});

	test('an HTML or empty body still gives a message', () => {
		expect(extractApiError(502, '<html>Bad Gateway</html>').message).toBe(
			'<html>Bad Gateway</html>',
		);
		expect(extractApiError(503, '').message).toBe('HTTP 503');
		expect(extractApiError(undefined, undefined).message).toBe('No answer from 360dialog');
	});

	test('a numeric code given as a string is read as a number', () => {
		expect(extractApiError(400, { error: { code: '132001', message: 'x' } }).code).toBe(132001);
	});
});

describe('describeApiError says what happened and what to do next', () => {
	const advice = (code: number, status = 400) =>
		describeApiError(extractApiError(status, metaError(code, `(#${code}) platform text`)));

	test.each([
		[131047, /24 hours/, /template/i],
		[132000, /number of template parameters/i, /exactly as many/i],
		[132001, /template does not exist/i, /approved/i],
		[131056, /same recipient/i, /wait/i],
		[130429, /throughput/i, /concurrency/i],
		[131026, /could not be delivered/i, /has WhatsApp/i],
		[100, /parameter/i, /field named/i],
	])('code %i', (code, what, next) => {
		const result = advice(code);
		expect(result.message).toMatch(what);
		expect(result.message).toContain(`(#${code})`);
		expect(result.description).toMatch(next);
		expect(result.description).toContain('platform text');
	});

	test('HTTP 429 without a Meta code is throttling, and retryable', () => {
		const result = describeApiError(
			extractApiError(429, { meta: { developer_message: 'Too many requests' } }),
		);
		expect(result.message).toMatch(/throttling/);
		expect(result.retryable).toBe(true);
	});

	test('HTTP 401 is an invalid key and tells where to get a new one', () => {
		const result = describeApiError(
			extractApiError(401, { meta: { developer_message: 'Invalid api_key' } }),
		);
		expect(result.message).toMatch(/API key was rejected/);
		expect(result.description).toMatch(/360dialog Hub/);
		expect(result.retryable).toBe(false);
	});

	test('invalid parameter names the field the API named', () => {
		const result = describeApiError(
			extractApiError(
				400,
				metaError(
					100,
					'(#100) Invalid parameter',
					"Parameter 'interactive.action.buttons' has too many elements",
				),
			),
		);
		expect(result.description).toContain("'interactive.action.buttons'");
	});

	test('an unknown code still reports the platform text and stays non-retryable for a 4xx', () => {
		const result = advice(999999);
		expect(result.message).toContain('platform text');
		expect(result.retryable).toBe(false);
	});

	test('server errors are retryable', () => {
		expect(describeApiError(extractApiError(503, '')).retryable).toBe(true);
	});
});

describe('webhook-side errors', () => {
	test('a status error is read with its details, and the hint for 131047 says to send a template', () => {
		const info = extractWebhookError({
			code: 131047,
			title: 'Re-engagement message',
			message: 'Re-engagement message',
			error_data: { details: 'More than 24 hours have passed' },
		});
		expect(info).toEqual({
			code: 131047,
			title: 'Re-engagement message',
			message: 'Re-engagement message',
			details: 'More than 24 hours have passed',
		});
		expect(errorHint(info?.code)).toMatch(/Send Template/);
	});

	test('an error on a message a user sent gets advice about that message, where it differs', () => {
		expect(errorHint(131051)).toMatch(
			/^This message type is not supported\. Choose a message type/,
		);
		expect(errorHint(131051, 'inbound')).toMatch(
			/^The user sent a kind of message the API does not deliver/,
		);
		expect(errorHint(131052, 'inbound')).toBe(errorHint(131052));
	});

	test('junk is no error', () => {
		expect(extractWebhookError('junk')).toBeUndefined();
		expect(errorHint(undefined)).toBeUndefined();
		expect(errorHint(4242)).toBeUndefined();
	});
});
