import { fileURLToPath } from 'node:url';

const contracts = fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url));

/**
 * Unit tests of the admin (pure functions, no DOM). Native ESM:
 *   NODE_OPTIONS=--experimental-vm-modules npx jest -c apps/admin/jest.config.mjs
 * @type {import('jest').Config}
 */
export default {
  displayName: 'admin',
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.{ts,tsx}'],
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    '^.+\\.(ts|tsx)$': [
      '@swc/jest',
      {
        // Inline options: the repo's .swcrc is set up for the server (decorators, no TSX).
        swcrc: false,
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2023',
        },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: {
    '^@danvan/contracts$': contracts,
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};
