import { parseArgs } from 'node:util';

export interface HostOptions {
  readonly configPath: string | undefined;
  readonly headless: boolean;
  readonly cdpPort: number | undefined;
}

export type HostOptionsResult = { readonly ok: true; readonly options: HostOptions } | { readonly ok: false; readonly message: string };

/** Parses the Chromium host's command line: `--config <file>`, `--headless`, `--cdp-port <n>`. */
export function parseHostOptions(argv: readonly string[]): HostOptionsResult {
  let values: { config?: string; headless?: boolean; 'cdp-port'?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { config: { type: 'string' }, headless: { type: 'boolean' }, 'cdp-port': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  let cdpPort: number | undefined;
  if (values['cdp-port'] !== undefined) {
    cdpPort = Number(values['cdp-port']);
    if (!Number.isInteger(cdpPort) || cdpPort < 1024 || cdpPort > 65535) {
      return { ok: false, message: `--cdp-port must be a port number from 1024 to 65535, got "${values['cdp-port']}"` };
    }
  }
  return { ok: true, options: { configPath: values.config, headless: values.headless ?? false, cdpPort } };
}
