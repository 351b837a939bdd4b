import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import { buildConversationalBody } from '../../../shared/whatsapp/account/conversationalComponents';
import type { ConversationalComponents } from '../../../shared/whatsapp/account/conversationalComponents';
import { collectionRows } from '../operation';
import { withItemError } from '../helpers/itemError';
import { successOf } from '../../../shared/whatsapp/json';

const show = { resource: ['account'], operation: ['setConversationalComponents'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Components',
		name: 'components',
		type: 'collection',
		placeholder: 'Add Component',
		default: {},
		description: 'Only the components added here change; an empty list removes those of its kind',
		displayOptions: { show },
		options: [
			{
				displayName: 'Commands',
				name: 'commands',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				description: 'Up to 30 commands users pick by typing "/" in the chat',
				options: [
					{
						displayName: 'Command',
						name: 'command',
						values: [
							{
								displayName: 'Name',
								name: 'name',
								type: 'string',
								default: '',
								placeholder: 'track_order',
								description: 'One word, up to 32 characters, shown after the "/"',
							},
							{
								displayName: 'Description',
								name: 'description',
								type: 'string',
								default: '',
								placeholder: 'Where is my order?',
								description: 'What the command does, up to 256 characters',
							},
						],
					},
				],
			},
			{
				displayName: 'Ice Breakers',
				name: 'iceBreakers',
				type: 'string',
				typeOptions: { multipleValues: true },
				default: [],
				placeholder: 'Plan a trip',
				description: 'Up to 4 questions, 80 characters each, a user taps to start the first chat',
			},
			{
				displayName: 'Welcome Message',
				name: 'welcomeMessage',
				type: 'boolean',
				default: true,
				description:
					'Whether a user opening the chat for the first time is reported (request_welcome) so that your workflow can greet them',
			},
		],
	},
];

interface ComponentsParameter {
	welcomeMessage?: boolean;
	iceBreakers?: string[];
	commands?: unknown;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const given = this.getNodeParameter('components', i, {}) as ComponentsParameter;
	const input: ConversationalComponents = {
		welcomeMessage: given.welcomeMessage,
		iceBreakers: given.iceBreakers,
		commands:
			given.commands === undefined
				? undefined
				: (collectionRows(given.commands, 'command') as Array<{
						name: string;
						description: string;
					}>),
	};
	const body = withItemError(this, i, () => buildConversationalBody(input));
	const { body: answer } = await dialog360Request.call(this, {
		method: 'POST',
		path: '/conversational_automation',
		body: body as IDataObject,
		itemIndex: i,
	});
	return [
		{ json: { updated: successOf(answer), ...(body as IDataObject) }, pairedItem: { item: i } },
	];
}
