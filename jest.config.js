// Jest: TypeScript through SWC (no type checking here; `npm run typecheck` does that).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2021' }, module: { type: 'commonjs' } },
    ],
  },
  testTimeout: 60_000,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
};
