import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core writes an encryption key into the user folder on first use: keep it out of the home folder, in a
// folder of this test file's own that goes when the file is done.
if (!process.env.N8N_USER_FOLDER) {
	const folder = mkdtempSync(join(tmpdir(), 'n8n360-user-'));
	process.env.N8N_USER_FOLDER = folder;
	afterAll(() => rmSync(folder, { recursive: true, force: true }));
}
// n8n-core logs every failed node to the console; tests assert the errors themselves.
process.env.N8N_LOG_LEVEL ??= 'silent';
