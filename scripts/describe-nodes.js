#!/usr/bin/env node
/**
 * Prints the descriptions of the built nodes (dist/) as one canonical JSON: every node, every version (each
 * `nodeVersions[v].description` of a versioned node), the credential, keys sorted, functions as their
 * source. Two builds whose output hashes the same show the same nodes to n8n, so a refactor can prove it
 * changed no field, default, hint or option:
 *
 *   npm run build && node scripts/describe-nodes.js | sha256sum
 *
 * Run it before and after a change and compare the hashes, or diff the two outputs to see what changed.
 */
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { n8n } = require(path.join(root, 'package.json'));

/**
 * A value with its keys in order; functions as their source, so that a changed function shows too.
 * @param {any} value
 * @param {Set<object>} [seen]
 * @returns {any}
 */
function canonical(value, seen = new Set()) {
	if (typeof value === 'function') return `[function] ${value.toString()}`;
	if (value === null || typeof value !== 'object') return value;
	if (seen.has(value)) return '[circular]';
	seen.add(value);
	/** @type {any} */
	const result = Array.isArray(value)
		? value.map((/** @type {any} */ entry) => canonical(entry, seen))
		: Object.fromEntries(
				Object.keys(value)
					.sort()
					.map((key) => [key, canonical(value[key], seen)]),
			);
	seen.delete(value);
	return result;
}

/**
 * What n8n reads from a node: its description, or each version's for a versioned node.
 * @param {any} instance
 */
function describeNode(instance) {
	if (!instance.nodeVersions) return { description: instance.description };
	/** @type {Record<string, unknown>} */
	const versions = {};
	for (const version of Object.keys(instance.nodeVersions)) {
		versions[version] = instance.nodeVersions[version].description;
	}
	return { description: instance.description, versions };
}

/** @param {string} file */
function loadExports(file) {
	const absolute = path.join(root, file);
	try {
		return require(absolute);
	} catch (error) {
		throw new Error(`${file} could not be loaded (run npm run build first): ${error.message}`);
	}
}

/** @type {Record<string, unknown>} */
const described = {};
for (const file of [...n8n.nodes, ...n8n.credentials]) {
	for (const [name, Exported] of Object.entries(loadExports(file))) {
		if (typeof Exported !== 'function') continue;
		const instance = new Exported();
		described[`${file}#${name}`] = file.includes('/credentials/')
			? { credential: instance }
			: describeNode(instance);
	}
}

process.stdout.write(`${JSON.stringify(canonical(described), null, '\t')}\n`);
