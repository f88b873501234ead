import tseslint from 'typescript-eslint';

// Module boundaries (ARCHITECTURE.md "Who may import whom") are rules here, not just prose.
export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', '.tmp/**', 'test-results/**', 'server/db/migrations/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['server/platform/**/*.ts'],
    ignores: ['server/platform/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/modules/**', '**/integrations/**'], message: 'platform/ must not import business modules or integrations' }] }],
    },
  },
  {
    files: ['server/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/integrations/**'], message: 'modules emit events; integrations listen. Do not import integrations.' },
            // *.testing.ts files (a loopback SMTP server…) are a module's surface for other modules' tests.
            { regex: '^\\.\\./[\\w-]+/(?!index\\.js$|[\\w-]+\\.testing\\.js$)', message: 'import another module only through its index.ts' },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    ignores: ['web/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'the web app talks to the server only through the API client' }] }],
    },
  },
  {
    // Later blocks replace a rule's options: web/ui repeats the web-wide pattern and adds its own.
    files: ['web/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**'], message: 'the web app talks to the server only through the API client' },
            { group: ['**/modules/**'], message: 'web/ui knows no domain' },
          ],
        },
      ],
    },
  },
);
