/**
 * Browser tests of the H5 build against localcloud: `npx jest -c e2e/jest.config.js --runInBand`.
 * globalSetup builds the cloud functions and the H5 app once; each suite starts its own
 * localcloud on a free port with a fresh data directory and the demo content.
 */
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2020' },
    module: { type: 'commonjs' },
  },
];

/** @type {import('jest').Config} */
module.exports = {
  rootDir: root,
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@shared/(.*)$': '<rootDir>/shared/$1',
  },
  globalSetup: '<rootDir>/e2e/support/globalSetup.ts',
  testTimeout: 180_000,
  maxWorkers: 1,
};
