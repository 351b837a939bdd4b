/** GET /v1/configs/phone_number as an output item: the number's fields by their n8n names, the rest as given. */
import { asRecord } from '../json';
import type { JsonRecord } from '../json';

export function toPhoneNumberItem(answer: unknown): JsonRecord {
	const {
		id,
		phone_number: phoneNumber,
		display_phone_number: displayPhoneNumber,
		verified_name: verifiedName,
		quality_rating: qualityRating,
		...rest
	} = asRecord(answer) ?? {};
	const digits = String(phoneNumber ?? displayPhoneNumber ?? '').replace(/\D/g, '');
	const item: JsonRecord = {
		phoneNumber: digits || undefined,
		displayPhoneNumber: displayPhoneNumber ?? phoneNumber,
		phoneNumberId: id,
		verifiedName,
		qualityRating,
		...rest,
	};
	return Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined));
}
