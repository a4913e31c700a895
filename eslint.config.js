// ESLint: typescript-eslint strict (type-aware) everywhere, react-hooks for the renderer, and
// import rules that keep the layers apart (docs/architecture.md, "Layers").
import js from '@eslint/js';
import sdl from '@microsoft/eslint-plugin-sdl';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Electron's security checklist (docs/architecture.md, "Security") as lint: a webPreferences or
 * window option that weakens the renderer's isolation may not be written anywhere, in any form.
 */
const weakenedWebPreferences = [
  ['contextIsolation', 'false', 'The kiosk and portal pages keep context isolation.'],
  ['sandbox', 'false', 'Every renderer stays sandboxed.'],
  ['nodeIntegration', 'true', 'No page gets Node.'],
  ['nodeIntegrationInWorker', 'true', 'No worker gets Node.'],
  ['nodeIntegrationInSubFrames', 'true', 'No frame gets Node.'],
  ['webSecurity', 'false', 'The same-origin policy stays on.'],
  ['allowRunningInsecureContent', 'true', 'No http content in https pages.'],
  ['experimentalFeatures', 'true', 'No experimental Blink features: they are not hardened.'],
  ['webviewTag', 'true', 'No <webview>: it would bring its own, unguarded webPreferences.'],
  ['enableBlinkFeatures', null, 'No extra Blink features.'],
  ['devTools', 'true', 'DevTools are opened only by the development switch.'],
].map(([key, value, why]) => ({
  selector: value === null ? `Property[key.name='${key}']` : `Property[key.name='${key}'][value.raw='${value}']`,
  message: `${key}${value === null ? '' : `: ${value}`} is refused. ${why}`,
}));

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
  // Security lint (Microsoft SDL): no eval, no HTML from strings, no insecure URLs, no
  // postMessage to "*", no unsafe Buffer allocation, no node integration, and the React rules.
  ...sdl.configs.common,
  ...sdl.configs.electron,
  ...sdl.configs.node,
  ...sdl.configs.react.map((config) => ({ ...config, files: ['renderer/**/*.tsx'] })),
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...weakenedWebPreferences],
      // Plain http only to the machine itself (the development host's asset server).
      '@microsoft/sdl/no-insecure-url': ['error', { exceptions: ['^http://127\\.0\\.0\\.1[:/]'] }],
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
    // Tests write plain-http addresses on purpose, to prove the kiosk refuses them.
    rules: { '@microsoft/sdl/no-insecure-url': 'off' },
  },
);
