/**
 * Template analytics (360dialog docs partner/messaging/template-messages/template-analytics, GET
 * /marketing/template_analytics; Meta, "Template analytics": start, end, granularity DAILY, template_ids
 * and metric_types): the query checked against what the platform allows, and its answer as one record per
 * template and day.
 */
import { asRecord } from '../json';
import type { JsonRecord } from '../json';
import { PayloadError } from '../validation';

export const ANALYTICS_METRICS = ['SENT', 'DELIVERED', 'READ', 'CLICKED'] as const;
/** Templates one call may ask about. */
export const MAX_ANALYTICS_TEMPLATES = 10;
const DAY_SECONDS = 86_400;

export interface AnalyticsQueryInput {
	/** ISO dates or date-times; the platform counts whole UTC days. */
	start: string;
	end: string;
	templateIds: string[];
	metrics?: string[];
}

function unixSeconds(value: string, field: string, label: string): number {
	const ms = Date.parse(value);
	if (!value || Number.isNaN(ms)) {
		throw new PayloadError(
			`${label} "${value}" is not a date`,
			field,
			`Give ${label} as a date such as 2026-05-01, or pick it in the date picker.`,
		);
	}
	return Math.floor(ms / 1000);
}

/** The query of GET /marketing/template_analytics: whole days, at most ten templates, known metrics. */
export function buildAnalyticsQuery(input: AnalyticsQueryInput, now = Date.now()): JsonRecord {
	const start = Math.floor(unixSeconds(input.start, 'start', 'Start') / DAY_SECONDS) * DAY_SECONDS;
	const end = Math.ceil(unixSeconds(input.end, 'end', 'End') / DAY_SECONDS) * DAY_SECONDS;
	if (end <= start)
		throw new PayloadError(
			'End is not after Start',
			'end',
			'Choose an end date after the start date.',
		);
	if (start * 1000 > now)
		throw new PayloadError('Start is in the future', 'start', 'Choose a start date in the past.');
	const ids = [...new Set(input.templateIds.map((id) => id.trim()).filter(Boolean))];
	if (ids.length === 0)
		throw new PayloadError(
			'No template was given',
			'templates',
			'Name one or more templates, by name or ID.',
		);
	if (ids.length > MAX_ANALYTICS_TEMPLATES) {
		throw new PayloadError(
			`${ids.length} templates were given; one call takes at most ${MAX_ANALYTICS_TEMPLATES}`,
			'templates',
			'Split the templates over several items.',
		);
	}
	const metrics = (input.metrics ?? []).map((metric) => metric.toUpperCase());
	const unknown = metrics.find(
		(metric) => !(ANALYTICS_METRICS as readonly string[]).includes(metric),
	);
	if (unknown)
		throw new PayloadError(
			`"${unknown}" is not a metric`,
			'metrics',
			`Use any of: ${ANALYTICS_METRICS.join(', ')}.`,
		);
	return {
		start,
		end,
		granularity: 'DAILY',
		template_ids: JSON.stringify(ids),
		...(metrics.length > 0 ? { metric_types: JSON.stringify(metrics) } : {}),
	};
}

export interface AnalyticsDay {
	templateId: string;
	/** The UTC day, YYYY-MM-DD. */
	date: string;
	start: number;
	end: number;
	sent?: number;
	delivered?: number;
	read?: number;
	/** Taps on the template's buttons that day, all buttons together. */
	clicked?: number;
	clicks?: unknown[];
}

const count = (value: unknown) =>
	typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** `data[].data_points[]` as one record per template and day. */
export function readAnalyticsDays(answer: unknown): AnalyticsDay[] {
	const data = asRecord(answer)?.data;
	const blocks = Array.isArray(data) ? data : [];
	return blocks.flatMap((block) => {
		const points = asRecord(block)?.data_points;
		return (Array.isArray(points) ? points : []).flatMap((raw): AnalyticsDay[] => {
			const point = asRecord(raw);
			const start = count(point?.start);
			if (!point || point.template_id === undefined || start === undefined) return [];
			const clicks = Array.isArray(point.clicked) ? point.clicked : undefined;
			const day: AnalyticsDay = {
				templateId: String(point.template_id),
				date: new Date(start * 1000).toISOString().slice(0, 10),
				start,
				end: count(point.end) ?? start + DAY_SECONDS,
			};
			for (const key of ['sent', 'delivered', 'read'] as const) {
				const value = count(point[key]);
				if (value !== undefined) day[key] = value;
			}
			if (clicks) {
				day.clicked = clicks.reduce(
					(sum: number, click) => sum + (count(asRecord(click)?.count) ?? 0),
					0,
				);
				day.clicks = clicks;
			}
			return [day];
		});
	});
}
