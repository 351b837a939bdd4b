import { buildCarouselMessage } from '../../../../nodes/shared/whatsapp/messages/carousel';
import type {
	CarouselCardInput,
	CarouselInput,
} from '../../../../nodes/shared/whatsapp/messages/carousel';
import { buildInteractiveMessage } from '../../../../nodes/shared/whatsapp/messages/interactive';
import { PayloadError } from '../../../../nodes/shared/whatsapp/validation';

function refusal(input: CarouselInput): PayloadError {
	try {
		buildCarouselMessage(input);
	} catch (error) {
		if (error instanceof PayloadError) return error;
		throw error;
	}
	throw new Error('expected a PayloadError, nothing was thrown');
}

const urlCard = (n: number, extra: Partial<CarouselCardInput> = {}): CarouselCardInput => ({
	header: { type: 'image', link: `https://shop.example/${n}.jpg` },
	body: `Deal ${n}`,
	urlButton: { displayText: 'Shop now', url: `https://shop.example/${n}` },
	...extra,
});

const replyCard = (n: number, titles: string[] = ['Buy', 'Details']): CarouselCardInput => ({
	header: { type: 'video', link: `https://shop.example/${n}.mp4` },
	quickReplies: titles.map((title) => ({ title })),
});

const carousel = (cards: CarouselCardInput[]): CarouselInput => ({
	type: 'carousel',
	body: 'Our offers',
	cards,
});

describe('media carousel', () => {
	test("URL-button cards in WhatsApp's shape, through buildInteractiveMessage", () => {
		expect(buildInteractiveMessage(carousel([urlCard(1), urlCard(2)]))).toEqual({
			type: 'carousel',
			body: { text: 'Our offers' },
			action: {
				cards: [1, 2].map((n) => ({
					card_index: n - 1,
					type: 'cta_url',
					header: { type: 'image', image: { link: `https://shop.example/${n}.jpg` } },
					body: { text: `Deal ${n}` },
					action: {
						name: 'cta_url',
						parameters: { display_text: 'Shop now', url: `https://shop.example/${n}` },
					},
				})),
			},
		});
	});

	test('quick-reply cards: no card type, IDs default to card number and title', () => {
		expect(
			buildCarouselMessage(
				carousel([
					replyCard(1),
					{ ...replyCard(2), quickReplies: [{ title: 'Buy', id: 'buy-2' }, { title: 'Details' }] },
				]),
			).action,
		).toEqual({
			cards: [
				{
					card_index: 0,
					header: { type: 'video', video: { link: 'https://shop.example/1.mp4' } },
					action: {
						buttons: [
							{ type: 'quick_reply', quick_reply: { id: 'card1:Buy', title: 'Buy' } },
							{ type: 'quick_reply', quick_reply: { id: 'card1:Details', title: 'Details' } },
						],
					},
				},
				{
					card_index: 1,
					header: { type: 'video', video: { link: 'https://shop.example/2.mp4' } },
					action: {
						buttons: [
							{ type: 'quick_reply', quick_reply: { id: 'buy-2', title: 'Buy' } },
							{ type: 'quick_reply', quick_reply: { id: 'card2:Details', title: 'Details' } },
						],
					},
				},
			],
		});
	});

	test('a whitespace-only card text is left out', () => {
		const built = buildCarouselMessage(carousel([urlCard(1, { body: '  ' }), urlCard(2)]));
		expect((built.action as { cards: object[] }).cards[0]).not.toHaveProperty('body');
	});

	test('2 and 10 cards are accepted; 1 and 11 are refused with the count', () => {
		expect(() => buildCarouselMessage(carousel([urlCard(1), urlCard(2)]))).not.toThrow();
		const ten = Array.from({ length: 10 }, (_, at) => urlCard(at + 1));
		expect(() => buildCarouselMessage(carousel(ten))).not.toThrow();
		const one = refusal(carousel([urlCard(1)]));
		expect(one.message).toBe('The carousel has 1 card; WhatsApp needs 2 to 10');
		expect(one.fix).toBe('Add 1 more card.');
		const eleven = refusal(carousel([...ten, urlCard(11)]));
		expect(eleven.message).toBe('The carousel has 11 cards; WhatsApp needs 2 to 10');
		expect(eleven.fix).toBe('Remove 1 cards, or send a second carousel.');
	});

	test('the main body is required and at most 1024 characters', () => {
		expect(refusal({ ...carousel([urlCard(1), urlCard(2)]), body: ' ' }).message).toBe(
			'Body Text is empty',
		);
		expect(refusal({ ...carousel([urlCard(1), urlCard(2)]), body: 'x'.repeat(1025) }).message).toBe(
			'Body Text is 1025 characters long; WhatsApp allows at most 1024',
		);
	});

	test('card text: at most 160 characters and 2 line breaks', () => {
		expect(() =>
			buildCarouselMessage(carousel([urlCard(1, { body: 'x'.repeat(160) }), urlCard(2)])),
		).not.toThrow();
		expect(refusal(carousel([urlCard(1), urlCard(2, { body: 'x'.repeat(161) })])).message).toBe(
			'Card 2 text is 161 characters long; WhatsApp allows at most 160',
		);
		expect(refusal(carousel([urlCard(1, { body: 'a\nb\nc\nd' }), urlCard(2)])).message).toBe(
			'Card 1 text has 3 line breaks; WhatsApp allows at most 2',
		);
	});

	test('every card needs an image or video link', () => {
		expect(
			refusal(carousel([urlCard(1), urlCard(2, { header: { type: 'image', link: 'photo.jpg' } })]))
				.message,
		).toBe('Card 2 image link "photo.jpg" is not a web address');
		expect(
			refusal(
				carousel([
					urlCard(1),
					urlCard(2, { header: { type: 'document' as 'image', link: 'https://x.example/a.pdf' } }),
				]),
			).message,
		).toBe('Card 2 has a header of type document');
	});

	test('all cards share the header kind', () => {
		const error = refusal(
			carousel([
				urlCard(1),
				urlCard(2, { header: { type: 'video', link: 'https://x.example/v.mp4' } }),
			]),
		);
		expect(error.message).toBe('Card 2 has a video header, card 1 an image');
		expect(error.fix).toContain('same header kind');
	});

	test('all cards share the button kind and the number of quick replies', () => {
		expect(
			refusal(
				carousel([
					replyCard(1),
					{ ...urlCard(2), header: { type: 'video', link: 'https://x.example/v.mp4' } },
				]),
			).message,
		).toBe('Card 2 has a URL button, card 1 has quick-reply buttons');
		expect(refusal(carousel([replyCard(1), replyCard(2, ['Buy'])])).message).toBe(
			'Card 2 has 1 quick-reply button, card 1 has 2',
		);
	});

	test('a card needs exactly one kind of button', () => {
		expect(refusal(carousel([urlCard(1), urlCard(2, { urlButton: undefined })])).message).toBe(
			'Card 2 has no button',
		);
		expect(
			refusal(carousel([urlCard(1, { quickReplies: [{ title: 'Buy' }] }), urlCard(2)])).message,
		).toBe('Card 1 has both a URL button and quick-reply buttons');
	});

	test('at most 2 quick replies per card', () => {
		const error = refusal(carousel([replyCard(1, ['a', 'b', 'c']), replyCard(2, ['a', 'b', 'c'])]));
		expect(error.message).toBe(
			'Card 1 has 3 quick-reply buttons; WhatsApp allows at most 2 per card',
		);
	});

	test('button texts: 20 characters; IDs unique within a card', () => {
		expect(
			refusal(
				carousel([
					urlCard(1, { urlButton: { displayText: 'x'.repeat(21), url: 'https://x.example' } }),
					urlCard(2),
				]),
			).message,
		).toBe('Card 1 button text is 21 characters long; WhatsApp allows at most 20');
		expect(refusal(carousel([replyCard(1, ['x'.repeat(21), 'b']), replyCard(2)])).message).toBe(
			'Card 1, button 1 title is 21 characters long; WhatsApp allows at most 20',
		);
		expect(
			refusal(
				carousel([
					{
						...replyCard(1),
						quickReplies: [
							{ title: 'A', id: 'same' },
							{ title: 'B', id: 'same' },
						],
					},
					replyCard(2),
				]),
			).message,
		).toBe('Card 1: buttons 1 and 2 have the same ID "same"');
	});

	test('a URL button needs a web address', () => {
		expect(
			refusal(carousel([urlCard(1), urlCard(2, { urlButton: { displayText: 'Go', url: 'shop' } })]))
				.message,
		).toBe('Card 2 button URL "shop" is not a web address');
	});
});
