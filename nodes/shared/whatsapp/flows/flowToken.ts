/**
 * Flow tokens that prove themselves: the token sent with a flow message names its recipient and expiry and
 * carries an HMAC-SHA256 under the credential's signing secret, so that the endpoint can refuse (427) a token
 * it did not issue or that has expired, whoever holds the public key.
 */
import { createHmac, timingSafeEqual } from 'crypto';

const PREFIX = 'fs1';

export interface FlowTokenClaims {
	/** The WhatsApp user the flow was sent to. */
	recipient: string;
	/** Unix seconds after which the endpoint refuses the token. */
	expiresAt: number;
	/** The workflow's own label for the session (what Flow Token held before signing), if any. */
	reference?: string;
}

export type FlowTokenCheck =
	| ({ valid: true } & FlowTokenClaims)
	| { valid: false; reason: 'unsigned' | 'forged' | 'expired' };

function signature(secret: string, body: string): Buffer {
	return createHmac('sha256', secret).update(`${PREFIX}.${body}`).digest();
}

export function signFlowToken(claims: FlowTokenClaims, secret: string): string {
	const compact: Record<string, string | number> = { r: claims.recipient, e: claims.expiresAt };
	if (claims.reference) compact.t = claims.reference;
	const body = Buffer.from(JSON.stringify(compact)).toString('base64url');
	return `${PREFIX}.${body}.${signature(secret, body).toString('base64url')}`;
}

function readClaims(body: string): FlowTokenClaims | undefined {
	try {
		const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<
			string,
			unknown
		>;
		if (typeof parsed.r !== 'string' || typeof parsed.e !== 'number') return undefined;
		return {
			recipient: parsed.r,
			expiresAt: parsed.e,
			...(typeof parsed.t === 'string' ? { reference: parsed.t } : {}),
		};
	} catch {
		return undefined;
	}
}

export function verifyFlowToken(
	token: unknown,
	secret: string,
	nowSeconds: number,
): FlowTokenCheck {
	if (typeof token !== 'string' || !token.startsWith(`${PREFIX}.`))
		return { valid: false, reason: 'unsigned' };
	const [, body, mac, extra] = token.split('.');
	if (!body || !mac || extra !== undefined) return { valid: false, reason: 'forged' };
	const expected = signature(secret, body);
	const given = Buffer.from(mac, 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected))
		return { valid: false, reason: 'forged' };
	const claims = readClaims(body);
	if (!claims) return { valid: false, reason: 'forged' };
	if (claims.expiresAt <= nowSeconds) return { valid: false, reason: 'expired' };
	return { valid: true, ...claims };
}
