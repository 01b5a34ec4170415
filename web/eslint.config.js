// @ts-check
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * Import boundaries (bulletproof-react): dependencies point app → features → components, lib, i18n.
 * - A feature reaches another feature only through its public index (`@/features/users`), never its internals.
 * - Inside a feature, climbing out with `../../` is refused: cross-folder imports use the `@/` alias.
 * - components, lib and i18n never import features or app.
 */
const boundaries = [
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/features/*/**', `!@/features/${feature}/**`],
              message:
                'Import another feature only through its public index, e.g. @/features/users.',
            },
            {
              group: [`@/features/${feature}`, `@/features/${feature}/**`],
              message: 'Inside a feature, use relative imports (./ or ../) for its own files.',
            },
            {
              group: ['../../*'],
              message: 'Leave a feature folder through the @/ alias, not ../../.',
            },
            { group: ['@/app', '@/app/**'], message: 'Features must not depend on the app shell.' },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/features/*/**'],
              message: 'The app shell uses features through their public index only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/components/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}', 'src/i18n/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@/features',
                '@/features/**',
                '@/app',
                '@/app/**',
                '**/features/**',
                '**/app/**',
              ],
              message:
                'Shared code (components, lib, i18n) must not depend on features or the app shell.',
            },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [
      ...tseslint.configs.strictTypeChecked,
      reactHooks.configs.flat.recommended,
      jsxA11y.flatConfigs.recommended,
    ],
    languageOptions: {
      ecmaVersion: 2022,
      globals: globals.browser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      // No inline styles: the server's CSP (style-src 'self') would block them.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='style']",
          message: 'Inline styles are blocked by the CSP; use a class.',
        },
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render elements, not HTML strings.',
        },
      ],
      'jsx-a11y/no-autofocus': 'off',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  ...boundaries,
  {
    files: ['e2e/**/*.ts', 'playwright.config.ts', 'vite.config.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
);
