import { buildLocationMessage } from '../../../../nodes/shared/whatsapp/messages/location';

describe('buildLocationMessage', () => {
	test('a location carries its coordinates, name and address', () => {
		expect(
			buildLocationMessage({
				latitude: 52.52,
				longitude: 13.4,
				name: ' Gate ',
				address: 'Pariser Platz',
			}),
		).toEqual({
			latitude: 52.52,
			longitude: 13.4,
			name: 'Gate',
			address: 'Pariser Platz',
		});
	});

	test('name and address are left out when empty', () => {
		expect(buildLocationMessage({ latitude: 0, longitude: 0, name: '', address: ' ' })).toEqual({
			latitude: 0,
			longitude: 0,
		});
	});

	test('numeric text from an expression counts as a coordinate', () => {
		expect(buildLocationMessage({ latitude: '-33.8688', longitude: '151.2093' })).toEqual({
			latitude: -33.8688,
			longitude: 151.2093,
		});
	});

	test('a latitude outside -90 to 90 is refused', () => {
		expect(() => buildLocationMessage({ latitude: 90.1, longitude: 0 })).toThrow(
			'Latitude 90.1 is outside -90 to 90',
		);
		expect(buildLocationMessage({ latitude: -90, longitude: 0 }).latitude).toBe(-90);
	});

	test('a longitude outside -180 to 180 is refused', () => {
		expect(() => buildLocationMessage({ latitude: 0, longitude: -180.5 })).toThrow(
			'Longitude -180.5 is outside -180 to 180',
		);
		expect(buildLocationMessage({ latitude: 0, longitude: 180 }).longitude).toBe(180);
	});

	test('a coordinate that is not a number is refused', () => {
		expect(() => buildLocationMessage({ latitude: 'north', longitude: 0 })).toThrow(
			'Latitude "north" is not a number',
		);
		expect(() => buildLocationMessage({ latitude: 0, longitude: undefined })).toThrow(
			'Longitude "undefined" is not a number',
		);
		expect(() => buildLocationMessage({ latitude: Number.NaN, longitude: 0 })).toThrow(
			/not a number/,
		);
	});
});
