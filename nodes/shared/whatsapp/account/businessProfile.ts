/**
 * The business profile (GET and POST /whatsapp_business_profile): the update body, checked against Meta's
 * limits, the profile as an output item, and what a profile photo has to be.
 */
import { asRecord } from '../json';
import type { JsonRecord } from '../json';
import { checkCount, checkLength, PayloadError, requireHttpUrl } from '../validation';

export const PROFILE_FIELDS = [
	'about',
	'address',
	'description',
	'email',
	'profile_picture_url',
	'websites',
	'vertical',
] as const;

export const PROFILE_LIMITS = {
	about: 139,
	address: 256,
	description: 512,
	email: 128,
	websites: 2,
	website: 256,
	/** Meta's limit for a profile photo. */
	photoBytes: 5 * 1024 * 1024,
} as const;

/** Meta's industry list, with the names WhatsApp shows. */
export const VERTICALS: Array<{ name: string; value: string }> = [
	{ name: 'Automotive', value: 'AUTO' },
	{ name: 'Beauty, Spa and Salon', value: 'BEAUTY' },
	{ name: 'Clothing and Apparel', value: 'APPAREL' },
	{ name: 'Education', value: 'EDU' },
	{ name: 'Entertainment', value: 'ENTERTAIN' },
	{ name: 'Event Planning and Service', value: 'EVENT_PLAN' },
	{ name: 'Finance and Banking', value: 'FINANCE' },
	{ name: 'Food and Grocery', value: 'GROCERY' },
	{ name: 'Hotel and Lodging', value: 'HOTEL' },
	{ name: 'Medical and Health', value: 'HEALTH' },
	{ name: 'Non-Profit', value: 'NONPROFIT' },
	{ name: 'Not a Business', value: 'NOT_A_BIZ' },
	{ name: 'Other', value: 'OTHER' },
	{ name: 'Professional Services', value: 'PROF_SERVICES' },
	{ name: 'Public Service', value: 'GOVT' },
	{ name: 'Restaurant', value: 'RESTAURANT' },
	{ name: 'Shopping and Retail', value: 'RETAIL' },
	{ name: 'Travel and Transportation', value: 'TRAVEL' },
];

export const PROFILE_PHOTO_TYPES = ['image/jpeg', 'image/png'];

export interface BusinessProfileUpdate {
	about?: string;
	address?: string;
	description?: string;
	email?: string;
	/** Replaces the list; an empty list removes the websites. */
	websites?: string[];
	vertical?: string;
	profilePictureHandle?: string;
}

function optionalText(value: string | undefined, max: number, field: string, label: string) {
	return value === undefined ? undefined : checkLength(value, max, field, label);
}

/** The body of POST /whatsapp_business_profile: only the fields given, so that the others stay as they are. */
export function buildBusinessProfileUpdate(update: BusinessProfileUpdate): JsonRecord {
	const body: JsonRecord = { messaging_product: 'whatsapp' };
	if (update.about !== undefined) {
		if (update.about.trim() === '') {
			throw new PayloadError(
				'About is empty',
				'about',
				'Write 1 to 139 characters for "About", or leave the field out to keep the current text.',
			);
		}
		body.about = checkLength(update.about, PROFILE_LIMITS.about, 'about', 'About');
	}
	const address = optionalText(update.address, PROFILE_LIMITS.address, 'address', 'Address');
	if (address !== undefined) body.address = address;
	const description = optionalText(
		update.description,
		PROFILE_LIMITS.description,
		'description',
		'Description',
	);
	if (description !== undefined) body.description = description;
	if (update.email !== undefined) {
		const email = checkLength(update.email.trim(), PROFILE_LIMITS.email, 'email', 'Email');
		if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
			throw new PayloadError(
				`"${email}" is not an email address`,
				'email',
				'Use an address such as info@example.com, or an empty value to remove it.',
			);
		}
		body.email = email;
	}
	if (update.websites !== undefined) {
		const websites = update.websites.map((site) => site.trim()).filter(Boolean);
		checkCount(websites, PROFILE_LIMITS.websites, 'websites', 'Websites', 0);
		body.websites = websites.map((site, at) =>
			checkLength(
				requireHttpUrl(site, 'websites', `Website ${at + 1}`),
				PROFILE_LIMITS.website,
				'websites',
				`Website ${at + 1}`,
			),
		);
	}
	if (update.vertical !== undefined && update.vertical !== '') {
		if (!VERTICALS.some((vertical) => vertical.value === update.vertical)) {
			throw new PayloadError(
				`"${update.vertical}" is not an industry WhatsApp knows`,
				'vertical',
				`Use one of ${VERTICALS.map((vertical) => vertical.value).join(', ')}.`,
			);
		}
		body.vertical = update.vertical;
	}
	if (update.profilePictureHandle) body.profile_picture_handle = update.profilePictureHandle;
	if (Object.keys(body).length === 1) {
		throw new PayloadError(
			'Nothing to update: no profile field was given',
			'updateFields',
			'Add at least one field under "Update Fields", or a profile photo.',
		);
	}
	return body;
}

/** A photo Meta takes for the profile: a JPEG or PNG of at most 5 MB. Answers its MIME type. */
export function checkProfilePhoto(file: { bytes: Buffer; mimeType?: string }): string {
	const mimeType = String(file.mimeType ?? '')
		.toLowerCase()
		.replace('image/jpg', 'image/jpeg');
	if (!PROFILE_PHOTO_TYPES.includes(mimeType)) {
		throw new PayloadError(
			`The profile photo is ${file.mimeType || 'of unknown type'}; WhatsApp takes JPEG or PNG`,
			'photoBinaryPropertyName',
			'Convert the image to JPEG or PNG first (e.g. with the "Edit Image" node).',
		);
	}
	if (file.bytes.length === 0 || file.bytes.length > PROFILE_LIMITS.photoBytes) {
		throw new PayloadError(
			`The profile photo is ${file.bytes.length} bytes; WhatsApp takes up to 5 MB`,
			'photoBinaryPropertyName',
			'Use a smaller image; 640 × 640 pixels is what WhatsApp shows.',
		);
	}
	return mimeType;
}

/** The profile as an output item, by n8n's names. */
export function toBusinessProfileItem(answer: unknown): JsonRecord {
	const data = asRecord(answer)?.data;
	const profile = asRecord(Array.isArray(data) ? data[0] : answer) ?? {};
	const { profile_picture_url: profilePictureUrl, websites, ...rest } = profile;
	delete rest.messaging_product;
	return {
		...rest,
		websites: Array.isArray(websites) ? websites : [],
		...(profilePictureUrl !== undefined ? { profilePictureUrl } : {}),
	};
}
