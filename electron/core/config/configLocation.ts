import { existsSync } from 'node:fs';
import { isAbsolute, join, posix, resolve, win32 } from 'node:path';

/** The embedded default config (role `info`, simulated devices), relative to the app root. */
export const defaultConfigRelativePath = join('kiosk-config', 'default.json');

/**
 * How the installed app runs (deb, AppImage, Windows installer). Passed in by the Electron host:
 * the core never imports electron.
 */
export interface PackagedApp {
  /** Electron's `process.resourcesPath`: the bundled defaults are in its `kiosk-config/`. */
  readonly resourcesPath: string;
  readonly platform: NodeJS.Platform;
  /** `%ProgramData%` (Windows). */
  readonly programData?: string | undefined;
  /** Whether a file exists; `existsSync` unless a test injects one. */
  readonly exists?: ((file: string) => boolean) | undefined;
}

/**
 * The config file IT edits on an installed terminal: outside the app, so it survives updates and
 * changes without a rebuild. The installers put the bundled defaults there when it is missing.
 */
export function systemConfigFile(platform: NodeJS.Platform, programData?: string): string {
  if (platform === 'win32') {
    const base = programData === undefined || programData === '' ? 'C:\\ProgramData' : programData;
    return win32.join(base, 'buergerservice-kiosk', 'kiosk-config.json');
  }
  return posix.join('/etc', 'buergerservice-kiosk', 'kiosk-config.json');
}

/** The default config shipped beside the installed app (electron-builder's extraResources). */
export function bundledConfigFile(packaged: Pick<PackagedApp, 'resourcesPath' | 'platform'>): string {
  return (packaged.platform === 'win32' ? win32 : posix).join(packaged.resourcesPath, 'kiosk-config', 'default.json');
}

/**
 * Picks the config file: `--config` wins over `KIOSK_CONFIG`, else the default. The default of an
 * installed app is the system config (`/etc/buergerservice-kiosk/kiosk-config.json`,
 * `%ProgramData%\buergerservice-kiosk\kiosk-config.json`), or the bundled one while that file does
 * not exist; run from the repository it is the embedded `kiosk-config/default.json`.
 */
export function chooseConfigFile(options: {
  appRoot: string;
  cliPath?: string | undefined;
  envPath?: string | undefined;
  cwd: string;
  packaged?: PackagedApp | undefined;
}): string {
  const chosen = options.cliPath ?? (options.envPath === '' ? undefined : options.envPath);
  if (chosen !== undefined) return isAbsolute(chosen) ? chosen : resolve(options.cwd, chosen);
  const packaged = options.packaged;
  if (packaged === undefined) return join(options.appRoot, defaultConfigRelativePath);
  const system = systemConfigFile(packaged.platform, packaged.programData);
  return (packaged.exists ?? existsSync)(system) ? system : bundledConfigFile(packaged);
}
