import {
	eventKey,
	messageKey,
	parseWebhook,
	statusKey,
} from '../../../../nodes/shared/whatsapp/webhook';
import {
	firstValue,
	kindFixtureNames,
	webhookFixture,
	webhookFixtureNames,
} from '../../../fixtures/webhooks';

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const JUNK: unknown[] = [
	null,
	undefined,
	0,
	-1,
	1e300,
	Number.NaN,
	Number.POSITIVE_INFINITY,
	'',
	' ',
	'x',
	'{',
	'__proto__',
	'constructor',
	'toString',
	true,
	false,
	[],
	{},
	[null, 1, 'a'],
	{ __proto__: { polluted: true } },
	{ type: 'Buffer', data: 'x' },
	{ id: 'wamid.junk', status: 'read', type: 'text' },
	10n,
	Symbol('junk'),
	() => 'fn',
	new Date(0),
];

/** Every object and array inside `root`, with itself. */
function containers(root: unknown): Array<Record<string, unknown> | unknown[]> {
	const found: Array<Record<string, unknown> | unknown[]> = [];
	const walk = (value: unknown) => {
		if (value === null || typeof value !== 'object') return;
		found.push(value as Record<string, unknown>);
		for (const child of Object.values(value)) walk(child);
	};
	walk(root);
	return found;
}

function mutate(body: unknown, next: () => number): unknown {
	const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)];
	const changes = 1 + Math.floor(next() * 4);
	for (let i = 0; i < changes; i++) {
		const target = pick(containers(body)) as Record<string, unknown>;
		const keys = Object.keys(target);
		if (keys.length === 0) continue;
		const key = pick(keys);
		const roll = next();
		if (roll < 0.3) delete target[key];
		else if (roll < 0.9) target[key] = pick(JUNK);
		else
			target[
				pick(['type', 'id', 'entry', 'changes', 'value', 'messages', 'statuses', 'errors', 'field'])
			] = pick(JUNK);
	}
	return next() < 0.1 ? pick(JUNK) : body;
}

describe('robustness', () => {
	it('500 random mutations of the fixtures never make the parser throw', () => {
		const next = random(360);
		const names = webhookFixtureNames();
		for (let run = 0; run < 500; run++) {
			const name = names[run % names.length];
			const body = mutate(webhookFixture(name), next);
			const includeRaw = run % 2 === 0;
			let result: ReturnType<typeof parseWebhook> | undefined;
			expect(() => {
				result = parseWebhook(body, { includeRaw });
				for (const message of result.messages) messageKey(message);
				for (const status of result.statuses) statusKey(status);
			}).not.toThrow();
			for (const item of [...result!.messages, ...result!.statuses]) {
				expect(typeof item.messageId).toBe('string');
				expect(Object.values(item)).not.toContain(undefined);
			}
		}
	});

	it('500 random mutations of the 2026 fixtures never make item shape 2 throw or carry undefined', () => {
		const next = random(2026);
		const names = kindFixtureNames();
		for (let run = 0; run < 500; run++) {
			const body = mutate(webhookFixture(names[run % names.length]), next);
			let result: ReturnType<typeof parseWebhook> | undefined;
			expect(() => {
				result = parseWebhook(body, {
					includeRaw: run % 2 === 0,
					events: true,
					agentFields: true,
					itemVersion: 2,
				});
				for (const event of result.events) eventKey(event);
			}).not.toThrow();
			for (const item of [...result!.messages, ...result!.statuses, ...result!.events])
				expect(Object.values(item)).not.toContain(undefined);
		}
	});

	it('a body of 1,000 messages and 1,000 statuses is split into every one of its items', () => {
		const body = webhookFixture('batch-two-entries');
		const value = firstValue(body);
		const [message] = value.messages;
		const status = body.entry[0].changes[1].value.statuses[0];
		value.messages = Array.from({ length: 1_000 }, (_, i) => ({ ...message, id: `wamid.${i}` }));
		value.statuses = Array.from({ length: 1_000 }, (_, i) => ({ ...status, id: `wamid.s${i}` }));
		const text = JSON.stringify(body);
		const result = parseWebhook(text);
		expect(result.messages.length).toBe(1_001);
		expect(result.statuses.length).toBe(1_002);
		expect(new Set(result.messages.map((item) => item.messageId)).size).toBe(1_001);
	});
});
