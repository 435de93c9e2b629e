/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  moduleNameMapper: {
    // The engine's worker is started with import.meta, which jest cannot run: it runs in-thread.
    '^\\./start-worker$': '<rootDir>/test/stubs/start-worker.ts',
  },
  setupFilesAfterEnv: ['<rootDir>/test/setup-dom.ts'],
  testTimeout: 60000,
};
