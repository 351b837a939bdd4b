/**
 * The editor as a newcomer meets it: Debian's Chromium at 1440×900, driven by playwright-core, n8n's panels at
 * their default widths, on a real n8n with this package (brought up as `npm start` does) and the emulator. The
 * workflows are fully set up, so that no node on the canvas shows an issue; the README's pictures are taken in
 * this same view (docs/images). What is asserted is what a user sees: each template variable's label and its
 * example readable in full, no send settings where nothing is sent, the node picker's entry, the subtitles.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

import type { Emulator } from '../../emulator';
import { Dialog360Trigger } from '../../nodes/Dialog360Trigger/Dialog360Trigger.node';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStack } = require('../../dev/stack') as typeof import('../../dev/stack');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OWNER } = require('../../dev/rest') as typeof import('../../dev/rest');
const {
	templateWorkflow,
	listWorkflow,
	WORKFLOW_ID,
	LIST_WORKFLOW_ID,
	SEND_TEMPLATE,
	LIST_TEMPLATES,
	DELIVERY_UPDATE_VALUES,
	TRIGGER,
	TRIGGER_WEBHOOK_ID,
	// eslint-disable-next-line @typescript-eslint/no-require-imports
} = require('./browser/templateWorkflow') as typeof import('./browser/templateWorkflow');

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
const VIEWPORT = { width: 1440, height: 900 };
const CUSTOMER = '4915112345678';
/** n8n's editor on a busy 2-core machine: its first load compiles a lot; every wait is a locator wait. */
const UI_TIMEOUT_MS = 90_000;
const IMAGES = path.join(__dirname, '..', '..', 'docs', 'images');
/** The README's pictures are rewritten with UPDATE_SCREENSHOTS=1 (or when missing), so that test runs leave the tree clean. */
const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';
const SEND_SETTING_LABELS = [
	'Send Settings',
	'Concurrency',
	'Messages Per Second',
	'Request Timeout',
];

jest.setTimeout(420_000);

type Stack = Awaited<ReturnType<typeof startStack>>;

/** The elements among `locator`'s whose text is cut: wider than the box that shows it. */
const clipped = async (locator: Locator) =>
	await locator.evaluateAll((elements) =>
		elements
			.filter((element) => element.scrollWidth > element.clientWidth + 1)
			.map((element) => element.textContent?.trim()),
	);

/** Waits until `done` holds, checking every 100 ms, for at most the editor's own wait. */
async function until(done: () => boolean): Promise<void> {
	for (const start = Date.now(); !done() && Date.now() - start < UI_TIMEOUT_MS; )
		await new Promise((resolve) => setTimeout(resolve, 100));
}

describe('the editor in Chromium at 1440×900', () => {
	let stack: Stack;
	let emulator: Emulator;
	let context: BrowserContext;
	let page: Page;
	let profile: string;
	let scratch: string;

	/** Where a screenshot goes: docs/images when it is (re)made for the README, a scratch folder otherwise. */
	function screenshotPath(name: string): string {
		const target = path.join(IMAGES, name);
		if (UPDATE_SCREENSHOTS || !existsSync(target)) {
			mkdirSync(IMAGES, { recursive: true });
			return target;
		}
		return path.join(scratch, name);
	}

	beforeAll(async () => {
		if (!existsSync(CHROMIUM)) {
			throw new Error(
				`${CHROMIUM} is missing: run "bash scripts/install-system-packages.sh chromium:chromium" (npm test does)`,
			);
		}
		stack = await startStack({
			workflows: [templateWorkflow(CUSTOMER), listWorkflow()],
			killOnSignal: true,
		});
		emulator = stack.emulator as Emulator;
		profile = mkdtempSync(path.join(tmpdir(), 'n8n360-chromium-'));
		scratch = mkdtempSync(path.join(tmpdir(), 'n8n360-screenshots-'));
		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			args: CHROMIUM_FLAGS,
			viewport: VIEWPORT,
		});
		context.setDefaultTimeout(UI_TIMEOUT_MS);
		page = context.pages()[0] ?? (await context.newPage());
		await signIn();
	});

	afterAll(async () => {
		await context?.close();
		await stack?.stop();
		for (const folder of [profile, scratch])
			if (folder) rmSync(folder, { recursive: true, force: true });
	});

	const ndv = () => page.locator('[data-test-id="ndv"]');
	const canvasNode = (name: string) =>
		page.locator('[data-test-id="canvas-node"]').filter({ hasText: name });
	const mappedField = (id: string) =>
		ndv().locator(`[data-test-id="parameter-input-${id}"] [data-test-id="parameter-input-field"]`);
	const mappedLabels = () => ndv().locator('label[for^="value"] .n8n-text');
	/** Send Template's guide: a notice above the fields, with each variable's text and example. */
	const guide = () => ndv().locator('[data-test-id="empty-fields-notice"]');
	const fieldIds = async () =>
		(
			await ndv()
				.locator('[data-test-id="resource-mapper-container"] [data-test-id^="parameter-input-"]')
				.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-test-id')))
		)
			.filter((id) => id !== 'parameter-input-field')
			.map((id) => String(id).replace('parameter-input-', ''));

	async function signIn() {
		await page.goto(`${stack.n8n.url}/signin`);
		await page.locator('input[name="emailOrLdapLoginId"]').fill(OWNER.email);
		await page.locator('input[name="password"]').fill(OWNER.password);
		await page.locator('[data-test-id="form-submit-button"]').click();
		await page.waitForURL((url) => !url.pathname.includes('signin'));
	}

	async function openWorkflow(id: string, firstNode: string) {
		await page.goto(`${stack.n8n.url}/workflow/${id}`);
		await canvasNode(firstNode).waitFor();
	}

	/** No node on the canvas shows an issue triangle, once the canvas has settled. */
	async function expectNoNodeIssues() {
		await page.waitForTimeout(1_000);
		const withIssues = await page
			.locator('[data-test-id="canvas-node"]')
			.filter({ has: page.locator('[data-test-id="node-issues"]') })
			.allTextContents();
		expect(withIssues).toEqual([]);
	}

	async function openNode(name: string) {
		await canvasNode(name).dblclick();
		await ndv().waitFor();
	}

	async function closeNode() {
		await page.keyboard.press('Escape');
		await ndv().waitFor({ state: 'hidden' });
	}

	async function fill(field: Locator, value: string) {
		await field.click();
		await field.fill(value);
		await field.press('Tab');
	}

	const visibleTexts = async (texts: string[]) => {
		const shown: string[] = [];
		for (const text of texts)
			if ((await ndv().getByText(text, { exact: true }).count()) > 0) shown.push(text);
		return shown;
	};

	test('the canvas of a fully set-up workflow: no node shows an issue, subtitles in words', async () => {
		await openWorkflow(WORKFLOW_ID, SEND_TEMPLATE);
		const trigger = canvasNode(TRIGGER);
		await trigger.getByText('Message', { exact: true }).waitFor();
		await trigger.getByText('Status', { exact: true }).waitFor();
		await expect(canvasNode(SEND_TEMPLATE).innerText()).resolves.toContain(
			'Send Template\nSend Template',
		);
		await expectNoNodeIssues();
		await page.screenshot({ path: screenshotPath('editor-canvas.png') });
	});

	test("Send Template at the default panel width: every variable's label and example readable in full; the node sends them", async () => {
		await openNode(SEND_TEMPLATE);
		await mappedField('button_2_payload').waitFor();
		expect(await fieldIds()).toEqual([
			'header_text',
			'body_1',
			'body_2',
			'button_1_url',
			'button_2_payload',
		]);
		const labels = mappedLabels();
		expect((await labels.allTextContents()).map((text) => text.trim())).toEqual([
			'Header {{1}}',
			'Body {{1}}',
			'Body {{2}}',
			'Button 1 {{1}}',
			'Button 2 payload',
		]);
		expect(await clipped(labels)).toEqual([]);

		await guide().scrollIntoViewIfNeeded();
		expect((await guide().innerText()).split('\n')).toEqual([
			'Header {{1}}: "Order {{1}} shipped" — e.g. #1234',
			'Body {{1}}: "Hi {{1}}, your parcel left our…" — e.g. Jane',
			'Body {{2}}: "…warehouse and arrives on {{2}}." — e.g. Friday, May 4',
			'Button 1 {{1}}: the "Track parcel" button: end of https://example.com/track/{{1}} — e.g. ABC123',
			'Button 2 payload: the "Change delivery" button: what your workflow receives when it is tapped',
		]);
		expect(await clipped(guide())).toEqual([]);
		// The whole guide lies inside the parameters panel: nothing to scroll sideways for.
		const panel = ndv().locator('[data-test-id="node-parameters"]');
		const [panelBox, guideBox] = [await panel.boundingBox(), await guide().boundingBox()];
		expect(guideBox && panelBox && guideBox.x + guideBox.width).toBeLessThanOrEqual(
			(panelBox?.x ?? 0) + (panelBox?.width ?? 0),
		);
		expect(await clipped(panel)).toEqual([]);
		expect(await ndv().locator('[data-test-id="parameter-issues"]').count()).toBe(0);
		expect(await visibleTexts(SEND_SETTING_LABELS)).toEqual(['Send Settings']);
		// The picture: the guide at the top of the panel, the fields under it.
		await guide().evaluate((element) => element.scrollIntoView({ block: 'start' }));
		await page.screenshot({ path: screenshotPath('send-template-mapped.png') });

		await page.locator('[data-test-id="node-execute-button"]').click();
		await page.locator('[data-test-id="output-panel"]').getByText('messageId').first().waitFor();
		expect(emulator.sent.map((record) => record.request)).toEqual([
			expect.objectContaining({
				to: CUSTOMER,
				type: 'template',
				template: {
					name: 'delivery_update',
					language: { code: 'en_US' },
					components: [
						{
							type: 'header',
							parameters: [{ type: 'text', text: DELIVERY_UPDATE_VALUES.header_text }],
						},
						{
							type: 'body',
							parameters: [
								{ type: 'text', text: DELIVERY_UPDATE_VALUES.body_1 },
								{ type: 'text', text: DELIVERY_UPDATE_VALUES.body_2 },
							],
						},
						{
							type: 'button',
							sub_type: 'url',
							index: '0',
							parameters: [{ type: 'text', text: DELIVERY_UPDATE_VALUES.button_1_url }],
						},
					],
				},
			}),
		]);
		await closeNode();
	});

	test('Template → List shows no send settings, and its subtitle in words', async () => {
		await openWorkflow(LIST_WORKFLOW_ID, LIST_TEMPLATES);
		await expect(canvasNode(LIST_TEMPLATES).innerText()).resolves.toContain(
			'List Templates\nList Templates',
		);
		await expectNoNodeIssues();
		await openNode(LIST_TEMPLATES);
		await ndv().getByText('Return All', { exact: true }).waitFor();
		expect(await visibleTexts(SEND_SETTING_LABELS)).toEqual([]);
		await closeNode();
	});

	test('the node picker after a manual start: one 360dialog entry that says what the node and its trigger do, with both inside', async () => {
		await openWorkflow(LIST_WORKFLOW_ID, LIST_TEMPLATES);
		await page.locator('[data-test-id="node-creator-plus-button"]').first().click();
		await page.locator('[data-test-id="node-creator-search-bar"]').fill('360dialog');
		const entry = page
			.locator('[data-test-id="node-creator-item-name"]')
			.filter({ hasText: /^360dialog$/ });
		await entry.waitFor();
		const description = entry.locator(
			'xpath=ancestor::*[.//*[@data-test-id="node-creator-item-description"]][1]//*[@data-test-id="node-creator-item-description"]',
		);
		// n8n shows a node and its trigger as one entry, with the trigger's description.
		expect((await description.innerText()).trim()).toBe(
			new Dialog360Trigger().description.description,
		);
		expect(await clipped(description)).toEqual([]);
		await entry.click();
		const creator = page.locator('[data-test-id="node-creator"]');
		await creator.getByText('Send a text message', { exact: true }).waitFor();
		const panel = await creator.innerText();
		expect(panel).toMatch(/Actions \(\d+\)/);
		expect(panel).toMatch(/Triggers \(1\)/);
		expect(panel).toContain('Send an image or other media');
		await page.keyboard.press('Escape');
	});

	test('Test this trigger on the published workflow: the panel receives the inbound message, the published workflow keeps its webhook', async () => {
		await stack.rest.activate(WORKFLOW_ID);
		const productionUrl = `${stack.n8n.url}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
		const testUrl = `${stack.n8n.url}/webhook-test/${TRIGGER_WEBHOOK_ID}/webhook`;
		await until(() => emulator.webhooks()[0]?.url === productionUrl);
		expect(emulator.webhooks()[0]?.url).toBe(productionUrl);

		await openWorkflow(WORKFLOW_ID, TRIGGER);
		await openNode(TRIGGER);
		await page.locator('[data-test-id="node-execute-button"]').click();
		const listening = () =>
			emulator.extraDestinations()[0]?.destinations.some((entry) => entry.url === testUrl) ?? false;
		await until(listening);
		expect(listening()).toBe(true);
		expect(emulator.webhooks()[0]?.url).toBe(productionUrl);

		emulator.injectInbound({
			from: CUSTOMER,
			name: 'Jane',
			type: 'text',
			text: { body: 'hello while testing' },
		});
		await page
			.locator('[data-test-id="output-panel"]')
			.getByText('hello while testing')
			.first()
			.waitFor();
		await until(() => !listening());
		expect(listening()).toBe(false);
		expect(emulator.webhooks()[0]?.url).toBe(productionUrl);
		await closeNode();
		await stack.rest.deactivate(WORKFLOW_ID);
	});

	test('picking another template: the fields become its own variables, and the node sends what is typed', async () => {
		await openWorkflow(WORKFLOW_ID, SEND_TEMPLATE);
		await openNode(SEND_TEMPLATE);
		await mappedField('body_1').waitFor();
		await page.locator('[data-test-id="rlc-input"]').click();
		await page
			.locator('[data-test-id="rlc-item"]')
			.filter({ hasText: 'appointment_reminder (en_US, UTILITY)' })
			.click();
		await mappedField('body_appointment_date').waitFor();
		expect(await fieldIds()).toEqual(['body_first_name', 'body_appointment_date']);
		expect(await clipped(mappedLabels())).toEqual([]);
		expect(await guide().innerText()).toContain('Body {{first_name}}: "Hello {{first_name}}');
		await fill(mappedField('body_first_name'), 'Ada');
		await fill(mappedField('body_appointment_date'), 'June 1, 09:30');
		emulator.reset();
		await page.locator('[data-test-id="node-execute-button"]').click();
		await until(() => emulator.sent.length > 0);
		expect(emulator.sent).toHaveLength(1);
		expect(emulator.sent[0].request.template).toMatchObject({
			name: 'appointment_reminder',
			components: [
				{
					type: 'body',
					parameters: [
						{ type: 'text', parameter_name: 'first_name', text: 'Ada' },
						{ type: 'text', parameter_name: 'appointment_date', text: 'June 1, 09:30' },
					],
				},
			],
		});
	});
});
