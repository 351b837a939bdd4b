/**
 * A group's picture, checked before it is uploaded: JPEG or PNG, square, and larger than 192 pixels a side
 * (Meta, "Groups API" › Error codes 131209 and 131210; pywa errors.py).
 */
import type { MediaFile } from '../messages/media';
import { normalizeMimeType } from '../messages/media';
import { PayloadError } from '../validation';

const PICTURE_TYPES = ['image/jpeg', 'image/png'];
const MIN_SIDE = 192;

export interface ImageSize {
	width: number;
	height: number;
}

function pngSize(bytes: Buffer): ImageSize | undefined {
	if (bytes.length < 24 || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') return undefined;
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The size in a JPEG's start-of-frame segment (any SOFn but the DHT, JPG and DAC markers that share the range). */
function jpegSize(bytes: Buffer): ImageSize | undefined {
	let at = 2;
	while (at + 9 < bytes.length) {
		if (bytes[at] !== 0xff) return undefined;
		const marker = bytes[at + 1];
		const length = bytes.readUInt16BE(at + 2);
		const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
		if (isFrame) return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
		at += 2 + length;
	}
	return undefined;
}

/** Width and height of a PNG or JPEG, read from its header; undefined for anything else. */
export function imageSize(data: Uint8Array): ImageSize | undefined {
	const bytes = Buffer.from(data);
	if (bytes.subarray(1, 4).toString('latin1') === 'PNG') return pngSize(bytes);
	if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes);
	return undefined;
}

export function checkGroupPicture(file: MediaFile, field = 'pictureBinaryPropertyName'): string {
	const mimeType = normalizeMimeType(file.mimeType);
	const name = file.fileName ? `"${file.fileName}"` : 'The picture';
	if (!PICTURE_TYPES.includes(mimeType)) {
		throw new PayloadError(
			`${name} is ${mimeType || 'of unknown type'}; a group picture must be JPEG or PNG`,
			field,
			'Convert the picture to JPEG or PNG.',
		);
	}
	const size = imageSize(file.bytes);
	if (!size) {
		throw new PayloadError(
			`${name} is not a readable ${mimeType === 'image/png' ? 'PNG' : 'JPEG'} image`,
			field,
			'Check the node before this one: it passed a file that is not the image it claims to be.',
		);
	}
	if (size.width !== size.height) {
		throw new PayloadError(
			`${name} is ${size.width} × ${size.height} pixels; a group picture must be square`,
			field,
			'Crop the picture so that its width equals its height.',
		);
	}
	if (size.width <= MIN_SIDE) {
		throw new PayloadError(
			`${name} is ${size.width} × ${size.height} pixels; a group picture must be larger than ${MIN_SIDE} × ${MIN_SIDE}`,
			field,
			`Use a picture of at least ${MIN_SIDE + 1} pixels a side.`,
		);
	}
	return mimeType;
}
