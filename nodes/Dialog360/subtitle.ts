/**
 * The line under the node's name on the canvas: its operation in words ("Send Typing Indicator", "List
 * Templates"), read from the Operation options of every resource, so that a new operation gets its subtitle
 * with its option.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** Resources whose operation names are bare verbs ("List", "Get Info"): the noun goes after the verb. */
const NOUNS: Record<string, { one: string; many: string }> = {
	template: { one: 'Template', many: 'Templates' },
	media: { one: 'Media', many: 'Media' },
	group: { one: 'Group', many: 'Groups' },
	call: { one: 'Call', many: 'Calls' },
};

function inWords(resource: string, option: INodePropertyOptions): string {
	const noun = NOUNS[resource];
	if (!noun || option.name.includes(noun.one)) return option.name;
	const [verb, ...rest] = option.name.split(' ');
	const many = String(option.value).startsWith('list');
	return [verb, many ? noun.many : noun.one, ...rest].join(' ');
}

/** "resource:operation" → words, for every Operation property of the node. */
export function operationSubtitles(properties: INodeProperties[]): Record<string, string> {
	const subtitles: Record<string, string> = {};
	for (const property of properties) {
		if (property.name !== 'operation' || !property.options) continue;
		for (const resource of (property.displayOptions?.show?.resource ?? []) as string[]) {
			for (const option of property.options as INodePropertyOptions[]) {
				subtitles[`${resource}:${String(option.value)}`] = inWords(resource, option);
			}
		}
	}
	return subtitles;
}

/**
 * The subtitle expression: a lookup over Resource and Operation, which take no expressions themselves; an
 * operation this version does not know shows its own value.
 */
export function operationSubtitle(properties: INodeProperties[]): string {
	const table = JSON.stringify(operationSubtitles(properties));
	return `={{ (${table})[$parameter["resource"] + ":" + $parameter["operation"]] ?? $parameter["operation"] }}`;
}
