import { parseWebhook } from '../../../../nodes/shared/whatsapp/webhook';
import { webhookFixture } from '../../../fixtures/webhooks';

/** A 2026 fixture (test/fixtures/webhooks/kinds) parsed as trigger version 2.2 parses it. */
export function parseKind(name: string, options: { includeRaw?: boolean } = {}) {
	return parseWebhook(webhookFixture(`kinds/${name}`), {
		events: true,
		agentFields: true,
		itemVersion: 2,
		...options,
	});
}

export const NUMBER = {
	wabaId: '200000000000001',
	businessPhoneNumberId: '100000000000001',
	businessDisplayPhoneNumber: '15550001111',
};

export const GROUP_ID = 'Y2FwaV9ncm91cDoxNTU1MDAwMTExMToxMjAzNjM0MDQ2OTQyMzM4MjA';
