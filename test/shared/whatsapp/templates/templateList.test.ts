import {
	buildTemplateListQuery,
	matchesTemplateStatus,
	nextTemplateOffset,
	toTemplateItem,
} from '../../../../nodes/shared/whatsapp/templates/templateList';

describe('the template list', () => {
	test('the query names the API filters as JSON and leaves out what is not set', () => {
		expect(buildTemplateListQuery({ name: 'order_update', category: 'utility' }, 100, 50)).toEqual({
			limit: 50,
			offset: 100,
			sort: 'business_templates.name',
			filters: JSON.stringify({ 'business_templates.name': 'order_update', category: 'UTILITY' }),
		});
		expect(buildTemplateListQuery({}, 0, 10).filters).toBe('{}');
	});

	test('the next page starts after this one until the total is reached', () => {
		const page = (count: number, total: number) => ({
			total,
			waba_templates: Array.from({ length: count }, () => ({})),
		});
		expect(nextTemplateOffset(page(100, 230), 0)).toBe(100);
		expect(nextTemplateOffset(page(30, 230), 200)).toBeUndefined();
		expect(nextTemplateOffset(page(0, 230), 300)).toBeUndefined();
		expect(nextTemplateOffset({ waba_templates: [{}] }, 5)).toBe(6);
	});

	test('status matches without case', () => {
		expect(matchesTemplateStatus({ status: 'approved' }, 'APPROVED')).toBe(true);
		expect(matchesTemplateStatus({ status: 'PENDING' }, 'APPROVED')).toBe(false);
		expect(matchesTemplateStatus({ status: 'PENDING' }, undefined)).toBe(true);
	});

	test('an item has n8n names, the texts on top, the components and the other fields as given', () => {
		const components = [
			{ type: 'HEADER', format: 'TEXT', text: 'Hello' },
			{ type: 'BODY', text: 'Hi {{1}}.' },
		];
		expect(
			toTemplateItem({
				id: '9',
				name: 'hi',
				language: 'en',
				status: 'approved',
				category: 'marketing',
				components,
				parameter_format: 'POSITIONAL',
				rejected_reason: 'NONE',
				quality_score: { score: 'GREEN' },
				modified_at: '2025-01-01T00:00:00Z',
			}),
		).toEqual({
			id: '9',
			name: 'hi',
			language: 'en',
			status: 'APPROVED',
			category: 'MARKETING',
			header: 'Hello',
			body: 'Hi {{1}}.',
			parameterFormat: 'POSITIONAL',
			rejectedReason: 'NONE',
			qualityScore: 'GREEN',
			components,
			modified_at: '2025-01-01T00:00:00Z',
		});
	});

	test('a text the template lacks is left out, never undefined', () => {
		const item = toTemplateItem({
			id: '1',
			name: 'plain',
			components: [{ type: 'BODY', text: 'Hi.' }],
		});
		expect(Object.keys(item)).toEqual(['id', 'name', 'body', 'components']);
		expect(Object.values(item)).not.toContain(undefined);
	});

	test('with everyText, header, body and footer are on every item, empty when the template has none', () => {
		const item = toTemplateItem(
			{ id: '1', name: 'plain', components: [{ type: 'BODY', text: 'Hi.' }] },
			{ everyText: true },
		);
		expect(item).toMatchObject({ header: '', body: 'Hi.', footer: '' });
		expect(Object.values(item)).not.toContain(undefined);
	});
});
