/**
 * Reading the template list (GET /v1/configs/templates): the query of one page, which page comes next, the
 * filters the API does not apply itself, and one output item per template.
 */
import { asRecord } from '../json';
import type { JsonRecord } from '../json';

/** Templates asked for per call; a WABA holds at most 250 names, each in several languages. */
export const TEMPLATE_PAGE_SIZE = 100;

export interface TemplateFilters {
	/** Exact name, e.g. order_update. */
	name?: string;
	category?: string;
	language?: string;
	/** APPROVED, PENDING, REJECTED, PAUSED, DISABLED: compared without case, here rather than by the API. */
	status?: string;
}

export interface TemplateListPage {
	count?: number;
	total?: number;
	offset?: number;
	waba_templates?: unknown[];
}

/** The query string of one page: the API's filter keys, its sort key, offset and limit. */
export function buildTemplateListQuery(
	filters: TemplateFilters,
	offset: number,
	limit: number,
): Record<string, string | number> {
	const apiFilters: Record<string, string> = {};
	if (filters.name) apiFilters['business_templates.name'] = filters.name.trim();
	if (filters.category) apiFilters.category = filters.category.toUpperCase();
	if (filters.language) apiFilters.language = filters.language.trim();
	return {
		limit,
		offset,
		sort: 'business_templates.name',
		filters: JSON.stringify(apiFilters),
	};
}

/** The records of a page; an answer without the list has none. */
export function templatesOf(page: TemplateListPage | undefined): JsonRecord[] {
	return (page?.waba_templates ?? []).filter(
		(entry): entry is JsonRecord => asRecord(entry) !== undefined,
	);
}

/** The offset of the page after this one, or undefined when this was the last. */
export function nextTemplateOffset(
	page: TemplateListPage | undefined,
	offset: number,
): number | undefined {
	const received = templatesOf(page).length;
	if (received === 0) return undefined;
	const next = offset + received;
	const total = Number(page?.total);
	return Number.isFinite(total) && next >= total ? undefined : next;
}

/** Status filtering, without case: the list answers `approved` where the send errors say `APPROVED`. */
export function matchesTemplateStatus(template: JsonRecord, status: string | undefined): boolean {
	if (!status) return true;
	return String(template.status ?? '').toUpperCase() === status.toUpperCase();
}

function textOf(components: unknown[], type: string): string | undefined {
	const component = components
		.map(asRecord)
		.find((entry) => String(entry?.type ?? '').toUpperCase() === type);
	return typeof component?.text === 'string' ? component.text : undefined;
}

export interface TemplateItemOptions {
	/**
	 * Header, body and footer on every item, empty when the template has none: n8n's table shows a column of a
	 * list for every item, and a key an item lacks as "undefined".
	 */
	everyText?: boolean;
}

/**
 * One template as a workflow uses it: the fields by their n8n names, the texts of header, body and footer
 * at the top, the components as the API gave them, and what else the API sent under its own names.
 */
export function toTemplateItem(
	record: JsonRecord,
	{ everyText = false }: TemplateItemOptions = {},
): JsonRecord {
	const {
		id,
		name,
		language,
		status,
		category,
		components,
		parameter_format: parameterFormat,
		rejected_reason: rejectedReason,
		quality_score: qualityScore,
		namespace,
		...rest
	} = record;
	const list = Array.isArray(components) ? components : [];
	const text = (type: string) => textOf(list, type) ?? (everyText ? '' : undefined);
	const item: JsonRecord = {
		id,
		name,
		language,
		status: typeof status === 'string' ? status.toUpperCase() : status,
		category: typeof category === 'string' ? category.toUpperCase() : category,
		header: text('HEADER'),
		body: text('BODY'),
		footer: text('FOOTER'),
		parameterFormat,
		rejectedReason,
		qualityScore: asRecord(qualityScore)?.score ?? qualityScore,
		namespace,
		components: list,
		...rest,
	};
	return Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined));
}
