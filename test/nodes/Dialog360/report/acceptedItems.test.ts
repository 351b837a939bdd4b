import type { IDataObject } from 'n8n-workflow';

import {
	acceptedItem,
	describeItemRanges,
	reportAcceptedItems,
} from '../../../../nodes/Dialog360/actions/report/acceptedItems';

describe('the accepted-items report of a failed run', () => {
	test('item indices read as ranges', () => {
		expect(describeItemRanges([7, 0, 1, 2, 5, 8, 1])).toBe('0–2, 5, 7–8');
	});

	test('an accepted item keeps the message id its output names', () => {
		expect(acceptedItem(3, [{ json: { messageId: 'wamid.X' } }])).toEqual({
			item: 3,
			messageId: 'wamid.X',
		});
		expect(acceptedItem(4, [{ json: { success: true } }])).toEqual({ item: 4 });
	});

	test('the error gains the count, the items and their ids after its own description', () => {
		const error: { description?: string | null; context?: IDataObject } = {
			description: 'The recipient is not on WhatsApp.',
		};
		reportAcceptedItems(error, [{ item: 1, messageId: 'wamid.B' }, { item: 0 }], 3);
		expect(error.description).toMatch(
			/^The recipient is not on WhatsApp\.\n\n2 of 3 items were accepted/,
		);
		expect(error.description).toMatch(/items 0–1 \(counted from 0\)\. Message ids: 1: wamid\.B\./);
		expect(error.context).toEqual({
			acceptedCount: 2,
			acceptedItems: [{ item: 0 }, { item: 1, messageId: 'wamid.B' }],
		});
	});

	test('a run of one item that sent nothing gets no report: a rerun could send nothing twice', () => {
		const error: { description?: string | null } = { description: 'Bad key.' };
		reportAcceptedItems(error, [], 1);
		expect(error.description).toBe('Bad key.');
	});
});
