// @ts-check
/**
 * The workflow the editor test opens: a 360dialog Trigger with its Message and Status outputs wired, and a
 * manual start into a Send Template (version 1.1) whose template is still to be picked.
 */
const { CREDENTIAL } = require('../../../dev/workflows');

const WORKFLOW_ID = 'D360EditorTpl001';
const SEND_TEMPLATE = 'Send Template';
const credentials = { dialog360Api: { id: CREDENTIAL.id, name: CREDENTIAL.name } };

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
				name: '360dialog Trigger',
				type: 'CUSTOM.dialog360Trigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: 'a6d1c0de-360d-4e60-9b1a-ec40b0e00042',
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
			{
				id: 'e0c1d2f3-0000-4000-8000-000000000004',
				name: 'When clicking Execute workflow',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 320],
				parameters: {},
			},
			{
				id: 'e0c1d2f3-0000-4000-8000-000000000005',
				name: SEND_TEMPLATE,
				type: 'CUSTOM.dialog360',
				typeVersion: 1.1,
				position: [300, 320],
				parameters: {
					resource: 'message',
					operation: 'sendTemplate',
					phoneNumber: recipient,
					template: { __rl: true, mode: 'list', value: '' },
				},
				credentials,
			},
		],
		connections: {
			'360dialog Trigger': {
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

module.exports = { templateWorkflow, WORKFLOW_ID, SEND_TEMPLATE };
