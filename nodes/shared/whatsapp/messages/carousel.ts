/**
 * The interactive media carousel: 2 to 10 horizontally scrolling cards, each with an image or video, an
 * optional text, and either one URL button or quick-reply buttons. WhatsApp wants every card alike: the
 * same header kind, and the same kind and number of buttons.
 */
import type { JsonRecord } from '../json';
import {
	checkLength,
	findDuplicate,
	LIMITS,
	optionalLength,
	PayloadError,
	requireHttpUrl,
	requireLength,
} from '../validation';
import { interactiveBody } from './interactiveText';

export type CarouselMediaKind = 'image' | 'video';

export interface CarouselQuickReplyInput {
	/**
	 * Comes back in the webhook when the user taps the button. Defaults to `card<N>:<title>`, so that the same
	 * title on several cards ("Buy") still tells the workflow which card was tapped.
	 */
	id?: string;
	title: string;
}

export interface CarouselCardInput {
	header: { type: CarouselMediaKind; link: string };
	body?: string;
	/** One URL button, or quick-reply buttons: never both. */
	urlButton?: { displayText: string; url: string };
	quickReplies?: CarouselQuickReplyInput[];
}

export interface CarouselInput {
	type: 'carousel';
	body: string;
	cards: CarouselCardInput[];
}

const FIELD = 'cards';

function cardBody(value: string | undefined, label: string): JsonRecord | undefined {
	const text = optionalLength(value?.trim(), LIMITS.carouselCardBody, FIELD, `${label} text`);
	if (text === undefined) return undefined;
	const breaks = text.split('\n').length - 1;
	if (breaks > LIMITS.carouselCardLineBreaks) {
		throw new PayloadError(
			`${label} text has ${breaks} line breaks; WhatsApp allows at most ${LIMITS.carouselCardLineBreaks}`,
			FIELD,
			`Join some lines of the ${label.toLowerCase()} text.`,
		);
	}
	return { text };
}

function cardHeader(header: CarouselCardInput['header'], label: string): JsonRecord {
	if (header.type !== 'image' && header.type !== 'video') {
		throw new PayloadError(
			`${label} has a header of type ${String(header.type)}`,
			FIELD,
			'Give every card an image or a video: WhatsApp allows no other card header.',
		);
	}
	const link = requireHttpUrl(header.link, FIELD, `${label} ${header.type} link`);
	return { type: header.type, [header.type]: { link } };
}

type ButtonKind = 'url' | 'quick_reply';

function buttonKind(card: CarouselCardInput, label: string): ButtonKind {
	const hasUrl = card.urlButton !== undefined;
	const replies = card.quickReplies ?? [];
	if (hasUrl && replies.length > 0) {
		throw new PayloadError(
			`${label} has both a URL button and quick-reply buttons`,
			FIELD,
			'Give each card either one URL button or quick-reply buttons, not both.',
		);
	}
	if (!hasUrl && replies.length === 0) {
		throw new PayloadError(
			`${label} has no button`,
			FIELD,
			'Give each card one URL button, or one or two quick-reply buttons.',
		);
	}
	return hasUrl ? 'url' : 'quick_reply';
}

function urlAction(button: NonNullable<CarouselCardInput['urlButton']>, label: string) {
	return {
		name: 'cta_url',
		parameters: {
			display_text: requireLength(
				button.displayText,
				LIMITS.ctaDisplayText,
				FIELD,
				`${label} button text`,
			),
			url: requireHttpUrl(button.url, FIELD, `${label} button URL`),
		},
	};
}

function quickReplyButtons(
	replies: CarouselQuickReplyInput[],
	at: number,
	label: string,
): JsonRecord[] {
	if (replies.length > LIMITS.carouselQuickReplies) {
		throw new PayloadError(
			`${label} has ${replies.length} quick-reply buttons; WhatsApp allows at most ${LIMITS.carouselQuickReplies} per card`,
			FIELD,
			`Remove ${replies.length - LIMITS.carouselQuickReplies} of the buttons of ${label.toLowerCase()}.`,
		);
	}
	const buttons = replies.map((reply, b) => {
		const title = requireLength(
			reply.title,
			LIMITS.buttonTitle,
			FIELD,
			`${label}, button ${b + 1} title`,
		);
		const id = checkLength(
			reply.id?.trim() || `card${at + 1}:${title.trim()}`,
			LIMITS.buttonId,
			FIELD,
			`${label}, button ${b + 1} ID`,
		);
		return { type: 'quick_reply', quick_reply: { id, title } };
	});
	const duplicate = findDuplicate(buttons.map((button) => button.quick_reply.id));
	if (duplicate) {
		throw new PayloadError(
			`${label}: buttons ${duplicate[0] + 1} and ${duplicate[1] + 1} have the same ID "${buttons[duplicate[1]].quick_reply.id}"`,
			FIELD,
			'Give each quick-reply button of a card its own ID (or, when the IDs are left empty, its own title).',
		);
	}
	return buttons;
}

const withArticle = (kind: CarouselMediaKind) => (kind === 'image' ? 'an image' : 'a video');

/** Every card like the first: header kind, button kind and number of quick replies. */
function checkCardsAlike(cards: CarouselCardInput[], kinds: ButtonKind[]): void {
	const first = cards[0];
	cards.forEach((card, at) => {
		if (at === 0) return;
		const label = `Card ${at + 1}`;
		if (card.header.type !== first.header.type) {
			throw new PayloadError(
				`${label} has ${withArticle(card.header.type)} header, card 1 ${withArticle(first.header.type)}`,
				FIELD,
				'Use the same header kind (all images or all videos) on every card.',
			);
		}
		if (kinds[at] !== kinds[0]) {
			const describe = (kind: ButtonKind) =>
				kind === 'url' ? 'a URL button' : 'quick-reply buttons';
			throw new PayloadError(
				`${label} has ${describe(kinds[at])}, card 1 has ${describe(kinds[0])}`,
				FIELD,
				'Give every card the same kind of button: all URL buttons, or all quick replies.',
			);
		}
		const count = card.quickReplies?.length ?? 0;
		const firstCount = first.quickReplies?.length ?? 0;
		if (count !== firstCount) {
			throw new PayloadError(
				`${label} has ${count} quick-reply button${count === 1 ? '' : 's'}, card 1 has ${firstCount}`,
				FIELD,
				'Give every card the same number of quick-reply buttons.',
			);
		}
	});
}

function checkCardCount(cards: CarouselCardInput[]): void {
	if (cards.length < LIMITS.carouselCardsMin || cards.length > LIMITS.carouselCards) {
		throw new PayloadError(
			`The carousel has ${cards.length} card${cards.length === 1 ? '' : 's'}; WhatsApp needs ${LIMITS.carouselCardsMin} to ${LIMITS.carouselCards}`,
			FIELD,
			cards.length < LIMITS.carouselCardsMin
				? `Add ${LIMITS.carouselCardsMin - cards.length} more card${LIMITS.carouselCardsMin - cards.length === 1 ? '' : 's'}.`
				: `Remove ${cards.length - LIMITS.carouselCards} cards, or send a second carousel.`,
		);
	}
}

/** The `interactive` object of a media carousel. */
export function buildCarouselMessage(input: CarouselInput): JsonRecord {
	const body = interactiveBody(input.body);
	checkCardCount(input.cards);
	const headers = input.cards.map((card, at) => cardHeader(card.header, `Card ${at + 1}`));
	const kinds = input.cards.map((card, at) => buttonKind(card, `Card ${at + 1}`));
	checkCardsAlike(input.cards, kinds);
	const cards = input.cards.map((card, at) => {
		const label = `Card ${at + 1}`;
		const built: JsonRecord = { card_index: at };
		if (kinds[at] === 'url') built.type = 'cta_url';
		built.header = headers[at];
		const text = cardBody(card.body, label);
		if (text) built.body = text;
		built.action =
			kinds[at] === 'url'
				? urlAction(card.urlButton!, label)
				: { buttons: quickReplyButtons(card.quickReplies ?? [], at, label) };
		return built;
	});
	return { type: 'carousel', body, action: { cards } };
}
