// ESLint: typescript-eslint strict (type-aware) everywhere, react-hooks for the renderer, and
// import rules that keep the layers apart (docs/architecture.md, "Layers").
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Packages that only run in Node (native modules, files, processes, the browser driver). */
const nodeOnlyPackages = [
  'serialport',
  '@serialport/*',
  'node-hid',
  'pino',
  'pino/*',
  'playwright-core',
  'playwright-core/*',
  '@playwright/*',
  'csv-parse',
  'csv-parse/*',
  'jsonc-parser',
];
/** Packages of the UI; the core is the same under both hosts and draws nothing. */
const uiPackages = [
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  'react-i18next',
  'zustand',
  'zustand/*',
  'react-simple-keyboard',
  'simple-keyboard-layouts',
  'simple-keyboard-layouts/*',
];

const electronOnlyInAdapters = {
  name: 'electron',
  message: 'Only the Electron adapters (electron/hosts/electron) import electron at run time; use `import type` elsewhere.',
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
            {
              name: 'zustand',
              importNames: ['create', 'createStore'],
              message: 'Define stores with defineCitizenStore/defineTerminalStore (state/storeRegistry.ts) so the session reset sees them.',
            },
            {
              name: 'zustand/vanilla',
              message: 'Define stores with defineCitizenStore/defineTerminalStore (state/storeRegistry.ts) so the session reset sees them.',
            },
          ],
          patterns: [
            { group: ['node:*', '**/electron/**'], message: 'The renderer runs in the browser: no Node or host modules.' },
            { regex: '^#(?:core|electron|tests)/', message: 'The renderer runs in the browser: no Node or host modules, no tests.' },
            { group: nodeOnlyPackages, message: 'The renderer runs in the browser: this package only runs in Node.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/state/storeRegistry.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/hosts/chromium/**/*.ts', 'electron/launcher/**/*.ts', 'electron/tools/**/*.ts', 'shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInAdapters] }] },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInAdapters],
          patterns: [
            {
              group: ['**/hosts/**', '**/launcher/**', '**/tools/**', '**/renderer/**'],
              message: 'core is host-agnostic: hosts and tools import core, never the other way round.',
            },
            // The layer names of tsconfig.base.json (a leading # would be a comment in the glob patterns above).
            { regex: '^#(?:electron|renderer|tests)/', message: 'core is host-agnostic: hosts and tools import core, never the other way round.' },
            { group: uiPackages, message: 'core draws nothing: UI packages belong to the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInAdapters],
          patterns: [
            {
              group: ['node:*', '**/electron/**', '**/renderer/**'],
              message: 'shared/ is used by both sides: no Node, host or UI imports.',
            },
            { regex: '^#(?:core|electron|renderer|tests)/', message: 'shared/ is used by both sides: no Node, host, UI or test imports.' },
            { group: [...nodeOnlyPackages, ...uiPackages], message: 'shared/ is used by both sides: no Node-only or UI packages.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
);
