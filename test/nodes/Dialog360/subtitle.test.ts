/**
 * The line under the node's name on the canvas says the operation in words, for every resource and operation.
 */
import { Dialog360 } from '../../../nodes/Dialog360/Dialog360.node';
import { operationSubtitles } from '../../../nodes/Dialog360/subtitle';

const { description } = new Dialog360();

/** The subtitle as n8n shows it for these parameters: its expression evaluated over `$parameter`. */
function subtitleFor(resource: string, operation: string): unknown {
	const expression = String(description.subtitle);
	const body = expression.replace(/^=\{\{/, '').replace(/\}\}$/, '');
	return new Function('$parameter', `return ${body}`)({ resource, operation });
}

test('operations read as words', () => {
	expect(subtitleFor('message', 'sendTypingIndicator')).toBe('Send Typing Indicator');
	expect(subtitleFor('message', 'markAsRead')).toBe('Mark as Read');
	expect(subtitleFor('template', 'list')).toBe('List Templates');
	expect(subtitleFor('template', 'get')).toBe('Get Template');
	expect(subtitleFor('media', 'getInfo')).toBe('Get Media Info');
	expect(subtitleFor('media', 'upload')).toBe('Upload Media');
	expect(subtitleFor('account', 'getHealthStatus')).toBe('Get Health Status');
});

test('every operation of every resource has its subtitle, none of them a raw value', () => {
	const subtitles = operationSubtitles(description.properties);
	const operations = description.properties.filter((property) => property.name === 'operation');
	const expected = operations.flatMap((property) =>
		((property.displayOptions?.show?.resource ?? []) as string[]).flatMap((resource) =>
			(property.options ?? []).map(
				(option) => `${resource}:${String((option as { value: string }).value)}`,
			),
		),
	);
	expect(Object.keys(subtitles).sort()).toEqual(expected.sort());
	for (const key of expected) {
		const [resource, operation] = key.split(':');
		const words = subtitleFor(resource, operation);
		expect(words).toMatch(/^[A-Z][a-z]*(-[A-Z][a-z]*)?( [A-Za-z]+)*$/);
		expect(words).not.toBe(operation);
	}
});

test('an operation unknown to this version shows its own value, never "undefined"', () => {
	expect(subtitleFor('message', 'sendSomethingNew')).toBe('sendSomethingNew');
});

test('the action of sending media reads as a sentence', () => {
	const actions = description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.options ?? []).map((option) => (option as { action?: string }).action),
		);
	expect(actions).toContain('Send an image or other media');
});
