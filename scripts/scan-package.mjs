// Packs the package as npm would publish it and runs n8n's community-package scanner over the tarball's
// contents (the same lint n8n runs before it lists a package). Exits non-zero on any violation.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';

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
			`Scanner: ${tarball} passed n8n's community-package checks (${files.length} files in the tarball)`,
		);
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
