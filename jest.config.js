/** Jest in ESM mode (the markdown and GitHub libraries are ESM-only); ts-jest only transpiles, `tsc` type-checks. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  globalSetup: '<rootDir>/__tests__/support/global-setup.mjs',
  globalTeardown: '<rootDir>/__tests__/support/global-teardown.mjs',
  collectCoverageFrom: ['src/**/*.ts', '!src/index.ts', '!src/cli.ts', '!src/cli-launcher.ts'],
  coverageThreshold: { global: { lines: 90, branches: 80 } },
};
