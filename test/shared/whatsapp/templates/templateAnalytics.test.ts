import {
	buildAnalyticsQuery,
	readAnalyticsDays,
} from '../../../../nodes/shared/whatsapp/templates/templateAnalytics';
import { PayloadError } from '../../../../nodes/shared/whatsapp/validation';

function refusal(run: () => unknown): PayloadError {
	try {
		run();
	} catch (error) {
		if (error instanceof PayloadError) return error;
		throw error;
	}
	throw new Error('expected a PayloadError');
}

const NOW = Date.parse('2026-06-10T12:00:00Z');

test('the query covers whole UTC days, DAILY, with ids and metrics as JSON lists', () => {
	expect(
		buildAnalyticsQuery(
			{
				start: '2026-06-01T08:00:00Z',
				end: '2026-06-02T01:00:00Z',
				templateIds: ['1', '1', '2'],
				metrics: ['sent'],
			},
			NOW,
		),
	).toEqual({
		start: Date.parse('2026-06-01T00:00:00Z') / 1000,
		end: Date.parse('2026-06-03T00:00:00Z') / 1000,
		granularity: 'DAILY',
		template_ids: '["1","2"]',
		metric_types: '["SENT"]',
	});
});

test('what the platform refuses is refused first', () => {
	expect(
		refusal(() =>
			buildAnalyticsQuery({ start: 'soon', end: '2026-06-02', templateIds: ['1'] }, NOW),
		).field,
	).toBe('start');
	expect(
		refusal(() =>
			buildAnalyticsQuery({ start: '2026-07-01', end: '2026-07-02', templateIds: ['1'] }, NOW),
		).message,
	).toBe('Start is in the future');
	const eleven = Array.from({ length: 11 }, (_, n) => String(n));
	expect(
		refusal(() =>
			buildAnalyticsQuery({ start: '2026-06-01', end: '2026-06-02', templateIds: eleven }, NOW),
		).message,
	).toMatch(/at most 10/);
	expect(
		refusal(() =>
			buildAnalyticsQuery(
				{ start: '2026-06-01', end: '2026-06-02', templateIds: ['1'], metrics: ['OPENED'] },
				NOW,
			),
		).field,
	).toBe('metrics');
});

test('data points become one record per template and day, clicks summed', () => {
	expect(
		readAnalyticsDays({
			data: [
				{
					granularity: 'DAILY',
					data_points: [
						{
							template_id: '1924084211297547',
							start: 1689379200,
							end: 1689465600,
							sent: 3,
							delivered: 2,
							read: 1,
							clicked: [
								{ type: 'quick_reply_button', button_content: 'Tell me more', count: 3 },
								{ type: 'url_button', button_content: 'Shop', count: 2 },
							],
						},
					],
				},
			],
		}),
	).toEqual([
		{
			templateId: '1924084211297547',
			date: '2023-07-15',
			start: 1689379200,
			end: 1689465600,
			sent: 3,
			delivered: 2,
			read: 1,
			clicked: 5,
			clicks: [
				{ type: 'quick_reply_button', button_content: 'Tell me more', count: 3 },
				{ type: 'url_button', button_content: 'Shop', count: 2 },
			],
		},
	]);
});
