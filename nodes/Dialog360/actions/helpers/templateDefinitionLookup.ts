/** The stored definition of the template a send names, as the template list answers it. */
import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import type { Dialog360Request, Dialog360Response } from '../../../shared/transport';
import type { TemplateDefinition } from '../../../shared/whatsapp/messages/templateModel';
import {
	buildTemplateListQuery,
	matchesTemplateStatus,
	templatesOf,
} from '../../../shared/whatsapp/templates/templateList';
import type { TemplateListPage } from '../../../shared/whatsapp/templates/templateList';
import { nodeRequest } from './nodeRequest';

/** Template names hold only one definition per language, so one page of that name is all of them. */
const PAGE_SIZE = 1000;

type Lookup = Promise<TemplateDefinition | undefined>;

/** Lookups of this run, by context: the items of one execution that send the same template share one call. */
const lookups = new WeakMap<object, Map<string, Lookup>>();

type TemplateListRequest = (request: Dialog360Request) => Promise<Dialog360Response<unknown>>;

async function fetchApproved(
	request: TemplateListRequest,
	name: string,
	language: string,
	itemIndex?: number,
): Lookup {
	const { body } = await request({
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

async function lookUpApproved(
	context: object,
	request: TemplateListRequest,
	name: string,
	language: string,
	itemIndex?: number,
): Lookup {
	let ofRun = lookups.get(context);
	if (!ofRun) lookups.set(context, (ofRun = new Map()));
	const key = `${name}|${language}`;
	let lookup = ofRun.get(key);
	if (!lookup) {
		lookup = fetchApproved(request, name, language, itemIndex);
		ofRun.set(key, lookup);
		// A failed lookup is not kept: the next item asks again.
		lookup.catch(() => ofRun?.delete(key));
	}
	return await lookup;
}

/** The approved template `name` in `language` for a send; undefined when the number has no such template. */
export async function findApprovedTemplate(
	this: IExecuteFunctions,
	name: string,
	language: string,
	itemIndex?: number,
): Lookup {
	return await lookUpApproved(
		this,
		async (request) => await nodeRequest.call(this, request),
		name,
		language,
		itemIndex,
	);
}

/** The same, for the editor (a node's fields being loaded): outside a node run, with no send policy. */
export async function findApprovedTemplateInEditor(
	this: ILoadOptionsFunctions,
	name: string,
	language: string,
): Lookup {
	return await lookUpApproved(
		this,
		async (request) => await dialog360Request.call(this, request),
		name,
		language,
	);
}
