import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { findAppRoot } from '#tests/support/appRoot';

/**
 * The security lint (docs/architecture.md, "Security") runs with the normal lint in CI. Each rule
 * is shown here to refuse the dangerous form in the layer where it matters, so a config change
 * that silently drops a rule fails a test instead of letting the form back in.
 */

const root = findAppRoot(import.meta.dirname);
// The rules below need no type information; leaving it out lets the probes be files that do not exist.
const eslint = new ESLint({ cwd: root, overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], ...tseslint.configs.disableTypeChecked }] });

/** The rule ids that report `code` checked as the file `probe`. */
async function reportedRules(probe: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, probe) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

const windowProbe = 'electron/hosts/electron/securityProbe.ts';
const window = (preferences: string): string =>
  `declare const BrowserWindow: new (options: object) => object;\nexport const w = new BrowserWindow({ webPreferences: { ${preferences} } });\n`;

describe('security lint', () => {
  it.each([
    ['contextIsolation: false', 'no-restricted-syntax'],
    ['sandbox: false', 'no-restricted-syntax'],
    ['nodeIntegration: true', '@microsoft/sdl/no-electron-node-integration'],
    ['nodeIntegrationInSubFrames: true', 'no-restricted-syntax'],
    ['webSecurity: false', 'no-restricted-syntax'],
    ['allowRunningInsecureContent: true', 'no-restricted-syntax'],
    ['experimentalFeatures: true', 'no-restricted-syntax'],
    ['webviewTag: true', 'no-restricted-syntax'],
    ["enableBlinkFeatures: 'CSSPseudoHas'", 'no-restricted-syntax'],
    ['devTools: true', 'no-restricted-syntax'],
  ])('refuses a window with %s', async (preference, rule) => {
    expect(await reportedRules(windowProbe, window(preference))).toContain(rule);
  });

  it('accepts a window with the kiosk’s own preferences', async () => {
    expect(await reportedRules(windowProbe, window('contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true'))).toEqual([]);
  });

  it.each([
    ['electron/core/securityProbe.ts', 'export const run = (code: string): unknown => eval(code);\n', 'no-eval'],
    ['electron/core/securityProbe.ts', 'export const make = (code: string): unknown => new Function(code);\n', 'no-new-func'],
    ['electron/core/securityProbe.ts', "export const site = 'http://www.jena.de/';\n", '@microsoft/sdl/no-insecure-url'],
    ['electron/core/securityProbe.ts', 'export const bytes = Buffer.allocUnsafe(16);\n', '@microsoft/sdl/no-unsafe-alloc'],
    [
      'renderer/src/securityProbe.ts',
      'export const set = (element: Element, html: string): void => { element.innerHTML = html; };\n',
      '@microsoft/sdl/no-inner-html',
    ],
    [
      'renderer/src/securityProbe.ts',
      "export const send = (target: Window): void => { target.postMessage('x', '*'); };\n",
      '@microsoft/sdl/no-postmessage-star-origin',
    ],
    [
      'renderer/src/securityProbe.tsx',
      'export const Html = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;\n',
      'react/no-danger',
    ],
  ])('%s refuses %s', async (probe, code, rule) => {
    expect(await reportedRules(probe, code)).toContain(rule);
  });

  it('lets the kiosk talk plain http to the machine itself only', async () => {
    expect(
      await reportedRules('electron/hosts/chromium/securityProbe.ts', 'export const here = (port: number): string => `http://127.0.0.1:${String(port)}`;\n'),
    ).toEqual([]);
  });
});
