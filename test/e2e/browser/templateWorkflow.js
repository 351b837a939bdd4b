// @ts-check
/**
 * The workflows the editor test opens, each fully set up (credential chosen, every required field filled) so
 * that no node shows an issue on the canvas the README pictures:
 *
 * - a 360dialog Trigger with its Message and Status outputs wired, and a manual start into a Send Template
 *   (node version 1.2) with the emulator's delivery_update template picked and its variables filled;
 * - a manual start into Template → List, where no send settings may show.
 */
const { CREDENTIAL } = require('../../../dev/workflows');

const WORKFLOW_ID = 'D360EditorTpl001';
const LIST_WORKFLOW_ID = 'D360EditorLst001';
const SEND_TEMPLATE = 'Send Template';
const TRIGGER = '360dialog Trigger';
const TRIGGER_WEBHOOK_ID = 'a6d1c0de-360d-4e60-9b1a-ec40b0e00042';
const LIST_TEMPLATES = 'List Templates';
const credentials = { dialog360Api: { id: CREDENTIAL.id, name: CREDENTIAL.name } };

/** The values saved in Send Template's variables: what the emulator must receive when the node runs. */
const DELIVERY_UPDATE_VALUES = {
	header_text: '#2041',
	body_1: 'Jane',
	body_2: 'Friday, May 4',
	button_1_url: 'ZX-2041',
};

/** @param {string} id @param {number[]} position */
const manualStart = (id, position) => ({
	id,
	name: 'When clicking Execute workflow',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position,
	parameters: {},
});

/** @param {string} recipient the number the template goes to */
function templateWorkflow(recipient) {
	return {
		id: WORKFLOW_ID,
		name: 'Order updates on WhatsApp',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'e0c1d2f3-0000-4000-8000-000000000001',
				name: TRIGGER,
				type: 'CUSTOM.dialog360Trigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: TRIGGER_WEBHOOK_ID,
				parameters: {},
				credentials,
			},
			{
				id: 'e0c1d2f3-0000-4000-8000-000000000002',
				name: 'Handle Message',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [300, -100],
				parameters: {},
			},
			{
				id: 'e0c1d2f3-0000-4000-8000-000000000003',
				name: 'Track Status',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [300, 100],
				parameters: {},
			},
			manualStart('e0c1d2f3-0000-4000-8000-000000000004', [0, 320]),
			{
				id: 'e0c1d2f3-0000-4000-8000-000000000005',
				name: SEND_TEMPLATE,
				type: 'CUSTOM.dialog360',
				typeVersion: 1.2,
				position: [300, 320],
				parameters: {
					resource: 'message',
					operation: 'sendTemplate',
					phoneNumber: recipient,
					template: {
						__rl: true,
						mode: 'list',
						value: 'delivery_update|en_US',
						cachedResultName: 'delivery_update (en_US, UTILITY)',
					},
					templateVariables: {
						mappingMode: 'defineBelow',
						value: DELIVERY_UPDATE_VALUES,
						matchingColumns: [],
						schema: [],
						attemptToConvertTypes: false,
						convertFieldsToString: false,
					},
				},
				credentials,
			},
		],
		connections: {
			[TRIGGER]: {
				main: [
					[{ node: 'Handle Message', type: 'main', index: 0 }],
					[{ node: 'Track Status', type: 'main', index: 0 }],
				],
			},
			'When clicking Execute workflow': {
				main: [[{ node: SEND_TEMPLATE, type: 'main', index: 0 }]],
			},
		},
	};
}

function listWorkflow() {
	return {
		id: LIST_WORKFLOW_ID,
		name: 'Approved templates',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			manualStart('e0c1d2f3-0000-4000-8000-000000000011', [0, 0]),
			{
				id: 'e0c1d2f3-0000-4000-8000-000000000012',
				name: LIST_TEMPLATES,
				type: 'CUSTOM.dialog360',
				typeVersion: 1.2,
				position: [300, 0],
				parameters: { resource: 'template', operation: 'list' },
				credentials,
			},
		],
		connections: {
			'When clicking Execute workflow': {
				main: [[{ node: LIST_TEMPLATES, type: 'main', index: 0 }]],
			},
		},
	};
}

module.exports = {
	templateWorkflow,
	listWorkflow,
	WORKFLOW_ID,
	LIST_WORKFLOW_ID,
	SEND_TEMPLATE,
	LIST_TEMPLATES,
	DELIVERY_UPDATE_VALUES,
	TRIGGER,
	TRIGGER_WEBHOOK_ID,
};
