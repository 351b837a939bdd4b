import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { dialog360Request } from '../../shared/transport';
import { templateValue } from '../../shared/whatsapp/messages/template';

interface TemplateRecord {
	name?: string;
	language?: string;
	status?: string;
	category?: string;
}

export interface TemplateListPage {
	count?: number;
	total?: number;
	waba_templates?: TemplateRecord[];
}

const PAGE_SIZE = 1000;

/**
 * One page of the template list as the "From List" picker shows it: approved templates only (unless
 * `anyStatus`, which also names the status), named "name (language, category)", valued "name|language",
 * narrowed to those containing the typed text.
 */
export function templateSearchPage(
	page: TemplateListPage,
	filter: string | undefined,
	offset: number,
	anyStatus = false,
): INodeListSearchResult {
	const wanted = filter?.trim().toLowerCase() ?? '';
	const results: INodeListSearchItems[] = (page.waba_templates ?? [])
		.filter(
			(template) =>
				template.name &&
				template.language &&
				(anyStatus || template.status?.toLowerCase() === 'approved'),
		)
		.map((template) => {
			const status = anyStatus ? template.status?.toUpperCase() : undefined;
			const details = [template.language, template.category?.toUpperCase(), status]
				.filter(Boolean)
				.join(', ');
			return {
				name: `${template.name} (${details})`,
				value: templateValue(template.name as string, template.language as string),
			};
		})
		.filter((item) => item.name.toLowerCase().includes(wanted));
	const count = page.count ?? page.waba_templates?.length ?? 0;
	const more = count > 0 && (page.total ?? 0) > offset + count;
	return more ? { results, paginationToken: String(offset + count) } : { results };
}

async function fetchTemplatePage(this: ILoadOptionsFunctions, offset: number) {
	// Filtering happens here rather than in `filters`: the API matches names exactly and its status spelling is not documented.
	const { body } = await dialog360Request.call(this, {
		method: 'GET',
		path: '/v1/configs/templates',
		qs: { limit: PAGE_SIZE, offset, sort: 'business_templates.name', filters: '{}' },
	});
	return body as TemplateListPage;
}

/** Approved templates: the ones that can be sent. */
async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	return templateSearchPage(await fetchTemplatePage.call(this, offset), filter, offset);
}

/** Templates in any status, for looking one up or deleting it. */
async function searchAllTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	return templateSearchPage(await fetchTemplatePage.call(this, offset), filter, offset, true);
}

export const listSearch = { searchTemplates, searchAllTemplates };
