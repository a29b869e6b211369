// Jest: TypeScript through esbuild (no type checking here; `npm run typecheck` does that).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: { '^.+\\.tsx?$': '<rootDir>/test/support/esbuild-jest.js' },
  testTimeout: 60_000,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  moduleNameMapper: { '^@domain/(.*)$': '<rootDir>/domain/$1' },
};
