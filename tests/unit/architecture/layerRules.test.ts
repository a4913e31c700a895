import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { findAppRoot } from '#tests/support/appRoot';

/**
 * The layers are enforced by the tools, not by good will (docs/architecture.md, "Layers"): each
 * layer's tsconfig.json gives it only its runtime's globals, and ESLint bans the other side's
 * packages. A probe file is checked as if it lived in the layer; each rule is shown to refuse a
 * violation and to accept the layer's own kind of code.
 */

const root = findAppRoot(import.meta.dirname);

/** Type errors of `code` compiled as the file `probe` (relative to the root) under `tsconfig`. */
function typeErrors(tsconfig: string, probe: string, code: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, tsconfig), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (parsed === undefined) throw new Error(`${tsconfig} could not be read`);
  const options: ts.CompilerOptions = {
    ...parsed.options,
    composite: false,
    declaration: false,
    emitDeclarationOnly: false,
    noEmit: true,
    incremental: false,
    rootDir: root,
  };
  delete options.tsBuildInfoFile;
  const probePath = join(root, probe);
  const host = ts.createCompilerHost(options);
  const readSource = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => (name === probePath ? ts.createSourceFile(name, code, language) : readSource(name, language, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === probePath || fileExists(name);
  // The layer's own declaration files (the globals it may use) come along, as its include would bring them.
  const declarations = parsed.fileNames.filter((file) => file.endsWith('.d.ts'));
  const program = ts.createProgram({ rootNames: [probePath, ...declarations], options, host });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('layers in the compiler: each layer has only its own runtime', () => {
  it.each([
    ['electron/tsconfig.json', 'electron/core/layerProbe.ts', 'export const here = window.location.href;', /Cannot find name 'window'/],
    ['electron/tsconfig.json', 'electron/core/layerProbe.ts', 'export const title = document.title;', /Cannot find name 'document'/],
    ['shared/tsconfig.json', 'shared/layerProbe.ts', "export const bytes = Buffer.from('x');", /Cannot find name 'Buffer'/],
    ['shared/tsconfig.json', 'shared/layerProbe.ts', 'export const env = process.env;', /Cannot find name 'process'/],
    ['shared/tsconfig.json', 'shared/layerProbe.ts', 'export const title = document.title;', /Cannot find name 'document'/],
    [
      'renderer/tsconfig.json',
      'renderer/src/layerProbe.ts',
      "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;",
      /Cannot find (name|module) 'node:fs'/,
    ],
    ['renderer/tsconfig.json', 'renderer/src/layerProbe.ts', 'export const env = process.env;', /Cannot find name 'process'/],
    [
      'electron/hosts/chromium/bridge/tsconfig.json',
      'electron/hosts/chromium/bridge/layerProbe.ts',
      'export const pid = process.pid;',
      /Cannot find name 'process'/,
    ],
  ])('%s refuses %s: %s', (tsconfig, probe, code, expected) => {
    expect(typeErrors(tsconfig, probe, code).join('\n')).toMatch(expected);
  });

  it.each([
    ['electron/tsconfig.json', 'electron/core/layerProbe.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;"],
    ['shared/tsconfig.json', 'shared/layerProbe.ts', "export const origin = new URL('https://www.jena.de/').origin;"],
    ['renderer/tsconfig.json', 'renderer/src/layerProbe.ts', 'export const title = document.title;'],
    ['electron/hosts/chromium/bridge/tsconfig.json', 'electron/hosts/chromium/bridge/layerProbe.ts', 'export const top = window.top === window;'],
  ])('%s accepts its own kind of code in %s', (tsconfig, probe, code) => {
    expect(typeErrors(tsconfig, probe, code)).toEqual([]);
  });
});

describe('layers in the linter: no package of the other side', () => {
  // The import rules need no type information; leaving it out lets the probes be files that do not exist.
  const eslint = new ESLint({ cwd: root, overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], ...tseslint.configs.disableTypeChecked }] });

  async function importErrors(probe: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: join(root, probe) });
    return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
  }

  it.each([
    ['renderer/src/layerProbe.ts', "import { SerialPortStream } from '@serialport/stream';\nexport const s = SerialPortStream;"],
    ['renderer/src/layerProbe.ts', "import HID from 'node-hid';\nexport const h = HID;"],
    ['renderer/src/layerProbe.ts', "import { chromium } from 'playwright-core';\nexport const c = chromium;"],
    ['renderer/src/layerProbe.ts', "import { createKioskCore } from '../../electron/core/app/kioskCore';\nexport const k = createKioskCore;"],
    ['shared/layerProbe.ts', "import pino from 'pino';\nexport const p = pino;"],
    ['shared/layerProbe.ts', "import { useState } from 'react';\nexport const u = useState;"],
    ['electron/core/layerProbe.ts', "import { useState } from 'react';\nexport const u = useState;"],
    ['electron/core/layerProbe.ts', "import { useTranslation } from 'react-i18next';\nexport const t = useTranslation;"],
    ['electron/core/layerProbe.ts', "import { KioskPage } from '../hosts/chromium/kioskPage';\nexport const k = KioskPage;"],
    ['electron/core/layerProbe.ts', "import { runPinCli } from '../tools/staffPin/pinCli';\nexport const r = runPinCli;"],
    ['electron/core/layerProbe.ts', "import { KioskPage } from '#electron/hosts/chromium/kioskPage';\nexport const k = KioskPage;"],
    ['renderer/src/layerProbe.ts', "import { createKioskCore } from '#core/app/kioskCore';\nexport const k = createKioskCore;"],
    ['shared/layerProbe.ts', "import { systemClock } from '#core/session/clock';\nexport const c = systemClock;"],
    ['shared/layerProbe.ts', "import { kioskApi } from '#renderer/kiosk/kioskApi';\nexport const k = kioskApi;"],
  ])('%s may not: %s', async (probe, code) => {
    expect(await importErrors(probe, code)).not.toEqual([]);
  });

  it.each([
    ['renderer/src/layerProbe.ts', "import { useState } from 'react';\nexport const u = useState;"],
    ['electron/core/layerProbe.ts', "import pino from 'pino';\nexport const p = pino;"],
    ['shared/layerProbe.ts', "import { z } from 'zod';\nexport const s = z.string();"],
    ['renderer/src/layerProbe.ts', "import { ok } from '#shared/result';\nexport const o = ok;"],
    ['electron/core/layerProbe.ts', "import { ok } from '#shared/result';\nexport const o = ok;"],
  ])('%s may: %s', async (probe, code) => {
    expect(await importErrors(probe, code)).toEqual([]);
  });
});
