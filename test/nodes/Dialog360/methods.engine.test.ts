/**
 * The template picker, run the way n8n's editor runs it: the node's listSearch method called with n8n-core's own
 * LoadOptionsContext, the package loaded from dist/, the API key added by the credential's `authenticate`.
 */
import type { INodeListSearchResult } from 'n8n-workflow';

import { templateSearchPage } from '../../../nodes/Dialog360/methods/listSearch';
import { editorContext } from '../../helpers/engine';
import {
	expectCall,
	startRecordingServer,
	type RecordingServer,
} from '../../helpers/recordingServer';

async function searchTemplates(
	baseUrl: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { context, nodeType } = await editorContext(
		{ resource: 'message', operation: 'sendTemplate' },
		{ baseUrl, apiKey: 'list-key', path: 'template' },
	);
	const method = nodeType.methods?.listSearch?.searchTemplates;
	if (!method) throw new Error('searchTemplates is not registered on the node');
	return await method.call(context, filter, paginationToken);
}

const template = (name: string, language: string, status = 'approved', category = 'UTILITY') => ({
	name,
	language,
	status,
	category,
	components: [],
	id: `${name}-${language}`,
});

describe('template picker (listSearch searchTemplates) through n8n-core', () => {
	let server: RecordingServer;
	beforeEach(async () => {
		server = await startRecordingServer();
	});
	afterEach(async () => await server.close());

	test('lists approved templates as "name (language, category)" valued "name|language"', async () => {
		server.queue({
			status: 200,
			body: {
				count: 3,
				total: 3,
				offset: 0,
				limit: 1000,
				waba_templates: [
					template('order_update', 'en_US'),
					template('order_update', 'de', 'APPROVED', 'marketing'),
					template('draft_offer', 'en', 'submitted'),
				],
			},
		});
		const result = await searchTemplates(server.url);
		expect(result).toEqual({
			results: [
				{ name: 'order_update (en_US, UTILITY)', value: 'order_update|en_US' },
				{ name: 'order_update (de, MARKETING)', value: 'order_update|de' },
			],
		});
		const [request] = server.requests;
		expectCall(request, 'GET', '/v1/configs/templates', 'list-key');
		expect(request.query).toEqual({
			limit: '1000',
			offset: '0',
			sort: 'business_templates.name',
			filters: '{}',
		});
	});

	test('the typed text narrows the list, ignoring case', async () => {
		server.queue({
			status: 200,
			body: {
				count: 2,
				total: 2,
				waba_templates: [template('order_update', 'en'), template('welcome', 'en')],
			},
		});
		expect((await searchTemplates(server.url, 'WEL')).results).toEqual([
			{ name: 'welcome (en, UTILITY)', value: 'welcome|en' },
		]);
	});

	test('when more templates exist, the next page starts where this one ended', async () => {
		server.queue(
			{ status: 200, body: { count: 1000, total: 1500, waba_templates: [template('a', 'en')] } },
			{ status: 200, body: { count: 500, total: 1500, waba_templates: [template('b', 'en')] } },
		);
		const first = await searchTemplates(server.url);
		expect(first.paginationToken).toBe('1000');
		const second = await searchTemplates(server.url, undefined, first.paginationToken);
		expect(second).toEqual({ results: [{ name: 'b (en, UTILITY)', value: 'b|en' }] });
		expect(server.requests.map((request) => request.query.offset)).toEqual(['0', '1000']);
	});

	test('a rejected API key comes back as an error that says what to do', async () => {
		server.queue({
			status: 401,
			body: { meta: { success: false, http_code: 401, developer_message: 'Invalid api_key' } },
		});
		await expect(searchTemplates(server.url)).rejects.toThrow('The 360dialog API key was rejected');
	});
});

describe('template picker page mapping', () => {
	test('an answer without templates gives an empty list and no next page', () => {
		expect(templateSearchPage({}, undefined, 0)).toEqual({ results: [] });
	});

	test('templates without a name or language are left out', () => {
		expect(
			templateSearchPage(
				{
					waba_templates: [
						{ name: 'x', status: 'approved' },
						{ language: 'en', status: 'approved' },
					],
				},
				'',
				0,
			),
		).toEqual({ results: [] });
	});

	test('the typed text also matches the language', () => {
		const page = { waba_templates: [template('hello', 'pt_BR'), template('hello', 'en')] };
		expect(templateSearchPage(page, 'pt_br', 0).results.map((item) => item.value)).toEqual([
			'hello|pt_BR',
		]);
	});
});
