import { PayloadError } from '../validation';

export interface LocationInput {
	latitude: unknown;
	longitude: unknown;
	name?: string;
	address?: string;
}

export interface LocationObject {
	latitude: number;
	longitude: number;
	name?: string;
	address?: string;
}

/** A coordinate as a number; numeric text from an expression counts, anything else is refused. */
function requireCoordinate(value: unknown, limit: number, field: string, label: string): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number)) {
		throw new PayloadError(
			`${label} "${String(value)}" is not a number`,
			field,
			`Give ${label.toLowerCase()} in decimal degrees, e.g. 52.520008.`,
		);
	}
	if (number < -limit || number > limit) {
		throw new PayloadError(
			`${label} ${number} is outside -${limit} to ${limit}`,
			field,
			`Give ${label.toLowerCase()} in decimal degrees between -${limit} and ${limit}; check that latitude and longitude are not swapped.`,
		);
	}
	return number;
}

/** The `location` object: a pin at the coordinates, with an optional name and address shown under it. */
export function buildLocationMessage(input: LocationInput): LocationObject {
	const location: LocationObject = {
		latitude: requireCoordinate(input.latitude, 90, 'latitude', 'Latitude'),
		longitude: requireCoordinate(input.longitude, 180, 'longitude', 'Longitude'),
	};
	const name = input.name?.trim();
	if (name) location.name = name;
	const address = input.address?.trim();
	if (address) location.address = address;
	return location;
}
