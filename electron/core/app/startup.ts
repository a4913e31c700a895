import { chooseConfigFile } from '../config/configLocation';
import { formatConfigProblems, loadConfig } from '../config/loadConfig';
import type { KioskConfig } from '../../../shared/config/kioskConfig';
import { createLogger, type Logger } from '../logging/logger';
import { dataDir } from './appPaths';
import { join } from 'node:path';

export type StartupResult =
  | { readonly ok: true; readonly config: KioskConfig; readonly configFile: string; readonly logger: Logger; readonly dataDir: string }
  | { readonly ok: false; readonly report: string };

/**
 * What both hosts do before anything is shown: choose and validate the config, open the log.
 * An invalid config returns the readable report and nothing is started.
 */
export async function prepareStartup(input: {
  appRoot: string;
  cliConfigPath: string | undefined;
  env: NodeJS.ProcessEnv;
  cwd: string;
}): Promise<StartupResult> {
  const file = chooseConfigFile({ appRoot: input.appRoot, cliPath: input.cliConfigPath, envPath: input.env.KIOSK_CONFIG, cwd: input.cwd });
  const loaded = await loadConfig(file);
  if (!loaded.ok) return { ok: false, report: formatConfigProblems(loaded) };
  const dir = dataDir(input.env);
  const logger = createLogger({ logDir: join(dir, 'logs'), level: input.env.KIOSK_LOG_LEVEL ?? 'info' });
  logger.info({ event: 'startup', terminal: loaded.config.terminal.id, role: loaded.config.terminal.role }, 'kiosk starting');
  return { ok: true, config: loaded.config, configFile: file, logger, dataDir: dir };
}
