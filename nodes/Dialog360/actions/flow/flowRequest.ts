/**
 * The flow request an answer is for: the 360dialog Flow Trigger's item of this execution, wherever the
 * workflow took the items in between. Its AES key travels wrapped as WhatsApp sent it and is unwrapped
 * again here with the credential, so that no execution data holds a key that opens the answer.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { FLOW_CREDENTIAL_TYPE, readFlowCredential } from '../../../shared/flowCredential';
import { unwrapAesKey } from '../../../shared/whatsapp/flows/crypto';
import { FlowKeyError, privateKeyFor } from '../../../shared/whatsapp/flows/privateKey';
import { isJsonObject } from '../../../shared/whatsapp/json';

const FLOW_TRIGGER_TYPE_SUFFIX = '.dialog360FlowTrigger';

export interface OpenFlowRequest {
	aesKey: Buffer;
	iv: Buffer;
	flowToken: string;
	answerBy: number;
}

function fromItem(json: IDataObject): IDataObject | undefined {
	const request = json.flowRequest;
	return isJsonObject(request) && typeof request.encryptedAesKey === 'string'
		? { ...(request as IDataObject), flowToken: json.flowToken }
		: undefined;
}

function fromTrigger(this: IExecuteFunctions, i: number): IDataObject | undefined {
	const trigger = this.getParentNodes(this.getNode().name).find((parent) =>
		parent.type.endsWith(FLOW_TRIGGER_TYPE_SUFFIX),
	);
	if (!trigger) return undefined;
	const proxy = this.getWorkflowDataProxy(i);
	try {
		const first = (proxy.$(trigger.name) as { first(): { json: IDataObject } }).first();
		return first ? fromItem(first.json) : undefined;
	} catch {
		return undefined;
	}
}

export async function openFlowRequest(
	this: IExecuteFunctions,
	i: number,
): Promise<OpenFlowRequest> {
	const found = fromItem(this.getInputData()[i]?.json ?? {}) ?? fromTrigger.call(this, i);
	if (!found)
		throw new NodeOperationError(this.getNode(), 'No flow request to answer', {
			itemIndex: i,
			description:
				'Respond to Flow answers a request of the 360dialog Flow Trigger: put it in a workflow that starts with that trigger.',
		});
	const credential = readFlowCredential(await this.getCredentials(FLOW_CREDENTIAL_TYPE, i));
	try {
		const privateKey = privateKeyFor(credential.privateKey, credential.passphrase);
		return {
			aesKey: unwrapAesKey(String(found.encryptedAesKey), privateKey),
			iv: Buffer.from(String(found.initialVector ?? ''), 'base64'),
			flowToken: String(found.flowToken ?? ''),
			answerBy: Date.parse(String(found.answerBy ?? '')),
		};
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, {
			itemIndex: i,
			description:
				error instanceof FlowKeyError
					? error.hint
					: "Use the same 360dialog Flow Endpoint credential here as in the workflow's 360dialog Flow Trigger.",
		});
	}
}
