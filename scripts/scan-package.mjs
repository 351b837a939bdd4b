// Packs the package as npm would publish it and runs n8n's community-package scanner over the tarball's
// contents (the same lint n8n runs before it lists a package). Before that, `npm pack --dry-run --json` must list
// nothing but dist/ and the files npm adds to every tarball. Exits non-zero on any violation.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';

/** Files npm puts in every tarball whatever `files` says (npm's docs, "files" in package.json). */
const ALWAYS_ADDED = /^(package\.json|(README|LICEN[CS]E|CHANGELOG)(\.[^/]*)?)$/i;

/** The paths `npm pack` would publish that are neither under dist/ nor added by npm to every tarball. */
function unexpectedTarballFiles() {
	const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
	const entryPoints = new Set(
		[manifest.main, ...Object.values(manifest.bin ?? {})]
			.filter(Boolean)
			.map((file) => path.posix.normalize(file)),
	);
	const [listing] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json'], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		}),
	);
	return listing.files
		.map((file) => file.path)
		.filter(
			(file) => !file.startsWith('dist/') && !ALWAYS_ADDED.test(file) && !entryPoints.has(file),
		);
}

const unexpected = unexpectedTarballFiles();
if (unexpected.length) {
	console.error(
		`npm pack would publish files outside dist/: ${unexpected.join(', ')}. ` +
			'Keep "files" in package.json to ["dist"], or remove them.',
	);
	process.exit(1);
}

const work = mkdtempSync(path.join(tmpdir(), 'n8n360-scan-'));
try {
	execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
	if (!tarball) throw new Error('npm pack produced no tarball');
	execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', work]);
	const packageDir = path.join(work, 'package');
	const files = execFileSync('find', [packageDir, '-type', 'f'], { encoding: 'utf8' })
		.trim()
		.split('\n');
	const result = await analyzePackage(packageDir);
	if (!result.passed) {
		console.error(`Scanner: ${tarball} FAILED: ${result.message}`);
		if (result.details) console.error(result.details);
		process.exitCode = 1;
	} else {
		console.log(
			`Scanner: ${tarball} passed n8n's community-package checks (${files.length} files in the tarball, ` +
				'nothing outside dist/ but what npm always adds)',
		);
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
