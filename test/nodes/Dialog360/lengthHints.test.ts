/**
 * n8n 2.41 has no length limit for a string field, so the editor cannot stop a too-long title while it is typed;
 * the fields WhatsApp limits say their limit under the input, where it stays in sight while typing (the run-time
 * checks in validation.ts stay as they are).
 */
import type { INodeProperties } from 'n8n-workflow';

import { Dialog360 } from '../../../nodes/Dialog360/Dialog360.node';
import { LIMITS } from '../../../nodes/shared/whatsapp/validation';

type Field = INodeProperties & { values?: INodeProperties[] };

/** Every field of the node, nested ones in collections and fixed collections included. */
function allFields(properties: Field[]): Field[] {
	return properties.flatMap((property) => {
		const nested = (property.options ?? []).flatMap((option) => {
			const entry = option as Field;
			if (Array.isArray(entry.values)) return allFields(entry.values);
			return 'type' in entry ? allFields([entry]) : [];
		});
		return [property, ...nested];
	});
}

const fields = allFields(new Dialog360().description.properties as Field[]);
const hinted = fields.filter((field) => /^Up to \d+ characters/.test(String(field.hint ?? '')));
const limitOf = (field: Field) => Number(/^Up to (\d+)/.exec(String(field.hint))?.[1]);

test('the fields WhatsApp limits show their limit under the input', () => {
	const byName = (name: string) => hinted.filter((field) => field.name === name).map(limitOf);
	expect(byName('title')).toEqual(
		expect.arrayContaining([LIMITS.buttonTitle, LIMITS.listRowTitle]),
	);
	expect(byName('listButtonLabel')).toEqual([LIMITS.listButtonLabel]);
	expect(byName('ctaDisplayText')).toEqual(expect.arrayContaining([LIMITS.ctaDisplayText]));
	expect(byName('flowCta')).toEqual([LIMITS.flowCta]);
	expect(byName('headerText')).toContain(LIMITS.interactiveHeaderText);
	expect(byName('footerText')).toContain(LIMITS.interactiveFooter);
});

test('a hint and the description of the same field never give two different limits', () => {
	for (const field of hinted) {
		const stated = /up to (\d+) characters/i.exec(String(field.description ?? ''));
		if (stated) expect([field.name, Number(stated[1])]).toEqual([field.name, limitOf(field)]);
	}
});
