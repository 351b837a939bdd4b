/**
 * The editor in a real browser: Debian's Chromium, driven by playwright-core, on a real n8n with this package
 * (brought up as `npm start` does) and the emulator. A user signs in, opens a workflow, picks an emulator
 * template from the list, sees its variables as fields, fills them and runs the node; the emulator must
 * receive exactly that template body. The run also takes the README's screenshots (docs/images).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

import type { Emulator } from '../../emulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStack } = require('../../dev/stack') as typeof import('../../dev/stack');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OWNER } = require('../../dev/rest') as typeof import('../../dev/rest');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { templateWorkflow, WORKFLOW_ID, SEND_TEMPLATE } =
	require('./browser/templateWorkflow') as typeof import('./browser/templateWorkflow');

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
const CUSTOMER = '4915112345678';
/** n8n's editor on a busy 2-core machine: its first load compiles a lot; every wait is a locator wait. */
const UI_TIMEOUT_MS = 90_000;
const IMAGES = path.join(__dirname, '..', '..', 'docs', 'images');
/** The README's pictures are rewritten with UPDATE_SCREENSHOTS=1 (or when missing), so that test runs leave the tree clean. */
const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';

jest.setTimeout(420_000);

type Stack = Awaited<ReturnType<typeof startStack>>;

describe('the editor in Chromium', () => {
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
		stack = await startStack({ workflows: [templateWorkflow(CUSTOMER)], killOnSignal: true });
		emulator = stack.emulator as Emulator;
		profile = mkdtempSync(path.join(tmpdir(), 'n8n360-chromium-'));
		scratch = mkdtempSync(path.join(tmpdir(), 'n8n360-screenshots-'));
		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			args: CHROMIUM_FLAGS,
			viewport: { width: 1440, height: 900 },
		});
		context.setDefaultTimeout(UI_TIMEOUT_MS);
		page = context.pages()[0] ?? (await context.newPage());
	});

	afterAll(async () => {
		await context?.close();
		await stack?.stop();
		for (const folder of [profile, scratch])
			if (folder) rmSync(folder, { recursive: true, force: true });
	});

	const mapper = () => page.locator('[data-test-id="resource-mapper-container"]');
	const mappedField = (id: string) =>
		mapper().locator(
			`[data-test-id="parameter-input-${id}"] [data-test-id="parameter-input-field"]`,
		);
	const fieldIds = async () =>
		(
			await mapper()
				.locator('[data-test-id^="parameter-input-"]:not([data-test-id="parameter-input-field"])')
				.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-test-id')))
		).map((id) => String(id).replace('parameter-input-', ''));

	async function fill(field: Locator, value: string) {
		await field.click();
		await field.fill(value);
		await field.press('Tab');
	}

	async function pickTemplate(label: string) {
		await page.locator('[data-test-id="rlc-input"]').click();
		await page.locator('[data-test-id="rlc-item"]').filter({ hasText: label }).click();
	}

	/** Drags the parameters panel's edges outwards, so that the fields' labels show in full. */
	async function widenParameters() {
		const edges = page.locator('[data-test-id="ndv"] [data-test-id="resize-handle"]');
		for (const [at, dx] of [
			[1, 330],
			[0, -230],
		]) {
			const box = await edges.nth(at).boundingBox();
			if (!box) continue;
			await page.mouse.move(box.x + 2, box.y + box.height / 2);
			await page.mouse.down();
			await page.mouse.move(box.x + 2 + dx, box.y + box.height / 2, { steps: 10 });
			await page.mouse.up();
		}
	}

	async function signInAndOpenWorkflow() {
		await page.goto(`${stack.n8n.url}/signin`);
		await page.locator('input[name="emailOrLdapLoginId"]').fill(OWNER.email);
		await page.locator('input[name="password"]').fill(OWNER.password);
		await page.locator('[data-test-id="form-submit-button"]').click();
		await page.waitForURL((url) => !url.pathname.includes('signin'));

		await page.goto(`${stack.n8n.url}/workflow/${WORKFLOW_ID}`);
		const nodes = page.locator('[data-test-id="canvas-node"]');
		await nodes.filter({ hasText: SEND_TEMPLATE }).waitFor();
		await expect(nodes.allTextContents()).resolves.toEqual(
			expect.arrayContaining([
				expect.stringContaining('360dialog Trigger'),
				expect.stringContaining('Handle Message'),
				expect.stringContaining('Track Status'),
			]),
		);
		const trigger = nodes.filter({ hasText: '360dialog Trigger' });
		await trigger.getByText('Message', { exact: true }).waitFor();
		await trigger.getByText('Status', { exact: true }).waitFor();
	}

	test('a user picks an emulator template, sees its variables as fields, fills them and runs the node: the emulator receives that body', async () => {
		await signInAndOpenWorkflow();
		await page.screenshot({ path: screenshotPath('editor-canvas.png') });

		await page
			.locator('[data-test-id="canvas-node"]')
			.filter({ hasText: SEND_TEMPLATE })
			.dblclick();
		await page.locator('[data-test-id="ndv"]').waitFor();
		await mapper().getByText('Choose a template above').waitFor();

		await pickTemplate('delivery_update (en_US, UTILITY)');
		await mappedField('button_2_payload').waitFor();
		expect(await fieldIds()).toEqual([
			'header_text',
			'body_1',
			'body_2',
			'button_1_url',
			'button_2_payload',
		]);
		const labels = (await mapper().locator('label[for^="value"] .n8n-text').allTextContents()).map(
			(text) => text.trim(),
		);
		expect(labels).toEqual([
			'Header {{1}}: "Order {{1}} shipped" — e.g. #1234',
			'Body {{1}}: "Hi {{1}}, your parcel left our…" — e.g. Jane',
			'Body {{2}}: "…warehouse and arrives on {{2}}." — e.g. Friday, May 4',
			'Button 1 "Track parcel" URL: end of https://example.com/track/{{1}} — e.g. ABC123',
			'Button 2 "Change delivery" payload: what your workflow receives when it is tapped',
		]);

		await fill(mappedField('header_text'), '#2041');
		await fill(mappedField('body_1'), 'Jane');
		await fill(mappedField('body_2'), 'Friday, May 4');
		await fill(mappedField('button_1_url'), 'ZX-2041');
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
						{ type: 'header', parameters: [{ type: 'text', text: '#2041' }] },
						{
							type: 'body',
							parameters: [
								{ type: 'text', text: 'Jane' },
								{ type: 'text', text: 'Friday, May 4' },
							],
						},
						{
							type: 'button',
							sub_type: 'url',
							index: '0',
							parameters: [{ type: 'text', text: 'ZX-2041' }],
						},
					],
				},
			}),
		]);

		await page.setViewportSize({ width: 1920, height: 1200 });
		await widenParameters();
		await mapper().scrollIntoViewIfNeeded();
		await page.screenshot({ path: screenshotPath('send-template-mapped.png') });

		// Another template: the fields become its own variables.
		await pickTemplate('appointment_reminder (en_US, UTILITY)');
		await mappedField('body_appointment_date').waitFor();
		expect(await fieldIds()).toEqual(['body_first_name', 'body_appointment_date']);
	});
});
