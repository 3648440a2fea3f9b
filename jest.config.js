/**
 * Unit tests live next to the code they test (`*.test.ts[x]`); the cloud functions' integration
 * tests (built functions on localcloud) live in `test/functions/`, outside the deployed folder.
 * Browser tests (`e2e/`) have their own config: they need a build and a browser.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2020',
    },
    module: { type: 'commonjs' },
  },
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/shared',
    '<rootDir>/cloudfunctions',
    '<rootDir>/test',
    '<rootDir>/localcloud',
    '<rootDir>/client',
    '<rootDir>/content',
    '<rootDir>/scripts',
  ],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@shared/(.*)$': '<rootDir>/shared/$1',
    '^@/(.*)$': '<rootDir>/client/$1',
    // Client components import their stylesheets; unit tests need none.
    '\\.css$': '<rootDir>/client/testing/styleStub.ts',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Client platform adapters (`x.weapp.ts` / `x.h5.ts`): tests get the H5 one, as a browser build would.
  moduleFileExtensions: ['h5.ts', 'h5.tsx', 'js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'json', 'node'],
  // dayjs' ESM-free CJS build is used as is; nothing else needs transforming in node_modules.
  transformIgnorePatterns: ['/node_modules/'],
};
