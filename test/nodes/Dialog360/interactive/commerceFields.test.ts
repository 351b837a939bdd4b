import { retailerIdsOf } from '../../../../nodes/Dialog360/actions/message/interactive/commerce.fields';

describe('product retailer IDs as a section of Send Interactive takes them', () => {
	test('commas and new lines separate; blanks between are dropped; arrays from expressions pass', () => {
		expect(retailerIdsOf(' a, b\nc,, ')).toEqual(['a', 'b', 'c']);
		expect(retailerIdsOf(['x', 'y'])).toEqual(['x', 'y']);
	});

	test('an empty field stays one empty ID, so that the section is refused as having no products', () => {
		expect(retailerIdsOf('')).toEqual(['']);
	});
});
