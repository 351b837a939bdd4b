/**
 * Projects: pure units with in-process engine runs (fast), the end-to-end suite inside a real n8n process, and the
 * benchmarks (`npm run bench` only), which print their figures.
 */
const shared = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	moduleFileExtensions: ['ts', 'js', 'json'],
	setupFilesAfterEnv: ['<rootDir>/test/setup/env.ts'],
	modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

module.exports = {
	// Engine tests load the package through n8n-core; on a busy 2-core machine the first load can pass 5 s.
	// Jest reads testTimeout from the top level only: inside a project it is ignored.
	testTimeout: 30_000,
	projects: [
		{
			...shared,
			displayName: 'unit',
			testMatch: ['<rootDir>/test/**/*.test.ts'],
			testPathIgnorePatterns: ['/test/e2e/'],
		},
		{ ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
		{
			...shared,
			displayName: 'bench',
			testMatch: ['<rootDir>/test/bench/**/*.bench.ts'],
			// One results file per run, printed as a summary of every figure and its verdict at the end.
			globalSetup: '<rootDir>/test/bench/support/globalSetup.js',
			globalTeardown: '<rootDir>/test/bench/support/globalTeardown.js',
		},
	],
};
