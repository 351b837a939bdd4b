import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Dialog360 } from '../../../nodes/Dialog360/Dialog360.node';
import { resources } from '../../../nodes/Dialog360/actions/router';

const properties = new Dialog360().description.properties;

function optionValues(property: INodeProperties | undefined): string[] {
	return ((property?.options ?? []) as INodePropertyOptions[]).map((option) =>
		String(option.value),
	);
}

function operationProperty(resource: string): INodeProperties | undefined {
	return properties.find(
		(property) =>
			property.name === 'operation' &&
			(property.displayOptions?.show?.resource as string[] | undefined)?.includes(resource),
	);
}

describe('the resource and operation table', () => {
	test('the Resource options are exactly the resources the router runs', () => {
		const shown = optionValues(properties.find((property) => property.name === 'resource'));
		expect(shown.sort()).toEqual(Object.keys(resources).sort());
	});

	test.each(Object.keys(resources))(
		'the Operation options of "%s" are exactly the operations the router runs for it',
		(resource) => {
			const table = resources[resource as keyof typeof resources];
			expect(optionValues(operationProperty(resource)).sort()).toEqual(Object.keys(table).sort());
		},
	);

	test('every message operation that sends shows the recipient and the send options', () => {
		const shownOn = (name: string) =>
			properties
				.filter((property) => property.name === name)
				.flatMap((property) => (property.displayOptions?.show?.operation as string[]) ?? []);
		const sending = Object.entries(resources.message)
			.filter(([, operation]) => operation.recipient)
			.map(([name]) => name)
			.sort();
		expect(sending).toEqual(
			[
				'sendAndWait',
				'sendContacts',
				'sendInteractive',
				'sendLocation',
				'sendMedia',
				'sendRaw',
				'sendReaction',
				'sendTemplate',
				'sendText',
			].sort(),
		);
		expect([...new Set(shownOn('recipientType'))].sort()).toEqual(sending);
		expect([...new Set(shownOn('phoneNumber'))].sort()).toEqual(sending);
		expect([...new Set(shownOn('sendOptions'))].sort()).toEqual(sending);
		expect(shownOn('phoneNumber')).not.toContain('markAsRead');
	});
});
