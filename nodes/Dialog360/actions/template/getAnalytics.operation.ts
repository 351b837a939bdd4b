import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { dialog360Request } from '../../../shared/transport';
import {
	ANALYTICS_METRICS,
	buildAnalyticsQuery,
	readAnalyticsDays,
} from '../../../shared/whatsapp/templates/templateAnalytics';
import { withItemError } from '../helpers/itemError';
import { fetchTemplates } from '../helpers/templateLookup';
import { showOnTemplate } from '../descriptions/templatePicker.description';

const show = showOnTemplate('getAnalytics');

export const description: INodeProperties[] = [
	{
		displayName: 'Templates',
		name: 'templates',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'order_update, 1689556908129832',
		description:
			'Template names or IDs, separated by commas (at most 10 templates); a name counts every language of it',
		displayOptions: { show },
	},
	{
		displayName: 'Start',
		name: 'start',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'The first day counted (whole UTC days)',
		displayOptions: { show },
	},
	{
		displayName: 'End',
		name: 'end',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'The day the count stops, not itself counted unless a time in it is given',
		displayOptions: { show },
	},
	{
		displayName: 'Metrics',
		name: 'metrics',
		type: 'multiOptions',
		options: ANALYTICS_METRICS.map((metric) => ({
			name: metric.charAt(0) + metric.slice(1).toLowerCase(),
			value: metric,
		})),
		default: [],
		description:
			'Which counts to get; none picked means all (clicks only exist for marketing and utility templates)',
		displayOptions: { show },
	},
];

/** Names become the ids of every language of that name; ids pass as they are. */
async function resolveTemplates(
	this: IExecuteFunctions,
	i: number,
	given: string[],
): Promise<Map<string, { name?: string; language?: string }>> {
	const ids = new Map<string, { name?: string; language?: string }>();
	for (const entry of given) {
		if (/^\d+$/.test(entry)) {
			ids.set(entry, {});
			continue;
		}
		const found = await fetchTemplates.call(this, i, { name: entry });
		if (found.length === 0) {
			throw new NodeOperationError(this.getNode(), `No template named "${entry}"`, {
				itemIndex: i,
				description: 'Check the name; Template → List shows every template of this number.',
			});
		}
		for (const template of found)
			ids.set(String(template.id), { name: entry, language: String(template.language) });
	}
	return ids;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const given = String(this.getNodeParameter('templates', i))
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean);
	const input = {
		start: String(this.getNodeParameter('start', i, '')),
		end: String(this.getNodeParameter('end', i, '')),
		metrics: this.getNodeParameter('metrics', i, []) as string[],
	};
	// The dates and metrics are checked before names are looked up.
	withItemError(this, i, () => buildAnalyticsQuery({ ...input, templateIds: ['0'] }));
	const templates = await resolveTemplates.call(this, i, given);
	const qs = withItemError(this, i, () =>
		buildAnalyticsQuery({ ...input, templateIds: [...templates.keys()] }),
	);
	const { body } = await dialog360Request.call(this, {
		method: 'GET',
		path: '/marketing/template_analytics',
		qs: qs as IDataObject,
		itemIndex: i,
	});
	return readAnalyticsDays(body).map((day) => ({
		json: { ...templates.get(day.templateId), ...day } as unknown as IDataObject,
		pairedItem: { item: i },
	}));
}
