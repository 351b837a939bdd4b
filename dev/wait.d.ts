/** Types of wait.js. */
export function delay(ms: number): Promise<void>;
export function eventually<T>(
	check: () => T | undefined | Promise<T | undefined>,
	options?: { timeoutMs?: number; intervalMs?: number; description?: string },
): Promise<T>;
