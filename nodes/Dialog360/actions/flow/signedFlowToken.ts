/**
 * The flow token Send Interactive → Flow sends when it signs (node version 1.2 by default): recipient and
 * expiry under an HMAC of the flow endpoint credential's secret, with the Flow Token field kept inside as
 * the workflow's own reference. The 360dialog Flow Trigger refuses any other token.
 */
import type { DisplayCondition, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { FLOW_CREDENTIAL_TYPE, readFlowCredential } from '../../../shared/flowCredential';
import { signFlowToken } from '../../../shared/whatsapp/flows/flowToken';
import { recipientKey } from '../../../shared/whatsapp/messages/envelope';
import type { Recipient } from '../../../shared/whatsapp/messages/envelope';

const HOUR_S = 3600;

const signField = {
	displayName: 'Sign Flow Token',
	// One name with the flow operations' gate: the flow endpoint credential shows where it is true.
	name: 'useFlowEndpointCredential',
	type: 'boolean' as const,
	description:
		'Whether to sign the flow token with the 360dialog Flow Endpoint credential (recipient and expiry inside), so that the 360dialog Flow Trigger accepts this flow and refuses tokens it did not sign',
};

const fromVersion = (condition: DisplayCondition) => ({
	show: { interactiveType: ['flow'], '@version': [condition] },
});

export const signedFlowTokenProperties: INodeProperties[] = [
	{ ...signField, default: true, displayOptions: fromVersion({ _cnd: { gte: 1.2 } }) },
	{ ...signField, default: false, displayOptions: fromVersion({ _cnd: { lt: 1.2 } }) },
	{
		displayName: 'Flow Token Valid For (Hours)',
		name: 'flowTokenHours',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 24,
		description: 'After this many hours the 360dialog Flow Trigger refuses the flow (HTTP 427)',
		displayOptions: { show: { interactiveType: ['flow'], useFlowEndpointCredential: [true] } },
	},
];

function recipientId(recipient: Recipient): string {
	if ('phoneNumber' in recipient) return recipient.phoneNumber.replace(/\D/g, '');
	return recipientKey(recipient);
}

/** The signed token for item `i`, or undefined when this item's flow is not signed. */
export async function signedFlowToken(
	this: IExecuteFunctions,
	i: number,
	recipient: Recipient,
	reference: string,
): Promise<string | undefined> {
	if (this.getNodeParameter('interactiveType', i) !== 'flow') return undefined;
	if (!this.getNodeParameter('useFlowEndpointCredential', i, false)) return undefined;
	const { tokenSecret } = readFlowCredential(await this.getCredentials(FLOW_CREDENTIAL_TYPE, i));
	if (tokenSecret === '')
		throw new NodeOperationError(
			this.getNode(),
			'The flow endpoint credential has no Flow Token Secret',
			{
				itemIndex: i,
				description:
					'Fill in "Flow Token Secret" in the 360dialog Flow Endpoint credential (any long random text), or turn off "Sign Flow Token".',
			},
		);
	const hours = Math.max(1, Number(this.getNodeParameter('flowTokenHours', i, 24)) || 24);
	return signFlowToken(
		{
			recipient: recipientId(recipient),
			expiresAt: Math.floor(Date.now() / 1000) + Math.round(hours * HOUR_S),
			...(reference.trim() && reference.trim() !== 'unused' ? { reference: reference.trim() } : {}),
		},
		tokenSecret,
	);
}
