import { moduleAliases } from './tools/jest/module-aliases.mjs';
import { swcTransform } from './tools/jest/swc-transform.mjs';

const common = {
  transform: { '^.+\\.(t|j)sx?$': swcTransform },
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: moduleAliases(),
  testEnvironment: 'node',
};

/**
 * Every test of the repository (run by `npm test`, which sets
 * NODE_OPTIONS=--experimental-vm-modules for native ESM):
 * - unit: domain rules and mechanisms of libs and tools, without a server;
 * - api: REST and GraphQL over real HTTP against a real database;
 * - admin: the SPA's pure logic (messages, data-provider mapping);
 * - browser: the built admin in Debian's Chromium against a real API.
 */
export default {
  // Each API test file starts a server on a fresh database (PGlite boots in a few seconds).
  testTimeout: 60_000,
  globalSetup: './tools/jest/global-setup.mjs',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/tools/**/*.spec.ts'] },
    { ...common, displayName: 'api', testMatch: ['<rootDir>/apps/api/test/**/*.e2e-spec.ts'] },
    './apps/admin/jest.config.mjs',
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/apps/admin-e2e/src/**/*.browser-spec.ts'] },
  ],
};
