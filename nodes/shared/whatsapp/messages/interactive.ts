/**
 * Interactive messages: reply buttons, a list, a call-to-action URL button, a flow, a location request,
 * products from the catalog and a media carousel, each checked against WhatsApp's limits before anything is sent.
 */
import { isJsonObject } from '../json';
import type { JsonRecord } from '../json';
import {
	checkCount,
	checkLength,
	findDuplicate,
	LIMITS,
	optionalLength,
	parseJsonField,
	PayloadError,
	requireHttpUrl,
	requireLength,
	requireText,
} from '../validation';
import { buildCarouselMessage } from './carousel';
import type { CarouselInput } from './carousel';
import { buildCommerceMessage } from './commerce';
import type { CommerceInput } from './commerce';
import { interactiveBody, interactiveFooter } from './interactiveText';
import { buildMediaHeader } from './template';
import type { MediaKind, MediaSource } from './template';

export type InteractiveHeaderInput =
	| { type: 'text'; text: string }
	| ({ type: MediaKind } & MediaSource);

interface Shared {
	body: string;
	header?: InteractiveHeaderInput;
	footer?: string;
}

export interface ReplyButtonInput {
	/** Defaults to the title; comes back in the webhook when the user taps the button. */
	id?: string;
	title: string;
}

export interface ListRowInput {
	/** Defaults to the title; comes back in the webhook when the user picks the row. */
	id?: string;
	title: string;
	description?: string;
}

export interface ListSectionInput {
	title?: string;
	rows: ListRowInput[];
}

export interface FlowInput {
	flowId?: string;
	flowName?: string;
	cta: string;
	/** Defaults to "unused". */
	token?: string;
	mode?: 'draft' | 'published';
	action?: 'navigate' | 'data_exchange';
	/** The first screen, for `navigate`. */
	screen?: string;
	/** Data for the first screen, for `navigate`: an object or its JSON text. */
	data?: unknown;
}

type ChoiceInput =
	| (Shared & { type: 'button'; buttons: ReplyButtonInput[] })
	| (Shared & { type: 'list'; buttonLabel: string; sections: ListSectionInput[] })
	| (Shared & { type: 'cta_url'; displayText: string; url: string })
	| (Shared & { type: 'flow'; flow: FlowInput });

export type InteractiveInput =
	| ChoiceInput
	| {
			type: 'location_request_message' | 'call_permission_request' | 'request_contact_info';
			body: string;
	  }
	| CommerceInput
	| CarouselInput;

export type InteractiveType = InteractiveInput['type'];

/**
 * Messages whose one button WhatsApp draws itself, named by the action: a location request, a call
 * permission request (Meta, "Calling API" › User call permissions; 360dialog docs messaging/calling) and a
 * request for the contact info of a user who hides their number behind a username (whatsapp-api-js
 * ActionContactRequest; Meta, "Business-scoped user IDs").
 */
const FIXED_BUTTON_ACTIONS = {
	location_request_message: 'send_location',
	call_permission_request: 'call_permission_request',
	request_contact_info: 'request_contact_info',
} as const;

/** The header kinds WhatsApp accepts per interactive type with a free header. */
const HEADER_TYPES: Record<ChoiceInput['type'], Array<InteractiveHeaderInput['type']>> = {
	button: ['text', 'image', 'video', 'document'],
	cta_url: ['text', 'image', 'video', 'document'],
	list: ['text'],
	flow: ['text'],
};

function header(type: ChoiceInput['type'], input: InteractiveHeaderInput): JsonRecord {
	const allowed = HEADER_TYPES[type];
	if (!allowed.includes(input.type)) {
		throw new PayloadError(
			`A ${type} message cannot have a header of type ${input.type}`,
			'headerType',
			`WhatsApp allows only ${allowed.join(', ')} headers here; choose one of those, or none.`,
		);
	}
	if (input.type === 'text') {
		return {
			type: 'text',
			text: requireLength(input.text, LIMITS.interactiveHeaderText, 'headerText', 'Header Text'),
		};
	}
	return buildMediaHeader(input.type, input);
}

/** Ids default to the title; WhatsApp needs them unique within the message. */
function uniqueIds<T extends { id?: string; title: string }>(
	items: T[],
	field: string,
	label: string,
	max: number,
): string[] {
	const ids = items.map((item, at) =>
		checkLength(item.id?.trim() || item.title.trim(), max, field, `${label} ${at + 1} ID`),
	);
	const duplicate = findDuplicate(ids);
	if (duplicate) {
		const [first, again] = duplicate;
		throw new PayloadError(
			`${label}s ${first + 1} and ${again + 1} have the same ID "${ids[again]}"`,
			field,
			`Give each ${label.toLowerCase()} its own ID (or, when the IDs are left empty, its own title).`,
		);
	}
	return ids;
}

function replyButtons(buttons: ReplyButtonInput[]): JsonRecord {
	checkCount(buttons, LIMITS.replyButtons, 'buttons', 'Reply buttons');
	const titles = buttons.map((button, at) =>
		requireLength(button.title, LIMITS.buttonTitle, 'buttons', `Button ${at + 1} title`),
	);
	const ids = uniqueIds(buttons, 'buttons', 'Button', LIMITS.buttonId);
	return { buttons: titles.map((title, at) => ({ type: 'reply', reply: { id: ids[at], title } })) };
}

function listRow(row: ListRowInput, label: string): JsonRecord {
	const built: JsonRecord = {
		title: requireLength(row.title, LIMITS.listRowTitle, 'sections', `${label} title`),
	};
	const description = optionalLength(
		row.description?.trim(),
		LIMITS.listRowDescription,
		'sections',
		`${label} description`,
	);
	return description ? { ...built, description } : built;
}

function listSection(
	section: ListSectionInput,
	at: number,
	count: number,
): { title?: string; rows: JsonRecord[] } {
	const title = section.title?.trim();
	if (!title && count > 1) {
		throw new PayloadError(
			`Section ${at + 1} has no title`,
			'sections',
			'Give every section a title when the list has more than one section.',
		);
	}
	const where = count > 1 ? `Section ${at + 1}, row` : 'Row';
	const rows = checkCount(section.rows, LIMITS.listRows, 'sections', `${where}s`).map((row, r) =>
		listRow(row, `${where} ${r + 1}`),
	);
	if (!title) return { rows };
	return {
		title: checkLength(title, LIMITS.listSectionTitle, 'sections', `Section ${at + 1} title`),
		rows,
	};
}

function listAction(buttonLabel: string, sections: ListSectionInput[]): JsonRecord {
	const button = requireLength(
		buttonLabel,
		LIMITS.listButtonLabel,
		'listButtonLabel',
		'Menu Button Label',
	);
	checkCount(sections, LIMITS.listSections, 'sections', 'Sections');
	const allRows = sections.flatMap((section) => section.rows ?? []);
	checkCount(allRows, LIMITS.listRows, 'sections', 'List rows (all sections together)');
	const built = sections.map((section, at) => listSection(section, at, sections.length));
	const ids = uniqueIds(allRows, 'sections', 'Row', LIMITS.listRowId);
	let next = 0;
	const withIds = built.map((section) => ({
		...section,
		rows: section.rows.map((row) => ({ id: ids[next++], ...row })),
	}));
	return { button, sections: withIds };
}

function ctaUrlAction(displayText: string, url: string): JsonRecord {
	return {
		name: 'cta_url',
		parameters: {
			display_text: requireLength(
				displayText,
				LIMITS.ctaDisplayText,
				'ctaDisplayText',
				'Button Text',
			),
			url: requireHttpUrl(url, 'ctaUrl', 'URL'),
		},
	};
}

function flowData(data: unknown): JsonRecord | undefined {
	if (data === undefined || data === null || (typeof data === 'string' && data.trim() === ''))
		return undefined;
	const example = '{"product_id": "42"}';
	const parsed = parseJsonField(data, 'flowData', 'Screen Data', example);
	if (!isJsonObject(parsed)) {
		throw new PayloadError(
			'Screen Data must be a JSON object',
			'flowData',
			`Wrap the data in { }, e.g. ${example}.`,
		);
	}
	return Object.keys(parsed).length > 0 ? parsed : undefined;
}

function flowTarget(flow: FlowInput): JsonRecord {
	const flowId = flow.flowId?.trim();
	const flowName = flow.flowName?.trim();
	if (flowId && flowName) {
		throw new PayloadError(
			'Both a flow ID and a flow name are given',
			'flowId',
			'Identify the flow by its ID or by its name, not both.',
		);
	}
	if (flowId) return { flow_id: flowId };
	if (flowName) return { flow_name: flowName };
	throw new PayloadError(
		'The flow is not identified',
		'flowId',
		'Fill in the flow ID (or its name) from WhatsApp Manager.',
	);
}

function flowCta(value: string): string {
	const cta = requireLength(value, LIMITS.flowCta, 'flowCta', 'Flow Button Text');
	if (/\p{Extended_Pictographic}/u.test(cta)) {
		throw new PayloadError(
			'Flow Button Text contains an emoji',
			'flowCta',
			'Remove the emoji: WhatsApp does not allow them on the flow button.',
		);
	}
	return cta;
}

function flowAction(flow: FlowInput): JsonRecord {
	const action = flow.action ?? 'navigate';
	const parameters: JsonRecord = {
		flow_message_version: '3',
		flow_token: flow.token?.trim() || 'unused',
		...flowTarget(flow),
		flow_cta: flowCta(flow.cta),
		mode: flow.mode ?? 'published',
		flow_action: action,
	};
	if (action === 'navigate') {
		const screen = requireText(flow.screen, 'flowScreen', 'First Screen').trim();
		const data = flowData(flow.data);
		parameters.flow_action_payload = data ? { screen, data } : { screen };
	}
	return { name: 'flow', parameters };
}

function action(input: ChoiceInput): JsonRecord {
	switch (input.type) {
		case 'button':
			return replyButtons(input.buttons);
		case 'list':
			return listAction(input.buttonLabel, input.sections);
		case 'cta_url':
			return ctaUrlAction(input.displayText, input.url);
		case 'flow':
			return flowAction(input.flow);
	}
}

/** The `interactive` object of a message. */
export function buildInteractiveMessage(input: InteractiveInput): JsonRecord {
	switch (input.type) {
		case 'product':
		case 'product_list':
		case 'catalog_message':
			return buildCommerceMessage(input);
		case 'carousel':
			return buildCarouselMessage(input);
		case 'location_request_message':
		case 'call_permission_request':
		case 'request_contact_info':
			return {
				type: input.type,
				body: interactiveBody(input.body),
				action: { name: FIXED_BUTTON_ACTIONS[input.type] },
			};
	}
	const message: JsonRecord = { type: input.type };
	if (input.header) message.header = header(input.type, input.header);
	message.body = interactiveBody(input.body);
	const footer = interactiveFooter(input.footer);
	if (footer) message.footer = footer;
	message.action = action(input);
	return message;
}
