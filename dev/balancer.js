// @ts-check
/**
 * A round-robin HTTP load balancer on 127.0.0.1, in front of several n8n webhook processors: what a production
 * queue-mode set-up puts between 360dialog and them. Each request goes whole to the next target, as a plain
 * reverse proxy without sticky routing would send it, so redeliveries can land on another processor.
 */
const http = require('node:http');

/**
 * @param {string[]} targets base URLs, e.g. http://127.0.0.1:5680
 * @param {{ port?: number }} [options]
 */
async function startBalancer(targets, options = {}) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
	let next = 0;
	/** How many requests each target got, in the order of `targets`. */
	const routed = targets.map(() => 0);
	const server = http.createServer((req, res) => {
		const index = next++ % targets.length;
		routed[index]++;
		const target = new URL(req.url ?? '/', targets[index]);
		const upstream = http.request(
			target,
			{ method: req.method, headers: req.headers, agent },
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('error', (error) => {
			if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
			res.end(`bad gateway: ${error.message}`);
		});
		req.pipe(upstream);
	});
	server.keepAliveTimeout = 65_000;
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined));
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}`,
		routed,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve(undefined));
				server.closeAllConnections();
				agent.destroy();
			}),
	};
}

module.exports = { startBalancer };
