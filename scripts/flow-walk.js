#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * With `npm start` running: the emulator opens the last flow message it sent (its signed flow token) and walks
 * the example appointment-booking flow through the 360dialog Flow Trigger's endpoint, printing every step.
 *
 *   node scripts/flow-walk.js [emulator URL] [endpoint URL]
 */
const { loadExampleFlow } = require('../dev/workflows');

const FLOW_ENDPOINT_WEBHOOK_ID = '7f3c9d2e-360d-4e60-9b1a-ec40b0e00006';
const emulatorUrl = process.argv[2] ?? `http://127.0.0.1:${process.env.EMULATOR_PORT ?? 4010}`;
const endpointUrl =
	process.argv[3] ??
	`http://127.0.0.1:${process.env.N8N_PORT ?? 5678}/webhook/${FLOW_ENDPOINT_WEBHOOK_ID}/flow`;

async function main() {
	const sent = /** @type {any[]} */ (await (await fetch(`${emulatorUrl}/_emulator/sent`)).json());
	const flowMessage = [...sent].reverse().find((m) => m.request?.interactive?.type === 'flow');
	if (!flowMessage) {
		console.error(
			'No flow message sent yet: write "book" to the chat workflow through the emulator first.',
		);
		process.exit(1);
	}
	const walk = await fetch(`${emulatorUrl}/_emulator/flows/walk`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			endpointUrl,
			flowJson: loadExampleFlow(),
			flowToken: flowMessage.request.interactive.action.parameters.flow_token,
			from: flowMessage.to,
			answers: { DETAILS: { name: 'Jane', email: 'jane@example.com' } },
		}),
	});
	console.log(JSON.stringify(await walk.json(), null, 2));
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
