/**
 * The GitHub Actions workflows cannot run here, so what n8n and npm require of them is read from the files: CI runs
 * `.ci/run` on every push and pull request; a version tag publishes to npm with a provenance statement through npm
 * trusted publishing (an OIDC token, no npm token in the repository), after the build, lint, scanner and a dry pack.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { parse } from 'yaml';

const ROOT = path.join(__dirname, '..', '..');
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');

type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown> };
type Job = {
	'runs-on'?: string;
	permissions?: Record<string, string>;
	steps?: Step[];
	env?: Record<string, string>;
};
type Workflow = {
	on: Record<string, { branches?: string[]; tags?: string[] } | null>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
};

function readWorkflow(file: string): Workflow {
	return parse(readFileSync(path.join(WORKFLOWS, file), 'utf8')) as Workflow;
}

const steps = (workflow: Workflow): Step[] =>
	Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);

/** The index of the first step whose command runs `command`, or -1. */
const stepRunning = (all: Step[], command: RegExp) =>
	all.findIndex((step) => command.test(step.run ?? ''));

/** GitHub's filter pattern for a ref name: `*` is any run of characters but `/`. */
function matchesRefFilter(pattern: string, ref: string): boolean {
	const source = pattern
		.split('*')
		.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
		.join('[^/]*');
	return new RegExp(`^${source}$`).test(ref);
}

const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
	version: string;
	scripts: Record<string, string>;
	engines: { node: string };
};

describe('the GitHub Actions workflows', () => {
	test('every workflow file is valid YAML with triggers and jobs', () => {
		const files = readdirSync(WORKFLOWS).filter((file) => /\.ya?ml$/.test(file));
		expect(files.sort()).toEqual(['ci.yml', 'publish.yml']);
		for (const file of files) {
			const workflow = readWorkflow(file);
			expect(Object.keys(workflow.on).length).toBeGreaterThan(0);
			expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0);
		}
	});
});

describe('ci.yml', () => {
	const ci = readWorkflow('ci.yml');

	test('runs on every push and on pull requests', () => {
		expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
		const branches = ci.on.push?.branches;
		if (branches) expect(branches.some((pattern) => matchesRefFilter(pattern, 'main'))).toBe(true);
	});

	test('runs .ci/run, the same as npm test on a clean clone', () => {
		expect(stepRunning(steps(ci), /^bash \.ci\/run$/m)).toBeGreaterThanOrEqual(0);
		const ciRun = readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
		expect(ciRun).toMatch(/^npm ci$/m);
		expect(ciRun).toMatch(/^npm test$/m);
	});

	test('sets up a Node.js the package supports before anything runs npm', () => {
		const all = steps(ci);
		const setup = all.findIndex((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setup).toBeGreaterThanOrEqual(0);
		expect(setup).toBeLessThan(stepRunning(all, /\.ci\/run/));
		const minimumMajor = Number(/(\d+)/.exec(packageJson.engines.node)?.[1]);
		expect(Number(all[setup].with?.['node-version'])).toBeGreaterThanOrEqual(minimumMajor);
	});

	test('can neither publish nor write to the repository', () => {
		expect(stepRunning(steps(ci), /npm publish/)).toBe(-1);
		expect(ci.permissions).toEqual({ contents: 'read' });
	});
});

describe('publish.yml', () => {
	const publish = readWorkflow('publish.yml');
	const all = steps(publish);
	const publishStep = stepRunning(all, /npm publish/);

	test('runs only when a version tag is pushed, and the tag of this version triggers it', () => {
		expect(Object.keys(publish.on)).toEqual(['push']);
		const tags = publish.on.push?.tags ?? [];
		expect(publish.on.push?.branches).toBeUndefined();
		expect(tags.some((pattern) => matchesRefFilter(pattern, `v${packageJson.version}`))).toBe(true);
		expect(tags.some((pattern) => matchesRefFilter(pattern, 'main'))).toBe(false);
	});

	test('checks that the tag names the version in package.json', () => {
		const check = stepRunning(all, /GITHUB_REF_NAME/);
		expect(check).toBeGreaterThanOrEqual(0);
		expect(all[check].run).toContain("require('./package.json').version");
		expect(check).toBeLessThan(publishStep);
	});

	test('may mint an OIDC token (id-token: write) and only read the repository', () => {
		const jobs = Object.values(publish.jobs);
		expect(jobs).toHaveLength(1);
		expect(jobs[0].permissions).toEqual({ 'id-token': 'write', contents: 'read' });
	});

	test('publishes with a provenance statement, publicly', () => {
		expect(publishStep).toBeGreaterThanOrEqual(0);
		const command = all[publishStep].run ?? '';
		expect(command).toMatch(/npm publish\b.*--provenance/);
		expect(command).toMatch(/--access public/);
	});

	test('needs no long-lived npm token: npm trusted publishing through OIDC', () => {
		const text = readFileSync(path.join(WORKFLOWS, 'publish.yml'), 'utf8');
		expect(text).not.toMatch(/NODE_AUTH_TOKEN|NPM_TOKEN|secrets\./);
		const setup = all.find((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setup?.with?.['registry-url']).toBe('https://registry.npmjs.org');
		// Trusted publishing needs npm 11.5.1 or newer; Node 22 ships npm 10.
		expect(
			stepRunning(all, /npm install -g npm@\^?11\.(5\.[1-9]|[6-9]|\d{2})/),
		).toBeGreaterThanOrEqual(0);
	});

	test.each([
		['npm ci', /^npm ci$/m],
		['the build', /^npm run build$/m],
		['the lint', /^npm run lint$/m],
		["n8n's community-package scanner", /^npm run scan$/m],
		['a dry pack that lists the tarball', /^npm pack --dry-run$/m],
	])('runs %s before publishing', (_what, command) => {
		const index = stepRunning(all, command);
		expect(index).toBeGreaterThanOrEqual(0);
		expect(index).toBeLessThan(publishStep);
	});

	test('the scripts it runs exist in package.json', () => {
		for (const script of ['build', 'lint', 'scan'])
			expect(packageJson.scripts[script]).toBeTruthy();
	});
});
