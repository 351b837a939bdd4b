import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core writes an encryption key into the user folder on first use: keep it out of the home folder.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n360-user-'));
// n8n-core logs every failed node to the console; tests assert the errors themselves.
process.env.N8N_LOG_LEVEL ??= 'silent';
