// The same command-line entry as cli.js, for `node test/emulator/cli.mjs ...` (the package's `emulator` script).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { main } = require('./cli.js');

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
