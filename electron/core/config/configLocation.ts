import { isAbsolute, join, resolve } from 'node:path';

/** The embedded default config (role `info`, simulated devices), relative to the app root. */
export const defaultConfigRelativePath = join('kiosk-config', 'default.json');

/** Picks the config file: `--config` wins over `KIOSK_CONFIG`, else the embedded default. */
export function chooseConfigFile(options: { appRoot: string; cliPath?: string; envPath?: string; cwd: string }): string {
  const chosen = options.cliPath ?? (options.envPath === '' ? undefined : options.envPath);
  if (chosen === undefined) return join(options.appRoot, defaultConfigRelativePath);
  return isAbsolute(chosen) ? chosen : resolve(options.cwd, chosen);
}
