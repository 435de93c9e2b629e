import tsParser from '@typescript-eslint/parser';
import officeAddins from 'eslint-plugin-office-addins';

export default [
  { ignores: ['build/', 'dist/', 'node_modules/', 'coverage/', 'test-results/', 'vendor/', 'bin/', '*.config.js', '*.config.mjs'] },
  ...officeAddins.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // TypeScript checks names itself, with the right globals for each tsconfig.
      'no-undef': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'office-addins/no-context-sync-in-loop': 'error',
    },
  },
];
