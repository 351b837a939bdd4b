import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * What a WhatsApp Flow data endpoint decrypts with and signs flow tokens with. It authenticates no request:
 * the key pair stays in this credential, and only its public half is ever sent (Upload Public Key).
 */
export class Dialog360FlowEndpointApi implements ICredentialType {
	name = 'dialog360FlowEndpointApi';

	displayName = '360dialog Flow Endpoint API';

	icon: Icon = {
		light: 'file:../nodes/Dialog360/360dialog.svg',
		dark: 'file:../nodes/Dialog360/360dialog.dark.svg',
	};

	documentationUrl =
		'https://developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint';

	properties: INodeProperties[] = [
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			required: true,
			description:
				'The 2048-bit RSA private key (PEM) the flow endpoint decrypts with. To make one, run "openssl genrsa -out private.pem 2048" (or "npm run flow-keys" in this package\'s repository), paste the file here, then run the 360dialog node\'s Flow → Upload Public Key.',
		},
		{
			displayName: 'Passphrase',
			name: 'passphrase',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The passphrase the private key is encrypted with; leave empty for a key without one',
		},
		{
			displayName: 'Flow Token Secret',
			name: 'tokenSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Any long random text. Send Interactive → Flow signs its flow tokens with it and the 360dialog Flow Trigger refuses tokens it did not sign. Changing it invalidates the flows already sent.',
		},
	];
}
