// ESLint: typescript-eslint strict (type-aware) everywhere, react-hooks for the renderer, and
// import rules that keep the layers of DESIGN.md §2 apart.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnlyInAdapters = {
  name: 'electron',
  message: 'Only the Electron adapters (electron/main, electron/preload) import electron at run time; use `import type` elsewhere.',
  allowTypeImports: true,
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.cache/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'build/tools/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-definitions': 'off',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['build/tools/*.mjs', '*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to the host only through window.kiosk.' },
            { name: 'zustand', importNames: ['create', 'createStore'], message: 'Define stores with defineCitizenStore/defineTerminalStore (state/storeRegistry.ts) so the session reset sees them.' },
            { name: 'zustand/vanilla', message: 'Define stores with defineCitizenStore/defineTerminalStore (state/storeRegistry.ts) so the session reset sees them.' },
          ],
          patterns: [{ group: ['node:*', '**/electron/**'], message: 'The renderer runs in the browser: no Node or host modules.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/src/state/storeRegistry.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/chromium/**/*.ts', 'electron/launcher/**/*.ts', 'shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInAdapters] }] },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInAdapters],
          patterns: [{ group: ['**/main/**', '**/chromium/**', '**/preload/**', '**/launcher/**', '**/renderer/**'], message: 'core is host-agnostic: hosts import core, never the other way round.' }],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronOnlyInAdapters], patterns: [{ group: ['node:*', '**/electron/**', '**/renderer/**'], message: 'shared/ is used by both sides: no Node, host or UI imports.' }] },
      ],
    },
  },
  {
    files: ['tests/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
);
