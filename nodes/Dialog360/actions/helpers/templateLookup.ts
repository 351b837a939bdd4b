/** Reading templates from the list, page by page: List shows them, Get and Delete find theirs in it. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { nodeRequest } from './nodeRequest';
import type { JsonRecord } from '../../../shared/whatsapp/json';
import { splitTemplateValue } from '../../../shared/whatsapp/messages/template';
import {
	buildTemplateListQuery,
	matchesTemplateStatus,
	nextTemplateOffset,
	TEMPLATE_PAGE_SIZE,
	templatesOf,
} from '../../../shared/whatsapp/templates/templateList';
import type {
	TemplateFilters,
	TemplateListPage,
} from '../../../shared/whatsapp/templates/templateList';

/**
 * The templates matching `filters`, in the API's order (by name), walking pages until the list ends or `max`
 * templates were found.
 */
export async function fetchTemplates(
	this: IExecuteFunctions,
	i: number,
	filters: TemplateFilters,
	max = Infinity,
): Promise<JsonRecord[]> {
	const found: JsonRecord[] = [];
	for (let offset: number | undefined = 0; offset !== undefined && found.length < max; ) {
		// Without a status filter the API's page is exactly what is missing; with one, whole pages are read.
		const limit = filters.status
			? TEMPLATE_PAGE_SIZE
			: Math.min(TEMPLATE_PAGE_SIZE, max - found.length);
		const { body } = await nodeRequest.call(this, {
			method: 'GET',
			path: '/v1/configs/templates',
			qs: buildTemplateListQuery(filters, offset, limit),
			itemIndex: i,
		});
		const page = body as TemplateListPage;
		found.push(
			...templatesOf(page).filter((template) => matchesTemplateStatus(template, filters.status)),
		);
		offset = nextTemplateOffset(page, offset);
	}
	return found.slice(0, max);
}

/** The template of the "Template" picker: its name, and its language when it was picked from the list. */
export function readTemplatePicker(
	this: IExecuteFunctions,
	i: number,
): { name: string; language?: string } {
	const value = this.getNodeParameter('template', i, '', { extractValue: true }) as string;
	return splitTemplateValue(String(value));
}
