import type {
	IAuthenticate,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE, DEFAULT_BASE_URL } from '../nodes/shared/credentialType';

export class Dialog360Api implements ICredentialType {
	name = CREDENTIAL_TYPE;

	displayName = '360dialog API';

	icon: Icon = {
		light: 'file:../nodes/Dialog360/360dialog.svg',
		dark: 'file:../nodes/Dialog360/360dialog.dark.svg',
	};

	documentationUrl = 'https://docs.360dialog.com/docs/waba-messaging/api-keys';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The API key of your WhatsApp number, from the 360dialog Hub (Hub → WhatsApp Accounts → the number → Generate API key). Each number has its own key.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			required: true,
			description:
				'Where the 360dialog API lives. Use https://waba-v2.360dialog.io for production and https://waba-sandbox.360dialog.io for the sandbox; any other URL, such as a local 360dialog emulator (http://127.0.0.1:PORT), works too.',
		},
	];

	/**
	 * The key goes into the D360-API-KEY header. A function rather than n8n's declarative form: n8n evaluates a
	 * declarative header as an expression on every request, which cost as much as evaluating one of the node's own fields per message in a bulk send.
	 */
	authenticate: IAuthenticate = async (credentials, requestOptions) => ({
		...requestOptions,
		headers: { ...requestOptions.headers, 'D360-API-KEY': String(credentials.apiKey ?? '') },
	});

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v1/configs/webhook',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'The API key was rejected by 360dialog. Paste the key of this number from the 360dialog Hub, and check that sandbox keys use the sandbox base URL.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						"360dialog refused this API key for the webhook settings endpoint. Check the number's status in the 360dialog Hub.",
				},
			},
		],
	};
}
