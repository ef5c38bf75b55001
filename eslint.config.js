// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/cdktf.out/**',
      'bench/results.*',
      'web/public/*.js',
      'terraform/dist/**',
      'terraform/cdktf.out/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Plain JavaScript entry points run on Node.
    files: ['**/bin/*.js', 'packages/push/src/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
  },
  {
    // Browser-side scripts and command entry points legitimately write to the console.
    files: ['web/**', '**/bin/**', 'packages/cli/src/**'],
    rules: { 'no-console': 'off' },
  },
);
