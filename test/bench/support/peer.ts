/**
 * The other 360dialog community package, measured beside this one: installed from the npm registry into the
 * runtime cache (outside the repository, once per version), then copied per run with its hard-coded 360dialog base
 * URL pointed at the emulator. Only that copy is changed; the cached package stays as published.
 */
import { execFileSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';

export const PEER_PACKAGE = '@pmartino/n8n-nodes-360dialog';
/** The version the README's figures were taken with; N8N360_PEER_VERSION measures another. */
export const PEER_VERSION = process.env.N8N360_PEER_VERSION ?? '0.3.0';
const CLOUD_URL = 'https://waba-v2.360dialog.io';

function cacheRoot(): string {
	return (
		process.env.N8N360_CACHE ??
		path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'n8n-nodes-360dialog')
	);
}

/** The newest published version, as `npm view` reports it; undefined when the registry cannot be asked. */
export function latestPeerVersion(): string | undefined {
	try {
		return execFileSync('npm', ['view', PEER_PACKAGE, 'version'], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
			timeout: 60_000,
		}).trim();
	} catch {
		return undefined;
	}
}

/** The unpacked published package (its `package/` folder), downloaded on first use. */
export function installPeer(version = PEER_VERSION): string {
	const folder = path.join(cacheRoot(), 'peers', `pmartino-n8n-nodes-360dialog-${version}`);
	const unpacked = path.join(folder, 'package');
	if (existsSync(path.join(unpacked, 'package.json'))) return unpacked;
	const partial = `${folder}.partial`;
	rmSync(partial, { recursive: true, force: true });
	mkdirSync(partial, { recursive: true });
	execFileSync('npm', ['pack', `${PEER_PACKAGE}@${version}`, '--pack-destination', partial], {
		stdio: ['ignore', 'ignore', 'inherit'],
		timeout: 180_000,
	});
	const tarball = readdirSync(partial).find((file) => file.endsWith('.tgz'));
	if (!tarball) throw new Error(`npm pack ${PEER_PACKAGE}@${version} left no tarball`);
	execFileSync('tar', ['xzf', tarball], { cwd: partial });
	rmSync(folder, { recursive: true, force: true });
	renameSync(partial, folder);
	return unpacked;
}

/** Every file of `folder` (recursively) whose name ends in `.js`. */
function scripts(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
		.map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * A throw-away copy of the package's `dist` with every mention of the 360dialog cloud URL replaced by `baseUrl`:
 * the folder to give n8n as N8N_CUSTOM_EXTENSIONS. Answers the folder and how many files were changed.
 */
export function peerExtensionFor(baseUrl: string, version = PEER_VERSION) {
	const published = installPeer(version);
	const copy = mkdtempSync(path.join(tmpdir(), 'n8n360-peer-'));
	cpSync(path.join(published, 'dist'), copy, { recursive: true });
	let rewritten = 0;
	for (const file of scripts(copy)) {
		const text = readFileSync(file, 'utf8');
		if (!text.includes(CLOUD_URL)) continue;
		writeFileSync(file, text.split(CLOUD_URL).join(baseUrl));
		rewritten += 1;
	}
	if (rewritten === 0) throw new Error(`${PEER_PACKAGE}@${version} no longer names ${CLOUD_URL}`);
	return { folder: copy, rewritten, remove: () => rmSync(copy, { recursive: true, force: true }) };
}
