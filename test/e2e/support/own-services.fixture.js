// @ts-check
/**
 * A process that owns Redis, PostgreSQL and a plain child, prints them as one JSON line, then waits to be killed:
 * services.e2e.test.ts signals it and checks that nothing it started outlives it.
 */
const { startOwned } = require('../../../dev/processes');
const { startPostgres, startRedis } = require('../../../dev/services');

(async () => {
	const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
	const sleeper = startOwned('sleep', 'sleep', ['300']);
	console.log(
		JSON.stringify({
			pids: [redis.pid, postgres.pid, sleeper.pid],
			dirs: [redis.dir, postgres.dir],
		}),
	);
	setInterval(() => undefined, 60_000);
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
