import {
	describeWebhookUrl,
	webhookOwner,
} from '../../../nodes/Dialog360Trigger/activation/webhookOwner';

const TEST_URL = 'https://n8n.example.com/webhook-test/aaaa-1111/webhook';
const PRODUCTION_URL = 'https://n8n.example.com/webhook/aaaa-1111/webhook';

describe("whose URL holds the number, seen from the trigger's own URL", () => {
	test("this trigger's production URL, seen from its test URL", () => {
		expect(webhookOwner(PRODUCTION_URL, TEST_URL)).toBe('thisTrigger');
		expect(describeWebhookUrl(PRODUCTION_URL, TEST_URL)).toBe(
			`${PRODUCTION_URL} (this workflow's production URL)`,
		);
	});

	test("this trigger's test URL, seen from its production URL", () => {
		expect(describeWebhookUrl(TEST_URL, PRODUCTION_URL)).toBe(
			`${TEST_URL} (this workflow's test URL)`,
		);
	});

	test('another 360dialog Trigger of the same n8n', () => {
		const other = 'https://n8n.example.com/webhook/bbbb-2222/webhook';
		expect(webhookOwner(other, TEST_URL)).toBe('thisN8n');
		expect(describeWebhookUrl(other, PRODUCTION_URL)).toBe(
			`${other} (another workflow of this n8n)`,
		);
		const otherTest = 'https://n8n.example.com/webhook-test/bbbb-2222/webhook';
		expect(describeWebhookUrl(otherTest, PRODUCTION_URL)).toBe(
			`${otherTest} (another workflow's test on this n8n)`,
		);
	});

	test('an n8n served under a path prefix keeps its prefix in the comparison', () => {
		const ours = 'https://example.com/automation/webhook-test/aaaa-1111/webhook';
		expect(webhookOwner('https://example.com/automation/webhook/bbbb/webhook', ours)).toBe(
			'thisN8n',
		);
		expect(webhookOwner('https://example.com/other/webhook/bbbb/webhook', ours)).toBe('elsewhere');
	});

	test('another host, another port, another path or no URL at all is someone else', () => {
		expect(webhookOwner('https://crm.example.com/webhook/bbbb/webhook', TEST_URL)).toBe(
			'elsewhere',
		);
		expect(webhookOwner('https://n8n.example.com:8443/webhook/bbbb/webhook', TEST_URL)).toBe(
			'elsewhere',
		);
		expect(webhookOwner('https://n8n.example.com/webhook/bbbb/orders', TEST_URL)).toBe('elsewhere');
		expect(webhookOwner('https://n8n.example.com/whatsapp', TEST_URL)).toBe('elsewhere');
		expect(webhookOwner('not a url', TEST_URL)).toBe('elsewhere');
		expect(describeWebhookUrl('https://crm.example.com/whatsapp', TEST_URL)).toBe(
			'https://crm.example.com/whatsapp',
		);
	});
});
