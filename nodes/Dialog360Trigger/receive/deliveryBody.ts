/**
 * The body of a delivery, whatever its content type. n8n parses JSON, text and forms before the trigger
 * runs; for other content types (application/octet-stream, none at all) version 2 start nodes get the
 * body unread, version 1 gets it read but unparsed. Either way the raw bytes are decoded here, so that a
 * valid envelope is never acknowledged and lost for its content type.
 */
import type { IWebhookFunctions } from 'n8n-workflow';

/** n8n's request: `rawBody` once read, `readRawBody()` to read it. */
interface RawBodyRequest {
	body?: unknown;
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
}

function hasContent(body: unknown): boolean {
	if (body === undefined || body === null) return false;
	if (typeof body === 'string') return body.trim() !== '';
	if (Buffer.isBuffer(body)) return body.length > 0;
	if (typeof body === 'object') return Object.keys(body).length > 0;
	return true;
}

/** The parsed body when n8n parsed it, else the raw bytes (read now if n8n left them unread). */
export async function readDeliveryBody(this: IWebhookFunctions): Promise<unknown> {
	const request = this.getRequestObject() as unknown as RawBodyRequest;
	const body = request.body;
	if (hasContent(body)) return body;
	if (request.rawBody === undefined && typeof request.readRawBody === 'function') {
		// A body that cannot be read throws: n8n answers 500 and 360dialog delivers it again.
		await request.readRawBody();
	}
	return request.rawBody !== undefined && request.rawBody.length > 0 ? request.rawBody : body;
}
