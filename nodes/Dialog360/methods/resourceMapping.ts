import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { normalizeLanguageCode, splitTemplateValue } from '../../shared/whatsapp/messages/template';
import { readTemplateModel } from '../../shared/whatsapp/messages/templateModel';
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

/** Send Template's Template Variables: exactly the variables of the chosen template, as fields. */
async function getTemplateVariables(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const chosen = chosenTemplate.call(this);
	if (!chosen) {
		return {
			fields: [],
			emptyFieldsNotice:
				'Choose a template above (or give its name and language) to see its variables here.',
		};
	}
	const definition = await findApprovedTemplateInEditor.call(this, chosen.name, chosen.language);
	if (!definition) {
		return {
			fields: [],
			emptyFieldsNotice: `The number has no approved template "${chosen.name}" in ${chosen.language}. Check the name and language, or pick the template from the list.`,
		};
	}
	const fields = templateVariables(readTemplateModel(definition)).map((variable) => ({
		id: variable.id,
		displayName: variable.label,
		required: variable.required,
		type: variable.type,
		display: true,
		defaultMatch: false,
		canBeUsedToMatch: false,
	}));
	return fields.length > 0
		? { fields }
		: {
				fields,
				emptyFieldsNotice: `${chosen.name} has no variables: it is sent exactly as approved.`,
			};
}

export const resourceMapping = { getTemplateVariables };
