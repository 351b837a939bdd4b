import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { normalizeLanguageCode, splitTemplateValue } from '../../shared/whatsapp/messages/template';
import { readTemplateModel } from '../../shared/whatsapp/messages/templateModel';
import type { TemplateModel } from '../../shared/whatsapp/messages/templateModel';
import { templateVariables } from '../../shared/whatsapp/messages/templateVariables';
import { findApprovedTemplateInEditor } from '../actions/helpers/templateDefinitionLookup';

/** The template the node names, when it can be known in the editor (not from an item's expression). */
function chosenTemplate(
	this: ILoadOptionsFunctions,
): { name: string; language: string } | undefined {
	try {
		const picked = splitTemplateValue(
			String(this.getNodeParameter('template', '', { extractValue: true }) ?? ''),
		);
		if (!picked.name) return undefined;
		const language =
			picked.language ?? normalizeLanguageCode(this.getNodeParameter('languageCode', 'en_US'));
		return { name: picked.name, language };
	} catch {
		return undefined;
	}
}

/** The chosen template's model, or the notice that says why there is none. */
async function loadChosenTemplate(
	this: ILoadOptionsFunctions,
): Promise<{ model: TemplateModel; name: string } | { notice: string }> {
	const chosen = chosenTemplate.call(this);
	if (!chosen) {
		return {
			notice: 'Choose a template above (or give its name and language) to see its variables here.',
		};
	}
	const definition = await findApprovedTemplateInEditor.call(this, chosen.name, chosen.language);
	if (!definition) {
		return {
			notice: `The number has no approved template "${chosen.name}" in ${chosen.language}. Check the name and language, or pick the template from the list.`,
		};
	}
	return { model: readTemplateModel(definition), name: chosen.name };
}

/**
 * Send Template's Template Variables: exactly the variables of the chosen template, as fields. Why there are
 * none is said once, by the guide above.
 */
async function getTemplateVariables(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const chosen = await loadChosenTemplate.call(this);
	if ('notice' in chosen) return { fields: [] };
	return {
		fields: templateVariables(chosen.model).map((variable) => ({
			id: variable.id,
			displayName: variable.label,
			required: variable.required,
			type: variable.type,
			display: true,
			defaultMatch: false,
			canBeUsedToMatch: false,
		})),
	};
}

const escapeHtml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Send Template's guide to its variables: each variable's label beside the template's text and its example,
 * or why there are no variables. n8n's editor gives a mapped field only its label, one line cut at the panel's
 * width, while a mapper's notice wraps: so the text and examples are read here, above the fields, and the
 * fields keep short labels. It always answers a notice: n8n keeps the last one when an answer has none.
 */
async function getTemplateVariablesGuide(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const chosen = await loadChosenTemplate.call(this);
	if ('notice' in chosen) return { fields: [], emptyFieldsNotice: escapeHtml(chosen.notice) };
	const lines = templateVariables(chosen.model).map(
		(variable) => `<b>${escapeHtml(variable.label)}</b>: ${escapeHtml(variable.detail)}`,
	);
	return {
		fields: [],
		emptyFieldsNotice:
			lines.length > 0
				? lines.join('<br>')
				: `${escapeHtml(chosen.name)} has no variables: it is sent exactly as approved.`,
	};
}

export const resourceMapping = { getTemplateVariables, getTemplateVariablesGuide };
