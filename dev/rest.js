// @ts-check
/** n8n's own REST API, as the editor uses it: owner set-up, log-in, activation, and reading executions. */
const path = require('node:path');
const { delay } = require('./wait');

const OWNER = {
	email: 'owner@example.com',
	firstName: 'Test',
	lastName: 'Owner',
	password: 'Passw0rd-360dialog',
};
const BROWSER_ID = 'n8n360-e2e-browser';

/**
 * @param {string} baseUrl n8n's URL
 * @param {string} modules the runtime's node_modules (for n8n's own `flatted`, which stores execution data)
 */
async function connectRest(baseUrl, modules) {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const flatted = require(path.join(modules, 'flatted'));
	let cookie = '';

	/** @param {string} method @param {string} route @param {unknown} [body] */
	async function send(method, route, body) {
		return await fetch(`${baseUrl}/rest${route}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': BROWSER_ID,
				...(cookie ? { cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	}

	/**
	 * A busy n8n may close a kept-alive connection just as a request goes out on it: a read (GET) is sent again on
	 * a new one.
	 * @param {string} method @param {string} route @param {unknown} [body]
	 */
	async function call(method, route, body) {
		const response = await send(method, route, body).catch(async (error) => {
			if (method !== 'GET' || error?.message !== 'fetch failed') throw error;
			await delay(200);
			return await send(method, route, body);
		});
		const setCookie = response.headers.get('set-cookie');
		if (setCookie) cookie = setCookie.split(';')[0];
		const text = await response.text();
		/** @type {any} */
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = text;
		}
		if (!response.ok) {
			const error = new Error(
				`${method} /rest${route} answered ${response.status}: ${text.slice(0, 500)}`,
			);
			Object.assign(error, { status: response.status, body: json });
			throw error;
		}
		return json?.data ?? json;
	}

	// 400: the owner exists already (a reused user folder).
	await call('POST', '/owner/setup', OWNER).catch((error) => {
		if (error.status !== 400) throw error;
	});
	await call('POST', '/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });

	/** @param {string} id */
	async function execution(id) {
		const found = await call('GET', `/executions/${id}`);
		const data = typeof found.data === 'string' ? flatted.parse(found.data) : found.data;
		return { ...found, data };
	}
	/** Finished executions, parsed once: they no longer change. @type {Map<string, any>} */
	const parsed = new Map();

	return {
		/** @param {string} id */
		async activate(id) {
			const workflow = await call('GET', `/workflows/${id}`);
			return await call('POST', `/workflows/${id}/activate`, { versionId: workflow.versionId });
		},
		/** @param {string} id */
		async deactivate(id) {
			return await call('POST', `/workflows/${id}/deactivate`, {});
		},
		/**
		 * Runs a workflow by hand, as the editor's "Execute workflow" button does; answers the execution id.
		 * @param {string} id @param {string} triggerName
		 */
		async runManually(id, triggerName) {
			const workflow = await call('GET', `/workflows/${id}`);
			const started = await call('POST', `/workflows/${id}/run`, {
				workflowData: workflow,
				triggerToStartFrom: { name: triggerName },
			});
			return /** @type {string} */ (started.executionId);
		},
		/** Executions of a workflow, newest first. @param {string} workflowId */
		async executions(workflowId) {
			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			const result = await call('GET', `/executions?filter=${filter}&limit=100`);
			return /** @type {any[]} */ (result.results ?? result);
		},
		/** How many executions a workflow has, finished or not. @param {string} workflowId */
		async countExecutions(workflowId) {
			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			const result = await call('GET', `/executions?filter=${filter}&limit=1`);
			return /** @type {number} */ (result.count);
		},
		/**
		 * Every execution of a workflow, each once. n8n 2.41 sorts its list by start time but moves its cursor by id
		 * (`id < last id of the page`), so where executions start in another order than they were created (queue
		 * mode, one worker taking jobs from two webhook processors) pages overlap and skip. The pages are read,
		 * each id kept once, and the ids they skipped (between the lowest and highest seen, then beyond them while
		 * the count is short) are read one by one.
		 * @param {string} workflowId
		 */
		async allExecutions(workflowId) {
			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			/** @type {Map<string, any>} */
			const byId = new Map();
			let cursor = '';
			let count = 0;
			for (;;) {
				const page = await call('GET', `/executions?filter=${filter}&limit=100${cursor}`);
				count = Math.max(count, page.count ?? 0);
				for (const summary of page.results ?? []) byId.set(String(summary.id), summary);
				if (!page.nextCursor) break;
				cursor = `&cursor=${encodeURIComponent(page.nextCursor)}`;
			}
			const ids = [...byId.keys()].map(Number).filter(Number.isInteger);
			if (ids.length === 0) return [];
			/** @param {number} id */
			const readOne = async (id) => {
				if (byId.has(String(id))) return;
				const found = await call('GET', `/executions/${id}`).catch(() => undefined);
				if (found && String(found.workflowId) === String(workflowId)) byId.set(String(id), found);
			};
			let low = Math.min(...ids);
			let high = Math.max(...ids);
			for (let id = low + 1; id < high; id++) await readOne(id);
			// Still short: the pages may have skipped the very first or last; look a bounded way further out.
			for (let step = 0; byId.size < count && step < 500; step++) {
				if (low > 1) await readOne(--low);
				await readOne(++high);
			}
			return [...byId.values()];
		},
		/** One execution with its run data parsed. @param {string} id */
		execution,
		/**
		 * What one node put on each of its outputs, in every finished execution of a workflow (newest first):
		 * `outputs[0]` is the first output's items (for the 360dialog Trigger: Message), `outputs[1]` the second (Status).
		 * @param {string} workflowId @param {string} nodeName
		 */
		async nodeOutputs(workflowId, nodeName) {
			const listed = await this.executions(workflowId);
			const finished = listed.filter((e) => !['new', 'running', 'waiting'].includes(e.status));
			const result = [];
			for (const { id, status } of finished) {
				parsed.set(id, parsed.get(id) ?? (await execution(id)));
				const main = parsed.get(id).data?.resultData?.runData?.[nodeName]?.[0]?.data?.main ?? [];
				result.push({
					id: /** @type {string} */ (id),
					status: /** @type {string} */ (status),
					outputs: /** @type {Array<Array<{ json: Record<string, any> }>>} */ (
						main.map((/** @type {unknown} */ items) => items ?? [])
					),
				});
			}
			return result;
		},
	};
}

module.exports = { connectRest, OWNER };
