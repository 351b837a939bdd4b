// @ts-check
/** Gives the bench run a results file that every table appends its rows to (see verdict.ts), and its start time. */
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

module.exports = async function globalSetup() {
	const folder = mkdtempSync(path.join(tmpdir(), 'n8n360-bench-'));
	process.env.N8N360_BENCH_RESULTS = path.join(folder, 'results.jsonl');
	process.env.N8N360_BENCH_STARTED = new Date().toISOString();
};
