// ESLint (flat config): typescript-eslint's recommended rules everywhere, the rules of hooks in the plugin's admin.
// Formatting is Prettier's (npm run format); nothing here is about layout.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      'build/',
      '.cache/',
      '.tmp/',
      '.strapi/',
      'types/generated/',
      'src/extensions/documentation/',
      'public/uploads/',
      'tests/artifacts/',
      'bench/.data/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Sanitizers strip control characters on purpose (XML, CSV/XLSX cells, URLs, Markdown).
      'no-control-regex': 'off',
      // Chinese text uses the ideographic space (U+3000) in strings and templates.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      // Node scripts bind `const crypto = require('crypto')` over the global of the same module.
      'no-redeclare': ['error', { builtinGlobals: false }],
      // Loose JSON (Strapi answers, request bodies) is typed `any` in places: visible as warnings, to be narrowed with
      // zod or the typed seams; tests (below) may poke at answers freely.
      '@typescript-eslint/no-explicit-any': 'warn',
      // `_name` marks a value kept on purpose (destructured away, a parameter a signature needs).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Node scripts, configs and benchmarks are CommonJS.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The public site runs in the browser (ES modules and classic scripts).
    files: ['public/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.browser } },
  },
  {
    files: ['src/plugins/*/admin/**/*.{ts,tsx}', 'src/admin/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    // The two rules of hooks; the React Compiler's rules (set-state-in-effect, …) wait for the query hooks.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/__tests__/**', 'tests/**'],
    languageOptions: { globals: { ...globals.jest, ...globals.browser } },
    // Tests load the compiled CommonJS app and read loose JSON answers.
    rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
