// i18next-cli: CI checks that every key the UI uses exists in all eight languages, that no
// language keeps a key the UI no longer uses, and that JSX holds no hard-coded text.
// The staff screens (renderer/src/staff/) are in German and English only: their `staff` namespace
// has its own files (renderer/src/staff/locales/) and its own test (tests/unit/renderer/
// staffLocales.test.ts), so extract and status leave it out; lint still checks their JSX.
import { defineConfig } from 'i18next-cli';
import { dynamicKeyGroups } from './renderer/src/i18n/dynamicKeys';
import { uiLanguages } from './shared/i18n/languages';

export default defineConfig({
  locales: [...uiLanguages],
  extract: {
    input: ['renderer/src/**/*.{ts,tsx}', 'shared/**/*.ts'],
    ignore: ['**/*.d.ts'],
    output: 'renderer/src/i18n/locales/{{language}}.json',
    defaultNS: false,
    primaryLanguage: 'de',
    removeUnusedKeys: true,
    preservePatterns: dynamicKeyGroups.map((group) => `${group}.*`),
    sort: false,
    ignoreNamespaces: ['staff'],
    indentation: 2,
  },
  lint: {
    checkConcatenation: 'error',
  },
});
