#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Prints a fresh 2048-bit RSA key pair for a WhatsApp Flow endpoint: paste the private key into n8n's
 * "360dialog Flow Endpoint" credential (with the passphrase, when one is given), then run the 360dialog
 * node's Flow → Upload Public Key. Nothing is written to disk.
 *
 *   npm run flow-keys                 # private key without a passphrase
 *   npm run flow-keys -- --passphrase 'long words'
 */
const { generateKeyPairSync } = require('node:crypto');

const at = process.argv.indexOf('--passphrase');
const passphrase = at >= 0 ? process.argv[at + 1] : undefined;
if (at >= 0 && !passphrase) {
	process.stderr.write('--passphrase needs a value\n');
	process.exit(2);
}
const { privateKey, publicKey } = generateKeyPairSync('rsa', {
	modulusLength: 2048,
	publicKeyEncoding: { type: 'spki', format: 'pem' },
	privateKeyEncoding: passphrase
		? { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }
		: { type: 'pkcs8', format: 'pem' },
});
process.stdout.write(
	`Private key (paste into the credential, keep it nowhere else):\n\n${privateKey}\n` +
		`Public key (Upload Public Key sends it for you):\n\n${publicKey}`,
);
