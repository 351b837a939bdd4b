// @ts-check
'use strict';
/**
 * GET /marketing/template_analytics (360dialog docs partner/messaging/template-messages/template-analytics;
 * Meta, "Template analytics"): DAILY counts of the template sends this emulator made, per template and UTC
 * day, in Meta's `data[].data_points[]` shape. At most ten templates, DAILY only, start before end.
 */
const { invalidParameter, requiredParameter } = require('./errors');

/** @typedef {import('./cloud-api').Handler} Handler */

const DAY = 86_400;
const METRICS = ['SENT', 'DELIVERED', 'READ', 'CLICKED'];

/** A list given as JSON (`["1","2"]`) or comma-separated. @param {string | null} value */
function listOf(value) {
	if (value === null || value === '') return [];
	try {
		const parsed = JSON.parse(value);
		if (Array.isArray(parsed)) return parsed.map(String);
	} catch {
		// not JSON: comma-separated
	}
	return value
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean);
}

/** @param {URLSearchParams} query @param {string} name */
function unixParameter(query, name) {
	const value = query.get(name);
	if (value === null) throw requiredParameter(name);
	const seconds = Number(value);
	if (!Number.isInteger(seconds) || seconds < 0)
		throw invalidParameter(`Parameter '${name}' must be a UNIX timestamp in seconds`);
	return seconds;
}

/** @type {Handler} */
function templateAnalytics(ctx, call) {
	const query = call.url.searchParams;
	const start = Math.floor(unixParameter(query, 'start') / DAY) * DAY;
	const end = Math.ceil(unixParameter(query, 'end') / DAY) * DAY;
	if (end <= start) throw invalidParameter("Parameter 'end' must be after 'start'");
	if (query.get('granularity') !== 'DAILY')
		throw invalidParameter("Parameter 'granularity' must be DAILY");
	const ids = listOf(query.get('template_ids'));
	if (ids.length === 0) throw requiredParameter('template_ids');
	if (ids.length > 10)
		throw invalidParameter("Parameter 'template_ids' takes at most 10 templates");
	const metrics = listOf(query.get('metric_types'));
	const unknownMetric = metrics.find((metric) => !METRICS.includes(metric));
	if (unknownMetric)
		throw invalidParameter(`Parameter 'metric_types' has an unknown metric ${unknownMetric}`);
	const wanted = (/** @type {string} */ metric) => metrics.length === 0 || metrics.includes(metric);
	const templates = ctx.templates.all(call.number.wabaId);
	const points = ids.flatMap((id) => {
		const template = templates.find((candidate) => String(candidate.id) === id);
		if (!template)
			throw invalidParameter(`Parameter 'template_ids' names an unknown template ${id}`);
		const key = `${template.name}/${template.language}`;
		const sends = ctx.store.sent.filter(
			(record) => record.phoneNumberId === call.number.phoneNumberId && record.template === key,
		);
		const days = [];
		for (let day = start; day < end; day += DAY) {
			const ofDay = sends.filter(
				(record) => record.at >= day * 1000 && record.at < (day + DAY) * 1000,
			);
			const reached = (/** @type {string[]} */ statuses) =>
				ofDay.filter((record) => record.statuses.some((entry) => statuses.includes(entry.status)))
					.length;
			/** @type {Record<string, unknown>} */
			const point = { template_id: id, start: day, end: day + DAY };
			if (wanted('SENT')) point.sent = ofDay.length;
			if (wanted('DELIVERED')) point.delivered = reached(['delivered', 'read']);
			if (wanted('READ')) point.read = reached(['read']);
			if (wanted('CLICKED')) point.clicked = [];
			days.push(point);
		}
		return days;
	});
	return {
		body: { data: [{ granularity: 'DAILY', data_points: points }], paging: { cursors: {} } },
	};
}

/** @type {[string, RegExp, Handler][]} */
const TEMPLATE_ANALYTICS_ROUTES = [
	['GET', /^\/marketing\/template_analytics\/?$/, templateAnalytics],
];

module.exports = { TEMPLATE_ANALYTICS_ROUTES };
