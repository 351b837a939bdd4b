/** The stored definition of the template a send names, as the template list answers it. */
import { dialog360Request } from '../../../shared/transport';
import type { Dialog360Context } from '../../../shared/transport';
import type { TemplateDefinition } from '../../../shared/whatsapp/messages/templateModel';
import {
	buildTemplateListQuery,
	matchesTemplateStatus,
	templatesOf,
} from '../../../shared/whatsapp/templates/templateList';
import type { TemplateListPage } from '../../../shared/whatsapp/templates/templateList';

/** Template names hold only one definition per language, so one page of that name is all of them. */
const PAGE_SIZE = 1000;

/** Lookups of this run, by context: the items of one execution that send the same template share one call. */
const lookups = new WeakMap<object, Map<string, Promise<TemplateDefinition | undefined>>>();

async function fetchApproved(
	context: Dialog360Context,
	name: string,
	language: string,
	itemIndex?: number,
): Promise<TemplateDefinition | undefined> {
	const { body } = await dialog360Request.call(context, {
		method: 'GET',
		path: '/v1/configs/templates',
		qs: buildTemplateListQuery({ name }, 0, PAGE_SIZE),
		itemIndex,
	});
	const found = templatesOf(body as TemplateListPage).find(
		(template) =>
			template.name === name &&
			template.language === language &&
			matchesTemplateStatus(template, 'APPROVED'),
	);
	return found as TemplateDefinition | undefined;
}

/** The approved template `name` in `language`; undefined when the number has no such approved template. */
export async function findApprovedTemplate(
	this: Dialog360Context,
	name: string,
	language: string,
	itemIndex?: number,
): Promise<TemplateDefinition | undefined> {
	let ofRun = lookups.get(this);
	if (!ofRun) lookups.set(this, (ofRun = new Map()));
	const key = `${name}|${language}`;
	let lookup = ofRun.get(key);
	if (!lookup) {
		lookup = fetchApproved(this, name, language, itemIndex);
		ofRun.set(key, lookup);
		// A failed lookup is not kept: the next item asks again.
		lookup.catch(() => ofRun?.delete(key));
	}
	return await lookup;
}
