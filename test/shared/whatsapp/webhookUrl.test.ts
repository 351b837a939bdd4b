import { checkWebhookUrl, isCloudBaseUrl } from '../../../nodes/shared/whatsapp/webhookUrl';

describe("360dialog's webhook URL rules", () => {
	test('a public https URL without a port is accepted', () => {
		expect(checkWebhookUrl('https://n8n.example.com/webhook/abc/webhook')).toBeUndefined();
	});

	test.each([
		['http://n8n.example.com/webhook/x', /only delivers to https/],
		['https://n8n.example.com:5678/webhook/x', /with a port \(":5678"/],
		['https://my_n8n.example.com/webhook/x', /underscore/],
		['https://localhost/webhook/x', /not reachable from the internet/],
		['https://192.168.1.20/webhook/x', /not reachable from the internet/],
		['not a url', /is not a URL/],
	])('%s is refused', (url, problem) => {
		const result = checkWebhookUrl(url);
		expect(result?.problem).toMatch(problem);
		expect(result?.fix).toMatch(/WEBHOOK_URL/);
	});

	test('the cloud and the sandbox are cloud base URLs; an emulator is not', () => {
		expect(isCloudBaseUrl('https://waba-v2.360dialog.io')).toBe(true);
		expect(isCloudBaseUrl('https://waba-sandbox.360dialog.io/')).toBe(true);
		expect(isCloudBaseUrl('http://127.0.0.1:4010')).toBe(false);
		expect(isCloudBaseUrl('https://evil360dialog.io.example.com')).toBe(false);
		expect(isCloudBaseUrl('junk')).toBe(false);
	});
});
