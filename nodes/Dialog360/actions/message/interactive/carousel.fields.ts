/** Send Interactive's fields for the media carousel, and their reader. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type {
	CarouselCardInput,
	CarouselInput,
	CarouselMediaKind,
} from '../../../../shared/whatsapp/messages/carousel';
import { LIMITS } from '../../../../shared/whatsapp/validation';
import { collectionRows } from '../../operation';

const onCarousel = { show: { interactiveType: ['carousel'] } };
const withUrlButton = { show: { '/carouselButtonType': ['url'] } };
const withQuickReplies = { show: { '/carouselButtonType': ['quick_reply'] } };

const quickReply = (n: number): INodeProperties[] => [
	{
		displayName: `Quick Reply ${n} Title`,
		name: `reply${n}Title`,
		type: 'string',
		default: '',
		required: n === 1,
		description: `Up to ${LIMITS.buttonTitle} characters${n === 2 ? '; leave empty for one button per card' : ''}`,
		hint: `Up to ${LIMITS.buttonTitle} characters`,
		displayOptions: withQuickReplies,
	},
	{
		displayName: `Quick Reply ${n} ID`,
		name: `reply${n}Id`,
		type: 'string',
		default: '',
		description: `What your workflow receives when the button is tapped, up to ${LIMITS.buttonId} characters. Leave empty for "card" + the card number + ":" + the title, e.g. "card2:Buy".`,
		displayOptions: withQuickReplies,
	},
];

export const carouselProperties: INodeProperties[] = [
	{
		displayName: 'Card Media',
		name: 'carouselMediaType',
		type: 'options',
		options: [
			{ name: 'Image', value: 'image' },
			{ name: 'Video', value: 'video' },
		],
		default: 'image',
		description: 'WhatsApp wants the same kind of header on every card',
		displayOptions: onCarousel,
	},
	{
		displayName: 'Card Buttons',
		name: 'carouselButtonType',
		type: 'options',
		options: [
			{
				name: 'Quick Replies',
				value: 'quick_reply',
				description:
					'One or two buttons per card; the tapped one comes back in the 360dialog Trigger',
			},
			{ name: 'URL Button', value: 'url', description: 'One button per card that opens a link' },
		],
		default: 'url',
		description: 'WhatsApp wants the same kind and number of buttons on every card',
		displayOptions: onCarousel,
	},
	{
		displayName: 'Cards',
		name: 'cards',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true, maxAllowedFields: LIMITS.carouselCards },
		placeholder: 'Add Card',
		default: {},
		required: true,
		description: `${LIMITS.carouselCardsMin} to ${LIMITS.carouselCards} cards, shown left to right`,
		displayOptions: onCarousel,
		options: [
			{
				displayName: 'Card',
				name: 'card',
				values: [
					{
						displayName: 'Media Link',
						name: 'mediaLink',
						type: 'string',
						default: '',
						required: true,
						placeholder: 'https://example.com/product.jpg',
						description: 'A public https:// address of the image or video',
					},
					{
						displayName: 'Card Text',
						name: 'text',
						type: 'string',
						typeOptions: { rows: 2 },
						default: '',
						description: `Optional, up to ${LIMITS.carouselCardBody} characters and ${LIMITS.carouselCardLineBreaks} line breaks`,
					},
					{
						displayName: 'Button Text',
						name: 'buttonText',
						type: 'string',
						default: '',
						required: true,
						placeholder: 'Shop now',
						description: `Up to ${LIMITS.ctaDisplayText} characters`,
						hint: `Up to ${LIMITS.ctaDisplayText} characters`,
						displayOptions: withUrlButton,
					},
					{
						displayName: 'Button URL',
						name: 'buttonUrl',
						type: 'string',
						default: '',
						required: true,
						placeholder: 'https://example.com/product',
						displayOptions: withUrlButton,
					},
					...quickReply(1),
					...quickReply(2),
				],
			},
		],
	},
];

function readCard(card: IDataObject, media: CarouselMediaKind, buttons: string): CarouselCardInput {
	const text = (name: string) => (card[name] as string | undefined) ?? '';
	const base = { header: { type: media, link: text('mediaLink') }, body: text('text') };
	if (buttons === 'url')
		return { ...base, urlButton: { displayText: text('buttonText'), url: text('buttonUrl') } };
	const replies = [1, 2]
		.map((n) => ({ title: text(`reply${n}Title`), id: text(`reply${n}Id`) }))
		.filter((reply, at) => at === 0 || reply.title.trim() !== '' || reply.id.trim() !== '');
	return { ...base, quickReplies: replies };
}

export function readCarouselInput(this: IExecuteFunctions, i: number): CarouselInput {
	const media = this.getNodeParameter('carouselMediaType', i, 'image') as CarouselMediaKind;
	const buttons = this.getNodeParameter('carouselButtonType', i, 'url') as string;
	return {
		type: 'carousel',
		body: this.getNodeParameter('bodyText', i, '') as string,
		cards: collectionRows(this.getNodeParameter('cards', i, {}), 'card').map((card) =>
			readCard(card, media, buttons),
		),
	};
}
