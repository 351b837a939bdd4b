/**
 * What happens when WhatsApp posts to the flow endpoint: decrypt, answer what the node answers itself (the
 * health check, error notifications, refused tokens) and hand every other request to the workflow as one
 * item, which a "Respond to Flow" step answers through n8n's response-node mechanism.
 */
import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import type { DecryptedFlowRequest, EncryptedFlowRequest } from '../shared/whatsapp/flows/crypto';
import {
	decryptFlowRequest,
	encryptFlowResponse,
	FlowDecryptionError,
	isEncryptedFlowRequest,
} from '../shared/whatsapp/flows/crypto';
import { verifyFlowToken } from '../shared/whatsapp/flows/flowToken';
import { FlowKeyError, privateKeyFor } from '../shared/whatsapp/flows/privateKey';
import {
	acknowledgement,
	classifyFlowRequest,
	PING_ANSWER,
	tokenRefusal,
} from '../shared/whatsapp/flows/request';
import { parseJsonText } from '../shared/whatsapp/json';
import { readDeliveryBody } from '../Dialog360Trigger/receive/deliveryBody';
import { FLOW_CREDENTIAL_TYPE, readFlowCredential } from '../shared/flowCredential';
import type { FlowCredential } from '../shared/flowCredential';

/** WhatsApp decrypts nothing but this: the encrypted answer is base64 text. */
const TEXT = 'text/plain';

/** Status codes Meta gives a meaning (WhatsApp Flows, "Endpoint error codes"). */
export const DECRYPTION_FAILED = 421;
export const TOKEN_NO_LONGER_VALID = 427;

/** The time WhatsApp waits for an answer before it shows the user an error. */
export const ANSWER_WITHIN_MS = 10_000;

function answerPlain(
	this: IWebhookFunctions,
	status: number,
	body: string,
	contentType = TEXT,
): IWebhookResponseData {
	this.getResponseObject().status(status).type(contentType).send(body);
	return { noWebhookResponse: true };
}

function answerEncrypted(
	this: IWebhookFunctions,
	status: number,
	answer: unknown,
	request: DecryptedFlowRequest,
): IWebhookResponseData {
	return answerPlain.call(this, status, encryptFlowResponse(answer, request.aesKey, request.iv));
}

function refuse(this: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	this.getResponseObject().status(status).json({ error: message });
	return { noWebhookResponse: true };
}

function checkToken(
	this: IWebhookFunctions,
	token: string,
	credential: FlowCredential,
): { ok: true; claims: IDataObject } | { ok: false; reason: string } {
	if (this.getNodeParameter('flowTokens', 'signed') !== 'signed') return { ok: true, claims: {} };
	if (credential.tokenSecret === '') return { ok: false, reason: 'no Flow Token Secret' };
	const check = verifyFlowToken(token, credential.tokenSecret, Math.floor(Date.now() / 1000));
	if (!check.valid) return { ok: false, reason: check.reason };
	return {
		ok: true,
		claims: {
			sender: { waId: check.recipient },
			tokenExpiresAt: new Date(check.expiresAt * 1000).toISOString(),
			...(check.reference ? { tokenReference: check.reference } : {}),
		},
	};
}

/** The decrypted request, or why there is none: the credential's key is unusable, or the request is not for it. */
function open(
	body: EncryptedFlowRequest,
	credential: FlowCredential,
): DecryptedFlowRequest | FlowKeyError | FlowDecryptionError {
	try {
		return decryptFlowRequest(body, privateKeyFor(credential.privateKey, credential.passphrase));
	} catch (error) {
		if (error instanceof FlowKeyError || error instanceof FlowDecryptionError) return error;
		return new FlowDecryptionError((error as Error).message);
	}
}

export async function receiveFlowRequest(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const receivedAt = Date.now();
	const raw = await readDeliveryBody.call(this);
	const body = parseJsonText(Buffer.isBuffer(raw) ? raw.toString('utf8') : raw);
	if (!isEncryptedFlowRequest(body))
		return refuse.call(
			this,
			400,
			'Expected encrypted_flow_data, encrypted_aes_key and initial_vector (base64)',
		);

	const credential = readFlowCredential(await this.getCredentials(FLOW_CREDENTIAL_TYPE));
	const opened = open(body, credential);
	if (opened instanceof FlowKeyError) {
		this.logger.error(`360dialog Flow Trigger: ${opened.message}. ${opened.hint}`);
		return refuse.call(this, 500, 'The flow endpoint has no usable private key');
	}
	if (opened instanceof FlowDecryptionError) {
		this.logger.warn(`360dialog Flow Trigger: request not decrypted (${opened.message})`);
		return answerPlain.call(this, DECRYPTION_FAILED, 'The request could not be decrypted');
	}
	const request = opened;

	const kind = classifyFlowRequest(request.payload);
	if (kind.kind === 'malformed')
		return refuse.call(this, 400, `Not a flow request: ${kind.reason}`);
	if (kind.kind === 'ping') return answerEncrypted.call(this, 200, PING_ANSWER, request);
	if (kind.kind === 'errorNotification') {
		this.logger.warn(
			// What WhatsApp reports comes from the request: bounded, so that a request cannot flood the log.
			`360dialog Flow Trigger: WhatsApp reported an error on screen "${kind.screen.slice(0, 64)}": ${JSON.stringify(kind.error).slice(0, 300)}`,
		);
		return answerEncrypted.call(this, 200, acknowledgement(kind.version), request);
	}

	const token = checkToken.call(this, kind.flowToken, credential);
	if (!token.ok) {
		this.logger.warn(`360dialog Flow Trigger: flow token refused (${token.reason})`);
		const message = this.getNodeParameter('expiredMessage', '') as string;
		return answerEncrypted.call(this, TOKEN_NO_LONGER_VALID, tokenRefusal(message), request);
	}

	const item: INodeExecutionData = {
		json: {
			action: kind.action,
			screen: kind.screen,
			data: kind.data as IDataObject,
			flowToken: kind.flowToken,
			version: kind.version,
			...token.claims,
			// What Respond to Flow encrypts the answer with: the key stays wrapped, as WhatsApp sent it.
			flowRequest: {
				encryptedAesKey: body.encrypted_aes_key,
				initialVector: body.initial_vector,
				receivedAt: new Date(receivedAt).toISOString(),
				answerBy: new Date(receivedAt + ANSWER_WITHIN_MS).toISOString(),
			},
		},
	};
	return { workflowData: [[item]] };
}
