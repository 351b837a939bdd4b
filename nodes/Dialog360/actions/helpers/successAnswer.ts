/** `{ success }` answers (status updates, deletes): an answer without the field counts as success. */
export function successOf(body: unknown): boolean {
	const success = (body as { success?: unknown } | undefined)?.success;
	return success === undefined ? true : success === true;
}
